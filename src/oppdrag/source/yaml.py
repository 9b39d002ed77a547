"""The two YAML loaders: a fast C-accelerated safe loader and a round-trip one.

Every file goes through :func:`load_fast`, which keeps the composed nodes so
positions need no second read (see ``source/nodes.py``). The round-trip reader
gives the second opinion on constructs the two parsers may read differently
(``source/strict.py``). Both follow YAML 1.2 (so ``no`` stays a string), accept
and reject the same texts and return the same data; tests over the YAML test
suite and generated data hold them to that.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from oppdrag import codes
from oppdrag.diagnostics import Finding, Position
from oppdrag.source.shape import (
    Limits,
    UnsupportedYaml,
    check_tree,
    nesting_problem,
    node_position,
    shown_value,
)
from oppdrag.source.strict import find_ambiguity, needs_second_opinion
from oppdrag.source.text import located_finding

_CORE_TAG_PREFIX = "tag:yaml.org,2002:"
_CORE_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}


# What reading hostile text can raise. ruamel also fails with AssertionError,
# TypeError or ValueError on some inputs (e.g. a '%YAML 1.3' directive), and its
# round-trip reader with a RuntimeError on some comment layouts. Those are input
# problems, reported as YAML errors rather than crashing the run.
LOAD_ERRORS = (YAMLError, RuntimeError, AssertionError, TypeError, ValueError)


@dataclass(frozen=True, slots=True)
class Document:
    """One YAML document of a stream, as plain data."""

    index: int
    line: int
    data: Any
    # Start lines of the items of a top-level ``missions:`` list (county strategies).
    mission_lines: tuple[int, ...] = ()
    # Keys written twice in one mapping: the first value is kept.
    duplicate_keys: tuple[tuple[str, Position], ...] = ()
    # The composed node tree, for positions without a second read (classification).
    node: Any = None


@dataclass(slots=True)
class LoadResult:
    """The documents read before any error, and the error that stopped the read."""

    documents: list[Document] = field(default_factory=list)
    error: Finding | None = None


class _RecordingConstructor(SafeConstructor):
    """Keeps the first value of a duplicate key and records the duplicate.

    Raising would stop at the first duplicate; recording lets the rest of the
    document be validated, so every problem is reported in one run.
    """

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        """Build one value; a value its type cannot read is reported at its place.

        ruamel's constructors fail with KeyError, IndexError or ValueError on
        values such as ``!!bool x``, an empty ``!!int`` or the date 2024-13-45.
        """
        try:
            return super().construct_object(node, deep=deep)
        except UnsupportedYaml:
            raise
        except YAMLError:
            if not isinstance(node, ScalarNode):
                raise  # merge keys and the like: ruamel's message says it
            raise self._bad_value(node) from None
        except Exception:  # any failure to build a value is the input's
            raise self._bad_value(node) from None

    @staticmethod
    def _bad_value(node: Any) -> UnsupportedYaml:
        return UnsupportedYaml(
            "yaml.bad_value",
            node_position(node),
            value=shown_value(node.value),
            expected=_KINDS.get(node.tag, "other"),
            tag=str(node.tag).replace(_CORE_TAG_PREFIX, "!!"),
        )

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            duplicates: list[tuple[str, Position]] = self.__dict__.setdefault(
                "duplicates", []
            )
            duplicates.append((str(key), node_position(key_node)))
            return False
        return True


class _RoundTripConstructor(RoundTripConstructor):
    """Keeps the first value of a duplicate key (the fast read reports it)."""

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        return key not in mapping


class _FastResolver(VersionedResolver):
    """The YAML 1.2 resolver without its per-scalar version lookup.

    ruamel asks for the YAML version (through a chain of attribute errors) for
    every scalar, which is a third of the fast read's time; with the C parser
    the version is always the loader's, 1.2, so it is looked up once.
    """

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    @property
    def versioned_resolver(self) -> Any:
        cached = self.__dict__.get("_resolvers")
        if cached is None:
            cached = super().versioned_resolver
            self.__dict__["_resolvers"] = cached
        return cached

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node; a scalar's answer is remembered across files."""
        if kind is not ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _SCALAR_TAGS.get(key)
        if tag is None:
            if len(_SCALAR_TAGS) > _SCALAR_TAG_LIMIT:
                _SCALAR_TAGS.clear()
            tag = _SCALAR_TAGS[key] = super().resolve(kind, value, implicit)
        return tag


# Scalars repeat across a batch (keys, choices, years): their resolved tags.
_SCALAR_TAGS: dict[tuple[Any, Any], Any] = {}
_SCALAR_TAG_LIMIT = 200_000


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _RecordingConstructor
    yaml.Resolver = _FastResolver
    return yaml


def read_trusted(text: str) -> Any:
    """The first document of YAML shipped with oppdrag itself (the rulebook).

    The package's own files need no limits or second opinion; they are read
    with the fast reader's cached resolver to keep start-up short.
    """
    return _fast_yaml().load(text)


def load_fast(text: str, limits: Limits) -> LoadResult:
    """Read every document with the C parser; stop at the first syntax error.

    When the text may use a construct the two readers disagree on, the
    round-trip reader gives a second opinion (see :mod:`oppdrag.source.strict`).
    """
    result = _read_fast(text, limits)
    if result.error is None and needs_second_opinion(text):
        fast_data = [doc.data for doc in result.documents]
        result.error = _disagreement(text, fast_data)
    return result


def load_roundtrip(text: str, limits: Limits) -> list[Any]:
    """Read every document with ruamel's round-trip loader, keeping positions.

    The text is accepted only where the fast reader accepts it too, with the
    same data; so both readers accept and reject exactly the same inputs.

    Raises:
        YamlRejected: the text is not valid YAML, or not YAML a proposal may use.
    """
    fast = _read_fast(text, limits)
    if fast.error is not None:
        raise YamlRejected(fast.error)
    if needs_second_opinion(text):
        problem = _disagreement(text, [doc.data for doc in fast.documents])
        if problem is not None:
            raise YamlRejected(problem)
    try:
        return list(read_roundtrip(text))
    except Exception as error:  # see _disagreement
        raise YamlRejected(_second_reader_failed(text)) from error


class YamlRejected(ValueError):
    """The round-trip read refused the text; ``finding`` says where and why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_id)
        self.finding = finding


def _disagreement(text: str, fast_data: list[Any]) -> Finding | None:
    """Why the readers would not agree on this text, or None when they do.

    Call only on text the fast reader accepted: its shape is within the limits.
    """
    ambiguity = find_ambiguity(text)
    if ambiguity is not None:
        return located_finding(
            codes.AMBIGUOUS_YAML, ambiguity.message_id, text, ambiguity.position
        )
    try:
        slow_data = [plain(data) for data in read_roundtrip(text)]
    except YAMLError as error:
        return yaml_error_finding(error, text)
    except Exception:
        # The round-trip reader has its own bugs (it fails on a mapping that
        # merges itself, for one); text one reader cannot read is ambiguous.
        return _second_reader_failed(text)
    if not same_data(slow_data, fast_data):
        return _second_reader_failed(text)
    return None


def _second_reader_failed(text: str) -> Finding:
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


def _read_fast(text: str, limits: Limits) -> LoadResult:
    result = LoadResult()
    yaml = _fast_yaml()
    with warnings.catch_warnings():
        # ruamel warns about legal YAML (a reused anchor name); say nothing.
        warnings.simplefilter("ignore")
        _read_documents(yaml, text, limits, result)
    return result


def _read_documents(yaml: YAML, text: str, limits: Limits, result: LoadResult) -> None:
    try:
        too_deep = nesting_problem(text, limits)
        if too_deep is not None:
            raise too_deep
        loader, _ = yaml.get_constructor_parser(text)
        try:
            while loader.check_node():
                node = loader.get_node()
                check_tree(node, limits)
                data = loader.construct_document(node)
                duplicates = loader.__dict__.pop("duplicates", [])
                result.documents.append(
                    Document(
                        index=len(result.documents),
                        line=_document_line(node, data, text),
                        data=data,
                        mission_lines=_mission_lines(node),
                        duplicate_keys=tuple(duplicates),
                        node=node,
                    )
                )
        finally:
            loader.dispose()
    except Exception as error:  # every failure to read is the input's
        result.error = yaml_error_finding(error, text)


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


def _document_line(node: Any, data: Any, text: str) -> int:
    """The line a document starts on; for an empty one, its '---' line."""
    line = int(node.start_mark.line)
    if data is None:
        lines = text.splitlines()
        for number in range(min(line, len(lines) - 1), -1, -1):
            if lines[number].startswith("---"):
                return number + 1
    return line + 1


def _mission_lines(node: Any) -> tuple[int, ...]:
    if not node.tag.endswith(":map"):
        return ()
    for key, value in node.value:
        if key.value == "missions" and value.tag.endswith(":seq"):
            return tuple(item.start_mark.line + 1 for item in value.value)
    return ()


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
    if tag is not None and not tag.startswith(_CORE_TAG_PREFIX):
        raise UnsupportedYaml("yaml.custom_tag")


def _tagged_scalar(data: TaggedScalar) -> Any:
    """Explicit core tags (``!!str 3``) resolve as the fast loader resolves them."""
    tag = str(data.tag.value or "")
    if not tag.startswith(_CORE_TAG_PREFIX):
        raise UnsupportedYaml("yaml.custom_tag")
    if tag.removeprefix(_CORE_TAG_PREFIX) not in _CORE_SCALAR_TAGS:
        raise UnsupportedYaml("yaml.unsupported_type")
    node = ScalarNode(tag, data.value)
    return SafeConstructor().construct_object(node, deep=True)


def yaml_error_finding(error: BaseException, text: str) -> Finding:
    """A located finding for a YAML error, a duplicate key or unsupported input."""
    if isinstance(error, UnsupportedYaml):
        position = error.position or Position(1, 1)
        message_id = error.message_id
        if message_id == "yaml.bad_value" and _tag_at(text, position):
            message_id = "yaml.bad_tagged_value"
        return located_finding(
            _UNSUPPORTED_CODES.get(error.message_id, codes.UNSUPPORTED_YAML_FEATURE),
            message_id,
            text,
            position,
            **error.args_for_message,
        )
    position = _error_position(error, text)
    if isinstance(error, ReaderError):
        return located_finding(
            codes.INVALID_YAML,
            "yaml.bad_character",
            text,
            position,
            character=_reader_char(error),
        )
    if not isinstance(error, LOAD_ERRORS):
        detail = f"{type(error).__name__}: {error}"
        return located_finding(
            codes.INVALID_YAML, "yaml.parser_failed", text, position, detail=detail
        )
    message_id = "yaml.custom_tag" if _is_tag_error(error) else "yaml.syntax"
    code = (
        codes.UNSUPPORTED_YAML_FEATURE
        if message_id == "yaml.custom_tag"
        else codes.INVALID_YAML
    )
    detail = getattr(error, "problem", None) or str(error)
    return located_finding(code, message_id, text, position, detail=str(detail))


_UNSUPPORTED_CODES = {
    "yaml.bad_value": codes.INVALID_YAML,
    "yaml.too_deep": codes.NESTING_TOO_DEEP,
    "yaml.too_many_nodes": codes.ALIAS_BOMB,
    "yaml.recursive_alias": codes.ALIAS_BOMB,
    "yaml.too_many_keys": codes.VALUE_TOO_LARGE,
    "yaml.text_too_long": codes.VALUE_TOO_LARGE,
    "yaml.number_too_long": codes.VALUE_TOO_LARGE,
}
# How a value's type is named in messages (catalogue terms 'kind.*').
_KINDS = {
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:int": "whole_number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:map": "mapping",
    "tag:yaml.org,2002:seq": "list",
}


def _tag_at(text: str, position: Position) -> bool:
    """True when a tag such as '!!int' is written where the value starts."""
    lines = text.splitlines()
    if not 1 <= position.line <= len(lines):
        return False
    return lines[position.line - 1][position.column - 1 :].startswith("!")


def _error_position(error: BaseException, text: str) -> Position:
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        # At the end of the file (an unclosed quote or bracket), the place where the
        # unfinished thing began is more useful than the end.
        if mark is not None and _at_end(mark, text) and error.context_mark is not None:
            mark = error.context_mark
        if mark is not None:
            return Position(mark.line + 1, mark.column + 1)
    offset = getattr(error, "position", None)
    if isinstance(offset, int):
        before = text[:offset]
        return Position(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)
    return Position(1, 1)


def _at_end(mark: Any, text: str) -> bool:
    lines = text.splitlines()
    return bool(
        mark.line >= len(lines)
        or (mark.line == len(lines) - 1 and mark.column >= len(lines[-1]))
    )


def _reader_char(error: ReaderError) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return f"U+{ord(character):04X}"
    if isinstance(character, int):
        return f"U+{character:04X}"
    return "?"


def _is_tag_error(error: BaseException) -> bool:
    problem = str(getattr(error, "problem", "") or "")
    return "could not determine a constructor for the tag" in problem
