"""Rich tables for people: the ``classify`` overview and the ``explain`` reasoning."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from oppdrag.classify.rulebook import Concept, Rulebook
from oppdrag.classify.scorer import (
    Classification,
    CriterionScore,
    Evidence,
    VerdictChange,
)
from oppdrag.diagnostics import format_path
from oppdrag.engine.evaluate import DETECTED, TYPES, Evaluation
from oppdrag.locale import Lang, term, text
from oppdrag.report import MissionReport, RunReport
from oppdrag.reporters.rows import (
    TABLE_HEADER,
    Row,
    rows,
    strength_band,
    summary_by_county,
    summary_by_type,
    table_cells,
)

_TYPE_STYLE = {
    "accelerating": "cyan",
    "transforming": "magenta",
    "undetermined": "yellow",
}


def render(renderables: Iterable[RenderableType], *, color: bool, width: int) -> str:
    """Print rich renderables into a string, with or without colour."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


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
            style = _TYPE_STYLE[row.classification.type.value]
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


def explain_mission(
    path: str,
    unit: MissionReport,
    rulebook: Rulebook,
    lang: Lang,
    change: VerdictChange | None,
) -> list[RenderableType]:
    """The result, why, what would change it, and every criterion with its evidence."""
    result = unit.classification
    assert result is not None  # explain classifies before it renders
    return [
        _headline(path, unit, result, lang),
        _reasons(path, result, rulebook, lang, change),
        _criteria_table(path, result, lang),
        _arithmetic(result, rulebook, lang),
    ]


def _headline(
    path: str, unit: MissionReport, result: Classification, lang: Lang
) -> Text:
    kind = term(lang, "type", result.type.value).upper()
    line = Text()
    line.append(f"{unit.id}  ", style="bold")
    line.append(f"{unit.title}\n", style="")
    line.append(f"{path}:{unit.line}\n", style="dim")
    line.append(kind, style=f"bold {_TYPE_STYLE[result.type.value]}")
    details = text(
        lang,
        "explain.result",
        score=f"{result.score:+.3f}",
        threshold=f"{result.threshold:+.2f}",
        margin=f"{result.margin:+.3f}",
        strength=f"{result.strength:.2f}",
        band=strength_band(result.strength, lang),
        coverage=f"{result.coverage:.0%}",
        version=result.rulebook_version,
    )
    line.append(f"  {details}")
    if result.borderline:
        line.append(f"  ({text(lang, 'ui.borderline')})", style="yellow")
    declared = unit.fields.declared_type if unit.fields else None
    if declared is not None:
        mark = "✓" if declared == result.type.value else "✗"
        line.append(
            f"\n{text(lang, 'ui.declared')}: {term(lang, 'type', declared)} {mark}"
        )
    return line


def _reasons(
    path: str,
    result: Classification,
    rulebook: Rulebook,
    lang: Lang,
    change: VerdictChange | None,
) -> Text:
    """Which way the criteria point, the evidence against, what would change it."""
    lines: list[str] = []
    if not result.decided:
        lines.append(
            text(
                lang,
                "explain.undetermined",
                strength=f"{result.strength:.2f}",
                minimum=f"{rulebook.min_strength:g}",
            )
        )
    leaning = "transforming" if result.margin > 0 else "accelerating"
    top = [
        f"{term(lang, 'criterion', c.id)} ({c.contribution:+.3f})"
        for c in result.top_criteria(4)
    ]
    if top:
        arrow = "→ " + term(lang, "type", leaning)
        lines.append(text(lang, "explain.for", type=arrow, criteria=", ".join(top)))
    against = [_quoted(path, e) for e in result.strongest_against(3)]
    if against:
        lines.append(text(lang, "explain.against", evidence="; ".join(against)))
    if change is not None:
        lines.append(
            text(
                lang,
                "explain.flip",
                count=len(change.removed),
                other=term(lang, "type", change.result.type.value),
                score=f"{change.result.score:+.3f}",
                evidence="; ".join(_quoted(path, e) for e in change.removed),
            )
        )
    elif result.decided:
        lines.append(
            text(lang, "explain.no_flip", type=term(lang, "type", result.type.value))
        )
    return Text("\n".join(lines) + "\n")


def _quoted(path: str, item: Evidence) -> str:
    where = f"{path}:{item.position.line}" if item.position else format_path(item.path)
    return f"«{item.words}» ({where})"


def _criteria_table(path: str, result: Classification, lang: Lang) -> Table:
    table = Table(expand=False)
    for key, justify in _CRITERIA_COLUMNS:
        table.add_column(text(lang, key), justify=justify, overflow="fold")
    for criterion in sorted(result.criteria, key=lambda c: -abs(c.contribution)):
        if not criterion.evidence:
            continue
        table.add_row(*_criterion_cells(criterion, lang), style="bold")
        for item in criterion.evidence:
            table.add_row(*_evidence_cells(path, item, lang))
    return table


_CRITERIA_COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("explain.criterion", "left"),
    ("explain.weight", "right"),
    ("explain.accelerating", "right"),
    ("explain.transforming", "right"),
    ("ui.score", "right"),
    ("explain.contribution", "right"),
)


def _criterion_cells(criterion: CriterionScore, lang: Lang) -> list[str]:
    return [
        term(lang, "criterion", criterion.id),
        f"{criterion.weight:g}",
        f"{criterion.accelerating:g}",
        f"{criterion.transforming:g}",
        f"{criterion.score:+.2f}",
        f"{criterion.contribution:+.3f}",
    ]


def _evidence_cells(path: str, item: Evidence, lang: Lang) -> list[RenderableType]:
    """One piece of evidence: its direction, the words, the sentence, where, why."""
    arrow = "→ T" if item.pole == "transforming" else "→ A"
    where = f"{path}:{item.position.line}" if item.position else path
    cell = Text(f"  {arrow} «{item.words}»", style="strike dim" if item.negated else "")
    notes = [text(lang, f"explain.{n}") for n in _notes(item)]
    if notes:
        cell.append(f" ({'; '.join(notes)})", style="italic")
    if item.quote and item.quote != item.words:
        cell.append(f"\n      “{_clipped(item.quote, item.words)}”", style="dim")
    cell.append(f"\n      {where}  {format_path(item.path)}", style="dim")
    pole_cells = ["", f"{item.strength:g}", ""]
    if item.pole == "transforming":
        pole_cells = ["", "", f"{item.strength:g}"]
    return [cell, *pole_cells, "", f"{item.contribution:+.4f}"]


def _notes(item: Evidence) -> list[str]:
    """Why a piece of evidence counts less than its words suggest."""
    notes = []
    if item.negated:
        notes.append("negated")
    if item.listed:
        notes.append("listed")
    if item.needed:
        notes.append("needed")
    return notes


def _clipped(sentence: str, words: str, width: int = 110) -> str:
    """The sentence around the words, cut to ``width`` characters."""
    flat = " ".join(sentence.split())
    if len(flat) <= width:
        return flat
    at = max(0, flat.lower().find(words.lower().split()[0]) - width // 3)
    clip = flat[at : at + width]
    return ("…" if at else "") + clip + ("…" if at + width < len(flat) else "")


def _arithmetic(result: Classification, rulebook: Rulebook, lang: Lang) -> Text:
    terms = " + ".join(
        f"{c.weight:g}×{c.score:+.2f}" for c in result.criteria if c.contribution
    )
    kind = term(lang, "type", result.type.value)
    relation = ">" if result.score > result.threshold else "≤"
    return Text(
        text(
            lang,
            "explain.total",
            terms=terms or "0",
            total_weight=f"{rulebook.total_weight:g}",
            score=f"{result.score:+.3f}",
            relation=relation,
            threshold=f"{result.threshold:+.2f}",
            type=kind,
        )
    )


def criteria_overview(rulebook: Rulebook, lang: Lang) -> list[RenderableType]:
    """The rulebook: each criterion, its weight, what it means and its concepts."""
    table = Table(show_lines=True, expand=False)
    for key in (
        "explain.criterion",
        "explain.weight",
        "explain.about",
        "explain.signals",
    ):
        table.add_column(text(lang, key), overflow="fold")
    for criterion in rulebook.criteria:
        signals = Text()
        for pole in ("accelerating", "transforming"):
            concepts = [
                c
                for c in rulebook.concepts
                if c.criterion == criterion.id and c.pole == pole
            ]
            if concepts:
                signals.append(f"{term(lang, 'type', pole)}: ", style=_TYPE_STYLE[pole])
                signals.append(
                    "; ".join(_concept_line(c, lang) for c in concepts) + "\n"
                )
        if criterion.structured is not None:
            signals.append(text(lang, "explain.structured"), style="dim")
        table.add_row(
            term(lang, "criterion", criterion.id),
            f"{criterion.weight:g}",
            text(lang, f"about.{criterion.id}"),
            signals,
        )
    header = text(
        lang,
        "explain.rulebook",
        version=rulebook.rulebook_version,
        threshold=f"{rulebook.threshold:+.2f}",
        margin=f"{rulebook.borderline_margin:g}",
        minimum=f"{rulebook.min_strength:g}",
    )
    return [Text(header, style="bold"), table]


def _concept_line(concept: Concept, lang: Lang) -> str:
    """A concept by its first form in the reader's language (bokmål for nb)."""
    forms = concept.forms.nb if lang == "nb" else concept.forms.en
    return f"{concept.id} ({forms[0]})" if forms else concept.id


def evaluation_tables(result: Evaluation, lang: Lang) -> list[RenderableType]:
    """Accuracy, the confusion matrix, the ablation and the misclassified missions."""
    header = text(
        lang, "eval.header", count=len(result.cases), version=result.rulebook_version
    )
    accuracy = text(
        lang,
        "eval.accuracy",
        correct=result.correct,
        count=len(result.cases),
        accuracy=f"{result.accuracy:.1%}",
    )
    borderline = text(lang, "eval.borderline", count=result.borderline)
    undetermined = text(lang, "eval.undetermined", count=result.undetermined)
    return [
        Text(f"{header}\n{accuracy}   ({borderline}, {undetermined})", style="bold"),
        _confusion_table(result, lang),
        _ablation_table(result, lang),
        _wrong_table(result, lang),
    ]


def _confusion_table(result: Evaluation, lang: Lang) -> Table:
    table = Table(title=text(lang, "eval.confusion"), title_justify="left")
    table.add_column("")
    for kind in DETECTED:
        table.add_column(term(lang, "type", kind), justify="right")
    matrix = result.confusion()
    for declared in TYPES:
        counts = [str(matrix[(declared, detected)]) for detected in DETECTED]
        table.add_row(term(lang, "type", declared), *counts)
    return table


def _ablation_table(result: Evaluation, lang: Lang) -> Table:
    table = Table(title=text(lang, "eval.ablation"), title_justify="left")
    table.add_column(text(lang, "eval.without"))
    table.add_column(text(lang, "eval.accuracy_short"), justify="right")
    table.add_column(text(lang, "eval.change"), justify="right")
    for item in result.ablations:
        change = item.accuracy - result.accuracy
        table.add_row(
            term(lang, "criterion", item.criterion),
            f"{item.accuracy:.1%}",
            f"{change:+.1%}",
        )
    return table


def _wrong_table(result: Evaluation, lang: Lang) -> Table:
    table = Table(title=text(lang, "eval.wrong"), title_justify="left")
    for key in ("ui.file", "ui.id", "ui.declared", "ui.type", "ui.score"):
        table.add_column(text(lang, key))
    for case in result.cases:
        if not case.correct:
            table.add_row(
                f"{case.file}:{case.line}",
                case.id,
                term(lang, "type", case.declared),
                term(lang, "type", case.result.type.value),
                f"{case.result.score:+.3f}",
            )
    return table
