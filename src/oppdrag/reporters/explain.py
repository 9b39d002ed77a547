"""``explain``: one mission's reasoning line by line, and the rulebook itself."""

from __future__ import annotations

import json

from rich.console import JustifyMethod, RenderableType
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
from oppdrag.locale import Lang, term, text
from oppdrag.report import MissionReport
from oppdrag.reporters import RenderContext
from oppdrag.reporters.json import JSON_SCHEMA_VERSION, evidence_json
from oppdrag.reporters.missions import strength_band
from oppdrag.reporters.portfolio import MissionView, number
from oppdrag.reporters.tabular import markdown_cell, markdown_table
from oppdrag.reporters.terminal import TYPE_STYLE, render
from oppdrag.visible import json_escaped, one_line, visible


def render_explanation(
    path: str,
    unit: MissionReport,
    rulebook: Rulebook,
    change: VerdictChange | None,
    context: RenderContext,
) -> str:
    """The whole reasoning for one classified mission, as text."""
    wide = context.width >= WIDE_FROM
    parts = explain_mission(path, unit, rulebook, context.lang, change, wide=wide)
    return render(parts, color=context.color, width=context.width)


# From this width the table shows each side's share; narrower, only the sum.
WIDE_FROM = 120


def render_criteria(rulebook: Rulebook, context: RenderContext) -> str:
    """The rulebook's criteria, weights and concepts, as text."""
    parts = criteria_overview(rulebook, context.lang)
    return render(parts, color=context.color, width=context.width)


def explain_mission(  # noqa: PLR0913 -- the mission, its context and the layout
    path: str,
    unit: MissionReport,
    rulebook: Rulebook,
    lang: Lang,
    change: VerdictChange | None,
    *,
    wide: bool = True,
) -> list[RenderableType]:
    """The result, why, what would change it, and every criterion with its evidence."""
    result = unit.classification
    assert result is not None  # explain classifies before it renders
    return [
        _headline(path, unit, result, lang),
        _reasons(path, result, rulebook, lang, change),
        _criteria_table(path, result, lang, wide=wide),
        _arithmetic(result, rulebook, lang),
    ]


def _headline(
    path: str, unit: MissionReport, result: Classification, lang: Lang
) -> Text:
    kind = term(lang, "type", result.type.value).upper()
    line = Text()
    line.append(f"{visible(unit.id or '')}  ", style="bold")
    line.append(f"{one_line(unit.title or '')}\n", style="")
    line.append(f"{path}:{unit.line}\n", style="dim")
    line.append(kind, style=f"bold {TYPE_STYLE[result.type.value]}")
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
    return f"«{one_line(item.words)}» ({visible(where)})"


def _criteria_table(
    path: str, result: Classification, lang: Lang, *, wide: bool
) -> Table:
    table = Table(expand=False)
    shown = [
        i for i, (key, _) in enumerate(_CRITERIA_COLUMNS) if wide or key not in _SIDES
    ]
    for index in shown:
        key, justify = _CRITERIA_COLUMNS[index]
        table.add_column(text(lang, key), justify=justify, overflow="fold")
    for criterion in sorted(result.criteria, key=lambda c: -abs(c.contribution)):
        if not criterion.evidence:
            continue
        cells = _criterion_cells(criterion, lang)
        table.add_row(*(Text(cells[i]) for i in shown), style="bold")
        for item in criterion.evidence:
            row = _evidence_cells(path, item, lang)
            table.add_row(*(row[i] for i in shown))
    return table


_CRITERIA_COLUMNS: tuple[tuple[str, JustifyMethod], ...] = (
    ("explain.criterion", "left"),
    ("explain.weight", "right"),
    ("explain.accelerating", "right"),
    ("explain.transforming", "right"),
    ("ui.score", "right"),
    ("explain.contribution", "right"),
)
# The columns for each side's share, left out on a narrow terminal: the arrow
# before each piece of evidence gives its side, the contribution its weight.
_SIDES = {"explain.accelerating", "explain.transforming"}


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
    words = one_line(item.words)
    cell = Text(f"  {arrow} «{words}»", style="strike dim" if item.negated else "")
    notes = [text(lang, f"explain.{n}") for n in _notes(item)]
    if notes:
        cell.append(f" ({'; '.join(notes)})", style="italic")
    if item.quote and item.quote != item.words:
        cell.append(
            f"\n    “{one_line(_clipped(item.quote, item.words))}”", style="dim"
        )
    cell.append(f"\n    {where}  {visible(format_path(item.path))}", style="dim")
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
                signals.append(f"{term(lang, 'type', pole)}: ", style=TYPE_STYLE[pole])
                signals.append(
                    "; ".join(_concept_line(c, lang) for c in concepts) + "\n"
                )
        if criterion.structured is not None:
            signals.append(text(lang, "explain.structured"), style="dim")
        # Text, never markup: a rulebook from the settings may name anything.
        table.add_row(
            Text(term(lang, "criterion", criterion.id)),
            f"{criterion.weight:g}",
            Text(text(lang, f"about.{criterion.id}")),
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


def render_explanations_markdown(missions: tuple[MissionView, ...], lang: Lang) -> str:
    """Explain as Markdown: each mission's criteria, evidence and what would change."""
    lines: list[str] = []
    for mission in missions:
        lines += _markdown_head(mission, lang)
        lines += _markdown_criteria(mission, lang)
        lines += _markdown_evidence(mission, lang)
        if mission.flip:
            lines += ["", markdown_cell(mission.flip)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_head(m: MissionView, lang: Lang) -> list[str]:
    borderline = f" ({text(lang, 'report.borderline')})" if m.borderline else ""
    strength = text(lang, "report.strength").lower()
    place = f"`{m.id}` · {markdown_cell(m.file)}:{m.line}"
    verdict = f"**{m.type_label}**{borderline} · {strength}: {m.strength_label}"
    return [f"## {markdown_cell(m.title)}", "", f"{place} · {verdict}", ""]


def _markdown_criteria(m: MissionView, lang: Lang) -> list[str]:
    keys = ("report.criterion", "report.weight", "report.score", "report.contribution")
    body = [
        [
            markdown_cell(c.name),
            number(c.weight, lang, 2),
            number(c.score, lang, 2),
            number(c.contribution, lang, 3),
        ]
        for c in m.criteria
    ]
    return [*markdown_table([text(lang, key) for key in keys], body), ""]


def _markdown_evidence(m: MissionView, lang: Lang) -> list[str]:
    lines = [f"### {text(lang, 'report.evidence')}", ""]
    for index, e in enumerate(m.evidence, 1):
        where = f"{e.file}:{e.line}" if e.line else e.file
        towards = text(lang, "report.towards", type=e.towards)
        negated = f" ({text(lang, 'report.negated')})" if e.negated else ""
        item = f"{index}. "
        lines.append(
            f"{item}«{markdown_cell(e.words)}» — {markdown_cell(e.criterion)}, "
            f"{towards}{negated}, {markdown_cell(where)} `{e.field}`"
        )
        # Indented as far as the item's text, so the quote belongs to the item.
        lines.append(f"{' ' * len(item)}> {markdown_cell(e.sentence)}")
    return lines


def render_explanations_json(
    explained: tuple[tuple[str, MissionReport, VerdictChange | None], ...], lang: Lang
) -> str:
    """Explain -f json: each mission's classification and what would change it."""
    missions = []
    for path, unit, change in explained:
        assert unit.classification is not None  # only classified missions are explained
        missions.append(
            {
                "file": path,
                "line": unit.line,
                "id": unit.id,
                "title": unit.title,
                "classification": evidence_json(unit.classification, lang),
                "change": None
                if change is None
                else {
                    "to": change.result.type.value,
                    "score": change.result.score,
                    "without": [
                        {
                            "words": e.words,
                            "criterion": e.criterion,
                            "line": e.position.line if e.position else None,
                        }
                        for e in change.removed
                    ],
                },
            }
        )
    document = {"schema_version": JSON_SCHEMA_VERSION, "missions": missions}
    return json_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
