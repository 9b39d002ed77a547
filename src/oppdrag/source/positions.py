"""Map data paths inside a round-trip document to 1-based line and column."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from oppdrag.diagnostics import DataPath, Position


class PositionMap:
    """Positions of keys and values in one round-trip document."""

    def __init__(self, root: Any, start: Position) -> None:
        self._root = root
        self._start = start

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """Where ``path`` is written: its value, or its key when ``key`` is true.

        A path that goes further than the document (a missing field) resolves to
        the deepest part that exists, which is where the user must add it.
        """
        node = self._root
        position = self._start
        for depth, part in enumerate(path):
            found = _child_position(node, part, key=key or depth < len(path) - 1)
            if found is None:
                break
            position, node = found
        return position


def _child_position(
    node: Any, part: str | int, *, key: bool
) -> tuple[Position, Any] | None:
    if isinstance(node, CommentedMap) and part in node:
        line, column = node.lc.key(part) if key else node.lc.value(part)
        return Position(line + 1, column + 1), node[part]
    if (
        isinstance(node, CommentedSeq)
        and isinstance(part, int)
        and 0 <= part < len(node)
    ):
        line, column = node.lc.item(part)
        return Position(line + 1, column + 1), node[part]
    return None
