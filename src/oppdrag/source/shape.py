"""Bounds on a YAML document's shape, checked before any data is built from it.

Hostile YAML is small text that makes readers do enormous work: nesting deep
enough to overflow the C reader's stack, aliases and merge keys (``<<``) that
expand a few hundred bytes into millions of values, a mapping with hundreds of
thousands of keys, a list of millions of one-letter items, a number too long to
print. Every check here runs without recursion and in time linear in the text,
so it is safe at any size:

- :func:`stream_problem` reads the parser's event stream (no node tree yet)
  when the text could nest deeper than the limit or hold more values than a
  file may;
- :func:`check_tree` walks the composed nodes once, sharing the work for
  aliased nodes, before the constructor expands aliases and merges.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from oppdrag.diagnostics import Position


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from using unbounded time or memory."""

    max_file_bytes: int = 10 * 1024 * 1024
    max_depth: int = 64
    # Values a document may expand to, counting every alias and merge in full.
    max_nodes: int = 200_000
    max_keys: int = 1_000
    max_text_chars: int = 100_000
    # Longer numbers are not figures; their decimal form is also costly to print.
    max_number_chars: int = 1_000
    # Values a file may hold as written (aliases not expanded). The C reader
    # composes a whole document before any check, at about 300 bytes a value;
    # a realistic 10 MB file holds about 500,000.
    max_file_values: int = 1_000_000
    # Missions a file may hold: each document counts as one, and each mission
    # of a county strategy (which has tens). Past it the file is not checked
    # further: 50,000 tiny documents would otherwise take a gigabyte.
    max_missions: int = 2_000


class UnsupportedYaml(ValueError):
    """The document uses a YAML feature a proposal has no use for, or is too large."""

    def __init__(
        self, message_id: str, position: Position | None = None, **args: object
    ) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.position = position
        self.args_for_message = args


# The prefix of the tags YAML itself defines (!!str is tag:yaml.org,2002:str).
CORE_TAG_PREFIX = "tag:yaml.org,2002:"
_CORE = CORE_TAG_PREFIX
_MAP = _CORE + "map"
_SEQ = _CORE + "seq"
_MERGE = _CORE + "merge"
_TIMESTAMP = _CORE + "timestamp"
_NULL = _CORE + "null"
# Plain '<<' and '=' are read as YAML's merge and value keys, not as text.
_RESERVED = frozenset({_MERGE, _CORE + "value"})
_UNSUPPORTED_TYPES = frozenset(
    _CORE + name for name in ("set", "omap", "pairs", "binary")
)
# The spellings of null; ruamel reads any text tagged '!!null' as null.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER_TAGS = frozenset({_CORE + "int", _CORE + "float"})
_SCALAR_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
# Collections nest only through these characters, so a text with fewer of them
# cannot nest deeper than that; the C reader composes thousands of levels safely.
_NESTING_CHARACTERS = "[{-?:"
_SAFE_NESTING = 2_000


def node_position(node: Any) -> Position:
    """The 1-based start of a composed node."""
    return Position.from_mark(node.start_mark)


def tag_of(node: Any) -> str:
    """A composed node's tag, as ``node.tag`` gives it.

    ``node.tag`` makes the text anew through three calls; this reads the text
    the tag keeps. It is asked for every node of every file.
    """
    return node.ctag.trval  # type: ignore[no-any-return]


def stream_problem(text: str, limits: Limits) -> UnsupportedYaml | None:
    """Nesting or values beyond the limits, found on the event stream before composing.

    ruamel's C reader composes nodes recursively in C: tens of thousands of
    nested brackets overflow its stack and kill the process. It also composes
    a whole document before any check can run: a 10 MB list of one-letter
    items is 3 million nodes, a gigabyte. A text with few characters that can
    open a collection cannot nest that deep, and a short text cannot hold that
    many values; those are not scanned. The others are read event by event,
    which needs no recursion and keeps nothing, up to the last document that
    will be read.
    """
    deep = sum(map(text.count, _NESTING_CHARACTERS)) > _SAFE_NESTING
    # A value takes at least about one character ('? ? ? ?' is nine values in
    # seven), so a text under half the limit cannot hold more.
    many = len(text) * 2 > limits.max_file_values
    if not deep and not many:
        return None
    from _ruamel_yaml import CParser  # noqa: PLC0415 -- the C reader's parser

    parser = CParser(text)
    try:
        return _scan(parser, limits)
    except YAMLError:
        return None  # the reader reports the syntax error itself, with its place
    finally:
        parser.dispose()


def _scan(parser: Any, limits: Limits) -> UnsupportedYaml | None:
    """The first problem on the event stream, up to the last document that is read."""
    depth = values = documents = 0
    while (event := parser.get_event()) is not None:
        name = type(event).__name__
        if name in _CLOSING:
            depth -= 1
            continue
        if name in _OPENING:
            depth += 1
            if depth > limits.max_depth:
                where = node_position(event)  # events carry marks as nodes do
                return UnsupportedYaml("yaml.too_deep", where, limit=limits.max_depth)
        elif name == "DocumentStartEvent":
            documents += 1
            if documents > limits.max_missions:
                return None  # the rest is not read (see max_missions)
            continue
        elif name != "ScalarEvent":
            continue
        values += 1
        if values > limits.max_file_values:
            return UnsupportedYaml(
                "yaml.file_too_many_values",
                node_position(event),
                limit=limits.max_file_values,
            )
    return None


_OPENING = frozenset({"MappingStartEvent", "SequenceStartEvent"})
_CLOSING = frozenset({"MappingEndEvent", "SequenceEndEvent"})


def check_tree(root: Any, limits: Limits) -> bool:
    """Reject what a proposal never holds, before any value is built.

    Returns True when the tree has a merge key ('<<'), which only ruamel's
    constructor builds (see ``source/build.py``).

    Raises:
        UnsupportedYaml: with the position of the node at fault.
    """
    check = _TreeCheck(limits)
    check.run(root)
    return check.merges


class _TreeCheck:
    """One walk over the composed nodes; an aliased node is measured once."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # Per collection node: (values it expands to, levels of nesting below it).
        self.measured: dict[int, tuple[int, int]] = {}
        self.open: set[int] = set()
        self.first_shared: Any = None
        self.merges = False

    def run(self, root: Any) -> None:
        if isinstance(root, ScalarNode):
            self.check_scalar(root)
            return
        # Each entry: (node, depth, None) to enter it, or (node, depth, children)
        # to finish it once its children are measured.
        stack: list[tuple[Any, int, list[Any] | None]] = [(root, 0, None)]
        while stack:
            node, depth, children = stack.pop()
            if children is not None:
                self.finish(node, children)
            elif id(node) in self.measured:
                self.revisit(node, depth)
            else:
                children = self.enter(node, depth)
                stack.append((node, depth, children))
                stack.extend((child, depth + 1, None) for child in reversed(children))

    def enter(self, node: Any, depth: int) -> list[Any]:
        """Check a collection; return its collection children (scalars are checked)."""
        if id(node) in self.open:
            raise UnsupportedYaml("yaml.recursive_alias", node_position(node))
        if depth >= self.limits.max_depth:
            raise self.too_deep(node)
        self.check_collection_tag(node)
        self.open.add(id(node))
        if isinstance(node, SequenceNode):
            return self.collections(node.value)
        if len(node.value) > self.limits.max_keys:
            raise UnsupportedYaml(
                "yaml.too_many_keys",
                node_position(node),
                count=len(node.value),
                limit=self.limits.max_keys,
            )
        children = []
        for key, value in node.value:
            if tag_of(key) == _MERGE:
                self.merges = True
            else:
                self.check_key(key)
            children.extend(self.collections((value,)))
        return children

    def collections(self, nodes: Any) -> list[Any]:
        """The collection nodes among ``nodes``, after checking the scalars."""
        found = []
        for node in nodes:
            if isinstance(node, ScalarNode):
                self.check_scalar(node)
            else:
                found.append(node)
        return found

    def finish(self, node: Any, children: list[Any]) -> None:
        scalars = len(node.value) * (2 if isinstance(node, MappingNode) else 1)
        size = 1 + scalars - len(children)
        height = 0
        for child in children:
            child_size, child_height = self.measured[id(child)]
            size += child_size
            height = max(height, child_height)
        if size > self.limits.max_nodes:
            if self.first_shared is None:  # no alias: the values are all written out
                raise UnsupportedYaml(
                    "yaml.too_many_values",
                    node_position(node),
                    limit=self.limits.max_nodes,
                )
            # Point at what the aliases repeat, where the expansion begins.
            raise UnsupportedYaml(
                "yaml.too_many_nodes",
                node_position(self.first_shared),
                limit=self.limits.max_nodes,
            )
        self.measured[id(node)] = (size, height + 1)
        self.open.discard(id(node))

    def revisit(self, node: Any, depth: int) -> None:
        """An aliased node met again: its nesting now starts at ``depth``."""
        if self.first_shared is None:
            self.first_shared = node
        if depth + self.measured[id(node)][1] > self.limits.max_depth:
            raise self.too_deep(node)

    def too_deep(self, node: Any) -> UnsupportedYaml:
        return UnsupportedYaml(
            "yaml.too_deep", node_position(node), limit=self.limits.max_depth
        )

    def check_collection_tag(self, node: Any) -> None:
        expected = _SEQ if isinstance(node, SequenceNode) else _MAP
        tag = tag_of(node)
        if tag != expected:
            raise UnsupportedYaml(_tag_problem(tag), node_position(node))

    def check_key(self, key: Any) -> None:
        if not isinstance(key, ScalarNode) or tag_of(key) == _TIMESTAMP:
            raise UnsupportedYaml("yaml.complex_key", node_position(key))
        self.check_scalar(key)

    def check_scalar(self, node: Any) -> None:
        tag = tag_of(node)
        if tag not in _SCALAR_TAGS:
            raise UnsupportedYaml(
                _tag_problem(tag), node_position(node), value=shown_value(node.value)
            )
        if tag == _NULL and node.value not in _NULLS:
            raise UnsupportedYaml(
                "yaml.bad_value",
                node_position(node),
                value=shown_value(node.value),
                expected="empty",
                tag="!!null",
            )
        length = len(node.value)
        if length > self.limits.max_text_chars:
            raise UnsupportedYaml(
                "yaml.text_too_long",
                node_position(node),
                length=length,
                limit=self.limits.max_text_chars,
            )
        if tag in _NUMBER_TAGS and length > self.limits.max_number_chars:
            raise UnsupportedYaml(
                "yaml.number_too_long",
                node_position(node),
                length=length,
                limit=self.limits.max_number_chars,
            )


def _tag_problem(tag: str | None) -> str:
    """Why a tag is refused: a reserved word, a type proposals do not use, or a tag."""
    if tag in _RESERVED:
        return "yaml.reserved_value"
    if tag in _UNSUPPORTED_TYPES:
        return "yaml.unsupported_type"
    return "yaml.custom_tag"


def shown_value(value: Any, limit: int = 60) -> str:
    """A scalar's text, cut short for a message."""
    text = value if isinstance(value, str) else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
