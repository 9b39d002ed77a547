"""YAML the two readers disagree on: find it cheaply and reject it clearly.

The fast reader (libyaml, through ruamel's C extension) and ruamel's round-trip
reader are two different parsers. Over the official YAML test suite they
disagree on a few dozen inputs, nearly all odd corners of the spec: tabs used
as indentation, comments glued to a value, directives in the middle of a
stream, anchors and tags in unusual places, block scalars whose first lines
hold only spaces. libyaml also accepts a handful of inputs the spec forbids.

A proposal never needs any of this. So both readers reject these constructs
with one message each, and a file is accepted only when both readers would
accept it and read the same data. To keep the fast path fast, the checks run
only when a cheap textual scan sees a construct that could be one of them.
"""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import tokens as tk
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode

from oppdrag import codes
from oppdrag.diagnostics import Finding, Position
from oppdrag.source.comments import shorten
from oppdrag.source.findings import located_finding
from oppdrag.source.shape import CORE_TAG_PREFIX, Limits, UnsupportedYaml
from oppdrag.source.yaml_errors import yaml_error_finding

# Cheap signs that a text may use a construct the readers disagree on: a
# character that must be present, and a test around it (None: the character
# alone is the sign). The character test skips the others for most texts.
# Every test is linear in the text: hostile lines hold thousands of brackets,
# quotes or comment marks, so no pattern may rescan a line once per mark.
_Test = Callable[[str], bool]


def _pattern(regex: str) -> _Test:
    compiled = re.compile(regex, re.MULTILINE)
    return lambda text: compiled.search(text) is not None


_GLUED_COMMENT = re.compile(r"\S#")
_COMMENT_LINE = re.compile(r"\n[ ]+#")
_COMMENT_AFTER_KEY = re.compile(r":[ ]+#")


def _comment_sign(text: str) -> bool:
    """'#' glued to a value, or a comment after a key with a comment line below."""
    if _GLUED_COMMENT.search(text):
        return True
    for match in _COMMENT_LINE.finditer(text):
        previous = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if _COMMENT_AFTER_KEY.search(previous):
            return True
    return False


_TRIGGERS: tuple[tuple[str, _Test | None], ...] = (
    ("\t", None),  # a tab anywhere
    ("%", _pattern(r"^%")),  # a directive
    ("#", _comment_sign),
    ("&", _pattern(r"(?:^|[\s\[{,])&\S")),  # an anchor
    ("!", _pattern(r"(?:^|[\s\[{,])!")),  # a tag
    # A bracket left open at the end of its line; a lone '-' inside brackets.
    ("[", _pattern(r"\[[^\[\]\n]*$|[\[,][ ]*-[ ]*(?:[,\]]|$)")),
    ("{", _pattern(r"\{[^{}\n]*$|[{,][ ]*-[ ]*(?:[,}]|$)")),
    ('"', _pattern(r"(?:^|[:,\[{-])[ ]+\"[^\"\n]*$")),  # a quote continued
    ("'", _pattern(r"(?:^|[:,\[{-])[ ]+'[^'\n]*$")),
    # A line with '|' or '>' (a block text may start there) followed by blank
    # lines and a line of spaces only; the atomic group reads each line once.
    ("|", _pattern(r"^(?>[^\n|]*\|[^\n]*\n)(?:[ ]*\n)*[ ]+\n")),
    (">", _pattern(r"^(?>[^\n>]*>[^\n]*\n)(?:[ ]*\n)*[ ]+\n")),
)


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A construct the two readers would read differently, and where it is."""

    message_id: str
    position: Position


def needs_second_opinion(text: str) -> bool:
    """True when the text may hold a construct the two readers disagree on."""
    return any(
        char in text and (test is None or test(text)) for char, test in _TRIGGERS
    )


def find_ambiguity(text: str) -> Ambiguity | None:
    """The first construct of the text that proposals do not allow, if any.

    Call only on text the fast reader accepted: the scan reuses its tokens.
    """
    return next(_Scan(text).problems(), None)


class _Scan:
    """One pass over the fast reader's tokens, tracking flow and block context."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.text = text
        self.block_indents: list[int] = []
        self.flow_depth = 0
        self.previous: Any = None
        self.block_lines: set[int] = set()
        # Per line, the column ranges that hold text (scalars), where tabs may appear.
        self.text_cells: dict[int, list[tuple[int, int]]] = {}

    def problems(self) -> Iterator[Ambiguity]:
        for token in _tokens(self.text):
            yield from self._check(token)
            self._track(token)
            self.previous = token
        yield from self._tabs()

    def _check(self, token: Any) -> Iterator[Ambiguity]:
        end = token.end_mark
        if self._char(end.line, end.column) == "#" and not isinstance(
            token, tk.StreamStartToken | tk.BlockEndToken
        ):
            yield Ambiguity("yaml.comment_glued", _position(end))
        if isinstance(token, tk.DirectiveToken) and not isinstance(
            self.previous, tk.StreamStartToken | tk.DocumentEndToken | tk.DirectiveToken
        ):
            yield Ambiguity("yaml.directive_placement", _position(token.start_mark))
        if isinstance(token, tk.ScalarToken):
            yield from self._check_scalar(token)
        elif self._under_indented_in_flow(token):
            yield Ambiguity("yaml.under_indented", _position(token.start_mark))

    def _check_scalar(self, token: Any) -> Iterator[Ambiguity]:
        start, end = token.start_mark, token.end_mark
        if token.style in ("|", ">"):
            header = self.lines[start.line][start.column :]
            if re.match(r"[|>][-+0-9]*#", header):
                yield Ambiguity("yaml.comment_glued", _position(start))
            self.block_lines.update(range(start.line + 1, end.line + 1))
            return
        self._record_text(start, end)
        if self.flow_depth and token.plain and token.value == "-":
            yield Ambiguity("yaml.lone_dash", _position(start))
        if self._under_indented_in_flow(token):
            yield Ambiguity("yaml.under_indented", _position(start))
        for line in range(start.line + 1, end.line + 1):
            content = self.lines[line] if line < len(self.lines) else ""
            indent = len(content) - len(content.lstrip(" "))
            if content.strip() and indent <= self._block_indent():
                yield Ambiguity("yaml.under_indented", Position(line + 1, indent + 1))

    def _track(self, token: Any) -> None:
        if isinstance(token, tk.BlockMappingStartToken | tk.BlockSequenceStartToken):
            self.block_indents.append(token.start_mark.column)
        elif isinstance(token, tk.BlockEndToken) and self.block_indents:
            self.block_indents.pop()
        elif isinstance(token, tk.FlowSequenceStartToken | tk.FlowMappingStartToken):
            self.flow_depth += 1
        elif isinstance(token, tk.FlowSequenceEndToken | tk.FlowMappingEndToken):
            self.flow_depth = max(0, self.flow_depth - 1)

    def _record_text(self, start: Any, end: Any) -> None:
        for line in range(start.line, end.line + 1):
            first = start.column if line == start.line else 0
            last = end.column if line == end.line else 1 << 30
            self.text_cells.setdefault(line, []).append((first, last))

    def _tabs(self) -> Iterator[Ambiguity]:
        """Tabs are allowed only inside text, and never to indent a line."""
        if "\t" not in self.text:  # most texts: no line to look at
            return
        for number, line in enumerate(self.lines):
            if "\t" not in line or number in self.block_lines:
                continue
            column = self._first_tab_outside_text(number, line)
            if column is not None:
                yield Ambiguity("yaml.tab", Position(number + 1, column + 1))

    def _first_tab_outside_text(self, number: int, line: str) -> int | None:
        """The first tab that indents the line or sits outside any text value.

        Text cells on a line do not overlap, so tabs and cells are both visited
        left to right, once each.
        """
        indent = len(line) - len(line.lstrip())
        cells = sorted(self.text_cells.get(number, []))
        cell = 0
        column = line.find("\t")
        while column != -1:
            if column < indent:
                return column
            while cell < len(cells) and cells[cell][1] <= column:
                cell += 1
            inside = cell < len(cells) and cells[cell][0] <= column
            if not inside:
                return column
            column = line.find("\t", column + 1)
        return None

    def _under_indented_in_flow(self, token: Any) -> bool:
        """Inside brackets, a line must start right of the enclosing block's indent."""
        mark = token.start_mark
        if not self.flow_depth or mark.column > self._block_indent():
            return False
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        return not line[: mark.column].strip()

    def _block_indent(self) -> int:
        return self.block_indents[-1] if self.block_indents else -1

    def _char(self, line: int, column: int) -> str:
        if line >= len(self.lines):
            return ""
        return self.lines[line][column : column + 1]


def _tokens(text: str) -> Iterator[Any]:
    """The tokens of the fast reader (libyaml), or of ruamel's scanner without it."""
    try:
        from _ruamel_yaml import CParser  # noqa: PLC0415 -- optional C extension
    except ImportError:  # pragma: no cover -- the C extension is a dependency
        yield from YAML(typ="safe", pure=True).scan(text)
        return
    parser = CParser(text)
    try:
        while (token := parser.get_token()) is not None:
            yield token
    finally:
        parser.dispose()


def _position(mark: Any) -> Position:
    return Position.from_mark(mark)


_CORE_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


class _RoundTripConstructor(RoundTripConstructor):
    """Keeps the first value of a duplicate key (the fast read reports it)."""

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        return key not in mapping


def disagreement(
    text: str, fast_data: list[Any], max_depth: int = Limits().max_depth
) -> Finding | None:
    """Why the readers would not agree on this text, or None when they do.

    Call only on text the fast reader accepted: its shape is within the limits.
    """
    # The round-trip reader's scanner takes time in the square of how deep
    # brackets nest: 1,400 of them took seconds. The fast reader found no
    # nesting beyond the limit, so brackets that could nest deeper are read
    # differently by the two readers; the slow one is not asked.
    if bracket_depth(text) > max_depth:
        return second_reader_failed(text)
    ambiguity = find_ambiguity(text)
    if ambiguity is not None:
        return located_finding(
            codes.AMBIGUOUS_YAML, ambiguity.message_id, text, ambiguity.position
        )
    # Comments mean nothing to the data, and long ones cost the round-trip
    # reader time in the square of their length (see source/comments.py).
    short = shorten(text)
    try:
        slow_data = [plain(data) for data in read_roundtrip(short.text)]
    except YAMLError as error:
        return yaml_error_finding(short.restored(error), text)
    except Exception:
        # The round-trip reader has its own bugs (it fails on a mapping that
        # merges itself, for one); text one reader cannot read is ambiguous.
        return second_reader_failed(text)
    if not same_data(slow_data, fast_data):
        return second_reader_failed(text)
    return None


_BRACKET = re.compile(r"[\[\]{}]")
# A comment: '#' at the start of a line or after a space, to the end of the line.
_COMMENT = re.compile(r"(?:^|[ \t])#[^\n]*", re.MULTILINE)


def bracket_depth(text: str) -> int:
    """How deep the text's brackets could nest, but for those in comments.

    Brackets in quoted text count too; '#' inside quotes may hide a few. The
    figure is only used to spare the round-trip reader hopeless work.
    """
    depth = deepest = 0
    for match in _BRACKET.finditer(_COMMENT.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


def second_reader_failed(text: str) -> Finding:
    """Y011 for text the round-trip reader cannot read, or reads otherwise."""
    return located_finding(codes.AMBIGUOUS_YAML, "yaml.ambiguous", text, Position(1, 1))


def same_data(left: Any, right: Any) -> bool:
    """Equal data, where NaN equals NaN and a date never equals a string."""
    if isinstance(left, float) and isinstance(right, float):
        return left == right or (left != left and right != right)  # noqa: PLR0124
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(
            same_data(value, right[key]) for key, value in left.items()
        )
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same_data, left, right))
    return bool(left == right)


def read_roundtrip(text: str) -> Iterator[Any]:
    """Read the documents with the round-trip reader alone, as they come.

    Only for text the fast reader accepted (:func:`load_fast`), whose shape is
    within the limits; yielding one by one keeps the documents before an error.
    """
    yaml = YAML(typ="rt")
    yaml.Constructor = _RoundTripConstructor
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as in load_fast
        yield from yaml.load_all(text)


def plain(data: Any) -> Any:
    """Round-trip data as the plain types the fast loader gives.

    Shared (aliased) containers stay shared, so an alias bomb stays small.
    """
    return _plain(data, {})


def _plain(data: Any, seen: dict[int, Any]) -> Any:
    if id(data) in seen:
        return seen[id(data)]
    if isinstance(data, TaggedScalar):
        return _tagged_scalar(data)
    if isinstance(data, CommentedMap | CommentedSeq):
        _reject_custom_tag(data)
    if type(data) is CommentedMap:
        result: Any = {}
        seen[id(data)] = result
        for key, value in data.items():
            result[_plain(key, seen)] = _plain(value, seen)
        return result
    if type(data) is CommentedSeq:
        items: list[Any] = []
        seen[id(data)] = items
        items.extend(_plain(item, seen) for item in data)
        return items
    return _plain_scalar(data)


def _plain_scalar(data: Any) -> Any:
    for kind in (bool, int, float, str):
        if isinstance(data, kind):
            return kind(data)
    if isinstance(data, datetime.datetime):
        return datetime.datetime.fromisoformat(data.isoformat())
    return data


def _reject_custom_tag(data: CommentedMap | CommentedSeq) -> None:
    tag = data.tag.value
    if tag is not None and not tag.startswith(CORE_TAG_PREFIX):
        raise UnsupportedYaml("yaml.custom_tag")


def _tagged_scalar(data: TaggedScalar) -> Any:
    """Explicit core tags (``!!str 3``) resolve as the fast loader resolves them."""
    tag = str(data.tag.value or "")
    if not tag.startswith(CORE_TAG_PREFIX):
        raise UnsupportedYaml("yaml.custom_tag")
    if tag.removeprefix(CORE_TAG_PREFIX) not in _CORE_SCALAR_TAGS:
        raise UnsupportedYaml("yaml.unsupported_type")
    node = ScalarNode(tag, data.value)
    return SafeConstructor().construct_object(node, deep=True)
