"""Which columns of a terminal table fit a given width, and how wide each is.

Names (files, ids, counties, types) are shown whole or not at all: a file name
broken over two lines cannot be copied. Prose (titles, reasons) wraps or is
cut. When the table is too wide, the least needed columns are left out first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

# Prose columns get at least this many characters, or are left out.
PROSE_MIN = 16


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, whether it is prose, and how much it may be left out.

    ``drop`` orders leaving out: the highest goes first; 0 is never left out.
    """

    key: str
    header: str
    prose: bool = False
    drop: int = 0


@dataclass(frozen=True, slots=True)
class Fitted:
    """The columns kept (indices into the columns given) and their widths."""

    kept: tuple[int, ...]
    widths: tuple[int, ...]

    @property
    def total(self) -> int:
        """The columns' widths added up, without the gaps between them."""
        return sum(self.widths)


def natural_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> list[int]:
    """Each column's width with nothing wrapped: its widest cell or its header."""
    widths = [cell_len(c.header) for c in columns]
    for row in rows:
        for index, cell in enumerate(row):
            # A cell of several lines (an id above its file) is as wide as its widest.
            widest = max(cell_len(line) for line in cell.split("\n"))
            widths[index] = max(widths[index], widest)
    return widths


def fit(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int,
    gap: int,
) -> Fitted:
    """The most columns that fit ``width``, with ``gap`` characters per column between.

    Names keep their natural width; prose shares what is left, at least
    ``PROSE_MIN`` each. Columns are left out in the order of their ``drop``
    until the rest fit; the columns that are never left out are always kept,
    even when they do not fit.
    """
    natural = natural_widths(columns, rows)
    kept = list(range(len(columns)))
    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop)
    while True:
        widths = _widths(columns, natural, kept, width - gap * len(kept))
        if widths is not None or not droppable:
            break
        kept.remove(droppable.pop()[1])
    if widths is None:
        widths = [natural[i] for i in kept]
    return Fitted(tuple(kept), tuple(widths))


def _widths(
    columns: Sequence[Column], natural: list[int], kept: list[int], room: int
) -> list[int] | None:
    """Widths for the kept columns within ``room``, or None when they do not fit."""
    names = sum(natural[i] for i in kept if not columns[i].prose)
    prose = [i for i in kept if columns[i].prose]
    left = room - names
    if left < sum(min(natural[i], PROSE_MIN) for i in prose):
        return None
    share = _shares([natural[i] for i in prose], left)
    shared = dict(zip(prose, share, strict=True))
    return [shared.get(i, natural[i]) for i in kept]


def _shares(wanted: list[int], room: int) -> list[int]:
    """Split ``room`` among columns wanting ``wanted``; narrow ones get theirs first."""
    shares = [0] * len(wanted)
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    for position, index in enumerate(order):
        fair = room // (len(order) - position)
        shares[index] = min(wanted[index], fair)
        room -= shares[index]
    return shares


def cut(cell: str, width: int, *, from_start: bool = False) -> str:
    """A cell cut to ``width`` with an ellipsis; a path keeps its end."""
    if cell_len(cell) <= width:
        return cell
    if width <= 1:
        return "…"[:width]
    if from_start:
        return "…" + _tail(cell, width - 1)
    return _head(cell, width - 1) + "…"


def _head(value: str, width: int) -> str:
    used = 0
    for index, char in enumerate(value):
        used += cell_len(char)
        if used > width:
            return value[:index]
    return value


def _tail(value: str, width: int) -> str:
    return _head(value[::-1], width)[::-1]
