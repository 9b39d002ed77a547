"""The missions of a run, one row each: the ``classify`` table and its summaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from oppdrag.classify.scorer import Classification
from oppdrag.engine.evaluate import DETECTED
from oppdrag.locale import Lang, term, text
from oppdrag.report import MissionReport, RunReport
from oppdrag.reporters.terminal import TYPE_STYLE, render
from oppdrag.reporters.text import render_text

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
        fields = self.unit.fields
        return fields.declared_type if fields is not None else None

    @property
    def agrees(self) -> bool | None:
        """Whether the declared type matches; None when there is nothing to compare."""
        if self.declared is None or self.classification is None:
            return None
        return self.declared == self.classification.type.value

    @property
    def county(self) -> str:
        """The county, or the counties joined by '+'."""
        fields = self.unit.fields
        county = fields.county if fields is not None else None
        if isinstance(county, list):
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
        shortened(row.unit.id or "", 64),
        shortened(row.unit.title or "", 120),
        row.county,
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
_COMPACT_WIDTHS = (44, 30, 36, 12, 14, 10, 16, 48)


def classify_table(report: RunReport, lang: Lang) -> list[RenderableType]:
    """One row per mission, then a summary by type and by county.

    For a large batch the rows are left out: ``compact_overview`` gives them as
    plain text, which is much faster to lay out.
    """
    missions = list(rows(report))
    tables: list[RenderableType] = [_by_type(report, lang), _by_county(report, lang)]
    if len(missions) >= COMPACT_FROM:
        return tables
    return [_overview(missions, lang), *tables]


def compact_overview(report: RunReport, lang: Lang) -> str:
    """Aligned plain columns for a large batch, each cell cut to its column's width."""
    missions = list(rows(report))
    if len(missions) < COMPACT_FROM:
        return ""
    header = [text(lang, f"ui.{name}") for name in TABLE_HEADER]
    lines = [_compact_line(header), _compact_line(["-" * w for w in _COMPACT_WIDTHS])]
    lines += [_compact_line(table_cells(row, lang)) for row in missions]
    return "\n".join(lines) + "\n"


def _compact_line(cells: list[str]) -> str:
    parts = []
    for index, (cell, width) in enumerate(zip(cells, _COMPACT_WIDTHS, strict=True)):
        if len(cell) <= width:
            short = cell
        elif index == 0:  # a file path: its end says most
            short = "…" + cell[len(cell) - width + 1 :]
        else:
            short = cell[: width - 1] + "…"
        parts.append(short.ljust(width))
    return "  ".join(parts).rstrip()


def _overview(missions: list[Row], lang: Lang) -> Table:
    table = Table(show_lines=False, expand=False)
    for name in TABLE_HEADER:
        table.add_column(text(lang, f"ui.{name}"), overflow="fold")
    for row in missions:
        cells = table_cells(row, lang)
        style = ""
        if row.classification is not None:
            style = TYPE_STYLE[row.classification.type.value]
        table.add_row(*cells[:4], Text(cells[4], style=style), *cells[5:])
    return table


def _by_type(report: RunReport, lang: Lang) -> Table:
    table = Table(title=text(lang, "ui.by_type"), title_justify="left")
    table.add_column(text(lang, "ui.type"))
    table.add_column(text(lang, "ui.count"), justify="right")
    for kind, count in summary_by_type(report, lang):
        table.add_row(kind, str(count))
    return table


def _by_county(report: RunReport, lang: Lang) -> Table:
    table = Table(title=text(lang, "ui.by_county"), title_justify="left")
    table.add_column(text(lang, "ui.county"))
    for kind in DETECTED:
        table.add_column(term(lang, "type", kind), justify="right")
    for county, *counts in summary_by_county(report, lang):
        table.add_row(county, *(str(c) for c in counts))
    return table


def render_missions_table(report: RunReport, lang: Lang, *, color: bool) -> str:
    """``classify``'s table: invalid missions' findings, then missions and totals."""
    findings = render_text(report, lang, color=color, quiet=True)
    tables = render(classify_table(report, lang), color=color)
    return findings + compact_overview(report, lang) + tables
