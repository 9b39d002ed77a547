"""One row per mission: the shared view of a batch for the classify reporters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from oppdrag.classify.scorer import Classification
from oppdrag.locale import Lang, term, text
from oppdrag.report import MissionReport, RunReport

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
