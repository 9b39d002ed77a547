"""Positions from the fast reader's node tree: data paths and words inside text.

The fast reader composes nodes that carry their start and end marks, so
positions cost a lookup rather than a second read of the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from oppdrag.diagnostics import DataPath, Position
from oppdrag.source.shape import tag_of


class NodePositions:
    """Where things are in one document, from the nodes the fast reader composed."""

    def __init__(self, root: Any, lines: list[str]) -> None:
        self._root = root
        self._lines = lines
        self._spans: dict[int, tuple[str, list[tuple[int, int, int]]]] = {}

    def locate_finding(self, path: DataPath, *, key: bool = False) -> Position:
        """Where a finding at ``path`` belongs: its value, or its key when ``key``.

        A path that goes further than the document (a missing field) resolves
        to the key of the deepest part that exists, where the user must add it.
        """
        node = self._root
        position = _start(node)
        for depth, part in enumerate(path):
            pair = _child_pair(node, part)
            if pair is None:
                break
            key_node, node = pair
            last = depth == len(path) - 1
            position = _start(
                node if (last and not key) or key_node is None else key_node
            )
        return position

    def node_at(self, path: DataPath) -> Any:
        """The node at ``path``, or None when the path leads nowhere."""
        return node_at(self._root, path)

    def locate(self, path: DataPath) -> Position | None:
        """The start of the value at ``path``."""
        node = self.node_at(path)
        if node is None:
            return None
        return Position.from_mark(node.start_mark)

    def locate_words(
        self, path: DataPath, value: str, start: int, words: str
    ) -> Position | None:
        """Where ``words`` (found at offset ``start`` of the value) are in the file.

        Folded and wrapped text changes line breaks, so the words are searched in
        the source between the node's start and end, allowing any white space
        between them, and the occurrence with the same rank as in the value wins.
        """
        node = self.node_at(path)
        if node is None:
            return None
        pattern = _words_pattern(words)
        rank = len(pattern.findall(value[:start]))
        if id(node) not in self._spans:
            self._spans[id(node)] = self._span(node)
        source, offsets = self._spans[id(node)]
        for index, match in enumerate(pattern.finditer(source)):
            if index == rank:
                return _position_in(offsets, match.start())
        return self.locate(path)

    def _span(self, node: Any) -> tuple[str, list[tuple[int, int, int]]]:
        """The source text of a node and, per line, (offset, line, first column)."""
        start, end = node.start_mark, node.end_mark
        parts: list[str] = []
        offsets: list[tuple[int, int, int]] = []
        length = 0
        for line in range(start.line, min(end.line, len(self._lines) - 1) + 1):
            first = start.column if line == start.line else 0
            last = end.column if line == end.line else len(self._lines[line])
            piece = self._lines[line][first:last]
            offsets.append((length, line, first))
            parts.append(piece)
            length += len(piece) + 1
        return "\n".join(parts), offsets


@lru_cache(maxsize=4096)
def _words_pattern(words: str) -> re.Pattern[str]:
    """The words, with any white space (a line break in folded text) between them."""
    return re.compile(r"\s+".join(map(re.escape, words.split())), re.IGNORECASE)


def _start(node: Any) -> Position:
    return Position.from_mark(node.start_mark)


def _child_pair(node: Any, part: str | int) -> tuple[Any, Any] | None:
    """The key node (None for list items) and the value node of one step."""
    value = node.value
    if isinstance(part, int):
        if (
            isinstance(value, list)
            and tag_of(node).endswith(":seq")
            and 0 <= part < len(value)
        ):
            return None, value[part]
        return None
    if isinstance(value, list) and tag_of(node).endswith(":map"):
        if len(value) <= _SCAN_KEYS:
            return next(((k, v) for k, v in value if k.value == part), None)
        return _key_index(node).get(part)
    return None


# Up to this many keys a scan is cheaper than an index; a mapping with more is
# indexed once, so locating a finding for each of its keys stays linear.
_SCAN_KEYS = 32
_KEY_INDEXES: dict[int, tuple[Any, dict[Any, tuple[Any, Any]]]] = {}


def _key_index(node: Any) -> dict[Any, tuple[Any, Any]]:
    cached = _KEY_INDEXES.get(id(node))
    if cached is None or cached[0] is not node:
        if len(_KEY_INDEXES) > 64:
            _KEY_INDEXES.clear()
        index: dict[Any, tuple[Any, Any]] = {}
        for key, child in node.value:
            index.setdefault(key.value, (key, child))
        cached = _KEY_INDEXES[id(node)] = (node, index)
    return cached[1]


def _position_in(offsets: list[tuple[int, int, int]], offset: int) -> Position:
    for begin, line, first in reversed(offsets):
        if offset >= begin:
            return Position(line + 1, first + offset - begin + 1)
    return Position(1, 1)


def _child(node: Any, part: str | int) -> Any:
    pair = _child_pair(node, part)
    return None if pair is None else pair[1]


def node_at(root: Any, path: DataPath) -> Any:
    """The node at ``path`` below ``root``, or None when the path leads nowhere."""
    node = root
    for part in path:
        if node is None:
            return None
        node = _child(node, part)
    return node


def value_spans(roots: Iterable[Any]) -> Callable[[int, int], bool]:
    """A test for 'is (line, column), both from 0, inside a scalar value?'.

    Built from the composed nodes, without recursion. A block scalar ('|',
    '>') starts on the line after its indicator: a comment beside the
    indicator is a comment.
    """
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    pending = [root for root in roots if root is not None]
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        if tag_of(node).endswith((":map", ":omap", ":pairs")) or isinstance(
            node.value, list
        ):
            for item in node.value:
                pending.extend(item if isinstance(item, tuple) else (item,))
            continue
        start = (node.start_mark.line, node.start_mark.column)
        if node.style in ("|", ">"):
            start = (node.start_mark.line + 1, 0)
        spans.append((start, (node.end_mark.line, node.end_mark.column)))
    spans.sort()
    starts = [start for start, _ in spans]

    def inside(line: int, column: int) -> bool:
        index = bisect.bisect_right(starts, (line, column)) - 1
        return index >= 0 and (line, column) < spans[index][1]

    return inside
