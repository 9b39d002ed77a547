"""Plain data from the C reader's nodes, built as ruamel's safe constructor would.

ruamel's constructor spends most of its time on machinery proposals never need
(a generator and a memo entry per value, a lookup per tag). After
``check_tree`` a tree holds only mappings, lists and core scalars, so this
builder makes the containers itself and leaves every other scalar (numbers,
booleans, dates) to the constructor, which keeps their exact reading and error
messages. It fills containers in the constructor's order (breadth first, as
its generators run), so duplicate keys and bad values are met in the same order.
A tree with merge keys ('<<') is left to the constructor altogether.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from oppdrag.diagnostics import Position
from oppdrag.source.shape import CORE_TAG_PREFIX, node_position, tag_of

_STR = CORE_TAG_PREFIX + "str"
_NULL = CORE_TAG_PREFIX + "null"
_MAP = CORE_TAG_PREFIX + "map"
_SEQ = CORE_TAG_PREFIX + "seq"

# A key written twice in one mapping, and where the second one stands.
Duplicate = tuple[str, Position]


def build_document(
    root: Any, construct_scalar: Callable[[Any], Any]
) -> tuple[Any, list[Duplicate]]:
    """The data of a checked tree without merge keys, and its duplicate keys.

    ``construct_scalar`` builds the scalars that are neither text nor null.
    The first value of a duplicate key is kept, as the constructor keeps it.
    """
    return _Builder(construct_scalar).build(root)


class _Builder:
    __slots__ = ("built", "construct_scalar", "duplicates", "pending")

    def __init__(self, construct_scalar: Callable[[Any], Any]) -> None:
        self.construct_scalar = construct_scalar
        # Containers by node: an aliased node is one object, as in ruamel.
        self.built: dict[int, Any] = {}
        self.pending: deque[tuple[Any, Any]] = deque()
        self.duplicates: list[Duplicate] = []

    def build(self, root: Any) -> tuple[Any, list[Duplicate]]:
        data = self.value(root)
        pending = self.pending
        while pending:
            node, container = pending.popleft()
            if tag_of(node) == _SEQ:
                container.extend([self.value(child) for child in node.value])
            else:
                self.fill(node, container)
        return data, self.duplicates

    def fill(self, node: Any, mapping: dict[Any, Any]) -> None:
        value = self.value
        for key_node, value_node in node.value:
            key = value(key_node)
            item = value(value_node)
            if key in mapping:
                self.duplicates.append((str(key), node_position(key_node)))
            else:
                mapping[key] = item

    def value(self, node: Any) -> Any:
        """A scalar's value, or a container that is filled in its turn."""
        tag = tag_of(node)
        if tag == _STR:
            return node.value
        if tag in (_MAP, _SEQ):
            container = self.built.get(id(node))
            if container is None:
                container = {} if tag == _MAP else []
                self.built[id(node)] = container
                self.pending.append((node, container))
            return container
        if tag == _NULL:
            return None
        return self.construct_scalar(node)
