"""The missions of a run, one row each: the ``classify`` table and its summaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from oppdrag.classify.scorer import Classification
from oppdrag.engine.evaluate import DETECTED
from oppdrag.locale import Lang, term, text
from oppdrag.report import MissionReport, RunReport
from oppdrag.reporters.layout import Column, Fitted, cut, fit
from oppdrag.reporters.terminal import TYPE_STYLE, render
from oppdrag.reporters.text import render_text
from oppdrag.visible import one_line, visible

TABLE_HEADER = (
    "file",
    "id",
    "title",
    "county",
    "type",
    "strength",
    "declared",
    "reasons",
)
COLUMNS = (
    "file",
    "document",
    "mission",
    "line",
    "id",
    "title",
    "county",
    "valid",
    "declared_type",
    "type",
    "score",
    "margin",
    "strength",
    "borderline",
    "agrees",
    "top_reasons",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One mission of a batch, as one line of a table."""

    file: str
    unit: MissionReport

    @property
    def classification(self) -> Classification | None:
        """The classification, or None for an invalid mission."""
        return self.unit.classification

    @property
    def declared(self) -> str | None:
        """The declared type, if the mission has one."""
        facts = self.unit.facts
        return facts.declared_type if facts is not None else None

    @property
    def agrees(self) -> bool | None:
        """Whether the declared type matches; None when there is nothing to compare."""
        if self.declared is None or self.classification is None:
            return None
        return self.declared == self.classification.type.value

    @property
    def county(self) -> str:
        """The county, or the counties joined by '+'."""
        facts = self.unit.facts
        county = facts.county if facts is not None else None
        if isinstance(county, tuple):
            return "+".join(county)
        return county or ""

    def reasons(self, lang: Lang) -> str:
        """The criteria that decided the type, strongest first."""
        if self.classification is None:
            return ""
        return ", ".join(
            term(lang, "criterion", c.id) for c in self.classification.top_criteria(3)
        )

    def values(self, lang: Lang) -> dict[str, Any]:
        """The row in the column order of COLUMNS, as plain values."""
        result = self.classification
        return {
            "file": self.file,
            "document": self.unit.document,
            "mission": self.unit.mission,
            "line": self.unit.line,
            "id": self.unit.id,
            "title": self.unit.title,
            "county": self.county,
            "valid": self.unit.valid,
            "declared_type": self.declared,
            "type": result.type.value if result else None,
            "score": result.score if result else None,
            "margin": result.margin if result else None,
            "strength": result.strength if result else None,
            "borderline": result.borderline if result else None,
            "agrees": self.agrees,
            "top_reasons": self.reasons(lang),
        }


def rows(report: RunReport) -> Iterator[Row]:
    """Every mission of the run (not strategy headers), in file order."""
    for file_report in report.files:
        for unit in file_report.units:
            if unit.kind != "strategy":
                yield Row(file_report.path, unit)


def table_cells(row: Row, lang: Lang) -> list[str]:
    """The cells of the human table, in the order of TABLE_HEADER."""
    result = row.classification
    if result is None:
        kind, strength = "–", "–"
    else:
        kind = term(lang, "type", result.type.value)
        if result.borderline:
            kind += f" ({text(lang, 'ui.borderline')})"
        strength = f"{strength_band(result.strength, lang)} {result.strength:.2f}"
    declared = "–" if row.declared is None else term(lang, "type", row.declared)
    mark = {True: " ✓", False: " ✗", None: ""}[row.agrees]
    return [
        row.file,
        shortened(visible(row.unit.id or ""), 64),
        shortened(one_line(row.unit.title or ""), 120),
        visible(row.county),
        kind,
        strength,
        declared + mark,
        row.reasons(lang),
    ]


def shortened(value: str, limit: int) -> str:
    """Text cut for a table cell; an invalid title may be megabytes long."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def summary_by_type(report: RunReport, lang: Lang) -> list[tuple[str, int]]:
    """How many missions of each type, borderline ones counted apart."""
    counts: Counter[str] = Counter()
    for row in rows(report):
        result = row.classification
        if result is not None:
            label = term(lang, "type", result.type.value)
            counts[
                label
                + (f" ({text(lang, 'ui.borderline')})" if result.borderline else "")
            ] += 1
    return sorted(counts.items())


def summary_by_county(report: RunReport, lang: Lang) -> list[tuple[str, int, int, int]]:
    """Per county: accelerating, transforming and undetermined missions."""
    counts: dict[str, Counter[str]] = {}
    for row in rows(report):
        if row.classification is not None:
            county = row.county or "–"
            counts.setdefault(county, Counter())[row.classification.type.value] += 1
    return [
        (county, c["accelerating"], c["transforming"], c["undetermined"])
        for county, c in sorted(counts.items())
    ]


# Strength of evidence (0 to 1): below the first bound weak, below the second moderate.
STRENGTH_BANDS = (0.15, 0.3)


def strength_band(strength: float, lang: Lang) -> str:
    """'weak', 'moderate' or 'strong' evidence, in words."""
    weak, moderate = STRENGTH_BANDS
    band = (
        "weak" if strength < weak else "moderate" if strength < moderate else "strong"
    )
    return text(lang, f"explain.band.{band}")


# Above this many missions the overview is a compact table with cut-off cells:
# laying out a full table costs about a millisecond per row.
COMPACT_FROM = 100

# The overview's columns in TABLE_HEADER order: which are prose, and the order
# in which they are left out when the terminal is narrow (highest first).
_PROSE = {"title", "reasons"}
_DROP = {"reasons": 5, "title": 4, "county": 3, "declared": 2, "strength": 1}


def classify_table(report: RunReport, lang: Lang, width: int) -> list[RenderableType]:
    """One row per mission, then a summary by type and by county.

    For a large batch the rows are left out: ``compact_overview`` gives them as
    plain text, which is much faster to lay out.
    """
    missions = list(rows(report))
    tables: list[RenderableType] = [_by_type(report, lang), _by_county(report, lang)]
    if len(missions) >= COMPACT_FROM:
        return tables
    return [_overview(missions, lang, width), *tables]


def overview_layout(
    cells: list[list[str]], lang: Lang, width: int, gap: int
) -> tuple[list[Column], list[list[str]], Fitted]:
    """The overview's columns and cells that fit ``width``.

    File and id side by side when they fit, else the id above its file in one
    column, so that neither is ever broken.
    """
    columns = _overview_columns(lang, TABLE_HEADER)
    fitted = fit(columns, cells, width, gap)
    if fitted.total + gap * len(fitted.kept) <= width:
        return columns, cells, fitted
    stacked_header = ("mission", *TABLE_HEADER[2:])
    stacked_columns = _overview_columns(lang, stacked_header)
    stacked = [[f"{row[1]}\n{row[0]}", *row[2:]] for row in cells]
    return stacked_columns, stacked, fit(stacked_columns, stacked, width, gap)


def _overview_columns(lang: Lang, names: Sequence[str]) -> list[Column]:
    return [
        Column(
            name,
            text(lang, f"ui.{name}"),
            prose=name in _PROSE,
            drop=_DROP.get(name, 0),
        )
        for name in names
    ]


def compact_overview(report: RunReport, lang: Lang, width: int) -> str:
    """Aligned plain columns for a large batch; prose cut to its column's width."""
    missions = list(rows(report))
    if len(missions) < COMPACT_FROM:
        return ""
    cells = [table_cells(row, lang) for row in missions]
    # Two spaces between columns, none after the last.
    columns, cells, fitted = overview_layout(cells, lang, width + 2, gap=2)
    header = [columns[i].header for i in fitted.kept]
    lines = [
        _compact_line(header, fitted),
        _compact_line(["-" * w for w in fitted.widths], fitted),
    ]
    for row in cells:
        lines += _compact_lines([row[i] for i in fitted.kept], fitted)
    return "\n".join(lines) + "\n"


def _compact_lines(cells: list[str], fitted: Fitted) -> list[str]:
    """One line per mission, or two when the id stands above its file."""
    first = [cell.split("\n")[0] for cell in cells]
    if not any("\n" in cell for cell in cells):
        return [_compact_line(first, fitted)]
    second = [cell.split("\n")[1] if "\n" in cell else "" for cell in cells]
    return [_compact_line(first, fitted), _compact_line(second, fitted)]


def _compact_line(cells: list[str], fitted: Fitted) -> str:
    parts = [
        # A file path's end says most; it is cut only when nothing else fits.
        cut(cell, width, from_start=cell.endswith((".yaml", ".yml"))).ljust(width)
        for cell, width in zip(cells, fitted.widths, strict=True)
    ]
    return "  ".join(parts).rstrip()


def _overview(missions: list[Row], lang: Lang, width: int) -> Table:
    cells = [table_cells(row, lang) for row in missions]
    # The table's edge, and a border and padding on each side of every column.
    columns, cells, fitted = overview_layout(cells, lang, width - 1, gap=3)
    table = Table(show_lines=False, expand=False)
    for index, size in zip(fitted.kept, fitted.widths, strict=True):
        column = columns[index]
        table.add_column(
            column.header,
            width=size,
            no_wrap=not column.prose,
            overflow="fold" if column.prose else "ellipsis",
        )
    keys = [columns[i].key for i in fitted.kept]
    type_column = keys.index("type")  # never left out
    for row, line in zip(missions, cells, strict=True):
        style = ""
        if row.classification is not None:
            style = TYPE_STYLE[row.classification.type.value]
        # Text, never markup: a title such as '[link=file:///etc]' stays text.
        shown: list[RenderableType] = [Text(line[i]) for i in fitted.kept]
        shown[type_column] = Text(line[fitted.kept[type_column]], style=style)
        table.add_row(*shown)
    return table


def _by_type(report: RunReport, lang: Lang) -> Table:
    table = Table(title=text(lang, "ui.by_type"), title_justify="left")
    table.add_column(text(lang, "ui.type"))
    table.add_column(text(lang, "ui.count"), justify="right")
    for kind, count in summary_by_type(report, lang):
        table.add_row(Text(kind), str(count))
    return table


def _by_county(report: RunReport, lang: Lang) -> Table:
    table = Table(title=text(lang, "ui.by_county"), title_justify="left")
    table.add_column(text(lang, "ui.county"))
    for kind in DETECTED:
        table.add_column(term(lang, "type", kind), justify="right")
    for county, *counts in summary_by_county(report, lang):
        table.add_row(Text(visible(county)), *(str(c) for c in counts))
    return table


def render_missions_table(
    report: RunReport, lang: Lang, *, color: bool, width: int
) -> str:
    """``classify``'s table: invalid missions' findings, then missions and totals."""
    findings = render_text(report, lang, color=color, quiet=True)
    tables = render(classify_table(report, lang, width), color=color, width=width)
    return findings + compact_overview(report, lang, width) + tables
