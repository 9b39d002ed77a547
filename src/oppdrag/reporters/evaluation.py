"""``eval``: how well the rulebook reproduces the declared types, as tables."""

from __future__ import annotations

from typing import assert_never

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from oppdrag.engine.evaluate import DETECTED, TYPES, Evaluation
from oppdrag.locale import Lang, term, text
from oppdrag.reporters import EvalFormat, RenderContext
from oppdrag.reporters.json import render_evaluation_json
from oppdrag.reporters.terminal import render
from oppdrag.visible import visible


def render_evaluation(
    result: Evaluation, fmt: EvalFormat, context: RenderContext
) -> str:
    """The evaluation in one of ``eval``'s formats."""
    match fmt:
        case EvalFormat.TEXT:
            tables = evaluation_tables(result, context.lang)
            return render(tables, color=context.color, width=context.width)
        case EvalFormat.JSON:
            return render_evaluation_json(result)
        case _:
            assert_never(fmt)


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
                Text(f"{case.file}:{case.line}"),  # text, never markup
                Text(visible(case.id)),
                term(lang, "type", case.declared),
                term(lang, "type", case.result.type.value),
                f"{case.result.score:+.3f}",
            )
    return table
