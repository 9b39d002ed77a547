"""Reporters turn one RunReport into text for people or a format for machines.

Each command has one list of formats (a StrEnum, which also gives the help
text) and one dispatch (``render``). A renderer is imported only when it is
chosen: rich and the machine formats cost start-up time nobody else should pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from collections.abc import Iterable

    from oppdrag.locale import Lang
    from oppdrag.report import RunReport


class ValidateFormat(StrEnum):
    """``validate --format``."""

    TEXT = "text"
    JSON = "json"


class CheckFormat(StrEnum):
    """``check --format``: text for people, the rest for CI systems and programs."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    CSV = "csv"
    # CSV as Norwegian Excel opens it: byte-order mark, ';', decimal comma.
    EXCEL_CSV = "excel-csv"


class ClassifyFormat(StrEnum):
    """``classify --format``: a table for people, or a format for other programs."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    EXCEL_CSV = "excel-csv"
    MARKDOWN = "markdown"


class ExplainFormat(StrEnum):
    """``explain --format``: tables for people, or a page, Markdown or JSON."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


class ReportFormat(StrEnum):
    """``report --format``: the portfolio as a web page, a workbook or Markdown."""

    HTML = "html"
    XLSX = "xlsx"
    MARKDOWN = "markdown"


class EvalFormat(StrEnum):
    """``eval --format``."""

    TEXT = "text"
    JSON = "json"


class RuleFormat(StrEnum):
    """``rule --format``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def spelled(formats: type[StrEnum]) -> str:
    """The choices as a person writes them: 'text, json or markdown'."""
    names = [str(member) for member in formats]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


# The most findings the Markdown format lists (a pull-request comment).
DEFAULT_MAX_FINDINGS = 100
# Tables written to a file or a pipe are laid out this wide (or $COLUMNS), so
# a file is the same on every machine; on a terminal they take its width.
DEFAULT_WIDTH = 120


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What renderers may use besides the report."""

    lang: Lang
    color: bool = False
    # Findings only, no summary line (the text format).
    quiet: bool = False
    max_findings: int = DEFAULT_MAX_FINDINGS
    # Columns for tables: the terminal's width, or a fixed one for files.
    width: int = DEFAULT_WIDTH


RunFormat = ValidateFormat | CheckFormat | ClassifyFormat


def render(report: RunReport, fmt: RunFormat, context: RenderContext) -> str:
    """The report in one of its command's formats."""
    if isinstance(fmt, ValidateFormat):
        return _validate(report, fmt, context)
    if isinstance(fmt, CheckFormat):
        return _check(report, fmt, context)
    return _classify(report, fmt, context)


def render_in_pieces(
    report: RunReport, fmt: RunFormat, context: RenderContext
) -> Iterable[str]:
    """As ``render``, in pieces to write one after another.

    The text of a long run comes a file at a time, so it is never all in
    memory at once; the other formats come whole.
    """
    if fmt == "text":
        from oppdrag.reporters.text import text_pieces  # noqa: PLC0415

        lang, color, quiet = context.lang, context.color, context.quiet
        return text_pieces(report, lang, color=color, quiet=quiet)
    return (render(report, fmt, context),)


def _validate(report: RunReport, fmt: ValidateFormat, context: RenderContext) -> str:
    match fmt:
        case ValidateFormat.TEXT:
            return _text(report, context)
        case ValidateFormat.JSON:
            return _json(report, context, "validate")
        case _:
            assert_never(fmt)


def _check(report: RunReport, fmt: CheckFormat, context: RenderContext) -> str:
    if fmt is CheckFormat.TEXT:
        return _text(report, context)
    if fmt is CheckFormat.JSON:
        return _json(report, context, "check")
    return _findings(report, fmt, context)


def _findings(report: RunReport, fmt: CheckFormat, context: RenderContext) -> str:  # noqa: PLR0911 -- one return per format
    """The formats for CI systems and other programs: the findings only."""
    from oppdrag.reporters import (  # noqa: PLC0415 -- only when chosen
        concise,
        github,
        gitlab,
        junit,
        sarif,
        tabular,
    )

    lang = context.lang
    match fmt:
        case CheckFormat.CONCISE:
            return concise.render_concise(report, lang)
        case CheckFormat.JSONL:
            return tabular.render_findings_jsonl(report, lang)
        case CheckFormat.SARIF:
            return sarif.render_sarif(report, lang)
        case CheckFormat.GITHUB:
            return github.render_github(report, lang)
        case CheckFormat.GITLAB:
            return gitlab.render_gitlab(report, lang)
        case CheckFormat.JUNIT:
            return junit.render_junit(report, lang)
        case CheckFormat.MARKDOWN:
            return tabular.render_findings_markdown(report, lang, context.max_findings)
        case CheckFormat.CSV | CheckFormat.EXCEL_CSV:
            excel = fmt is CheckFormat.EXCEL_CSV
            return tabular.render_findings_csv(report, lang, excel=excel)
        case CheckFormat.TEXT | CheckFormat.JSON:
            raise ValueError(fmt)  # for people, not a findings list: see _check
        case _:
            assert_never(fmt)


def _classify(report: RunReport, fmt: ClassifyFormat, context: RenderContext) -> str:
    if fmt is ClassifyFormat.TABLE:
        from oppdrag.reporters.missions import render_missions_table  # noqa: PLC0415

        return render_missions_table(
            report, context.lang, color=context.color, width=context.width
        )
    if fmt is ClassifyFormat.JSON:
        return _json(report, context, "classify")
    from oppdrag.reporters import tabular  # noqa: PLC0415 -- only when chosen

    match fmt:
        case ClassifyFormat.JSONL:
            return tabular.render_missions_jsonl(report, context.lang)
        case ClassifyFormat.CSV:
            return tabular.render_missions_csv(report, context.lang)
        case ClassifyFormat.EXCEL_CSV:
            return tabular.render_missions_csv(report, context.lang, excel=True)
        case ClassifyFormat.MARKDOWN:
            return tabular.render_missions_markdown(report, context.lang)
        case _:
            assert_never(fmt)


def _text(report: RunReport, context: RenderContext) -> str:
    from oppdrag.reporters.text import render_text  # noqa: PLC0415 -- only when chosen

    return render_text(report, context.lang, color=context.color, quiet=context.quiet)


def _json(report: RunReport, context: RenderContext, command: str) -> str:
    from oppdrag.reporters.json import render_json  # noqa: PLC0415 -- only when chosen

    return render_json(report, context.lang, command)
