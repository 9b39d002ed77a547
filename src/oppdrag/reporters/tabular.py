"""Rows for other programs and for pull requests: CSV, JSON lines and Markdown.

One writer of each kind serves both views of a run: the findings (``check``)
and the missions (``classify``). Cells are escaped the same way in both.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from oppdrag.diagnostics import Finding, Severity, format_path, json_pointer
from oppdrag.locale import Lang, message_and_help, text
from oppdrag.report import MissionReport, RunReport
from oppdrag.reporters import DEFAULT_MAX_FINDINGS
from oppdrag.reporters.missions import (
    COLUMNS,
    TABLE_HEADER,
    Row,
    rows,
    summary_by_type,
    table_cells,
)
from oppdrag.reporters.portfolio import TYPES as PORTFOLIO_TYPES
from oppdrag.reporters.portfolio import Portfolio
from oppdrag.reporters.text import summary_parts
from oppdrag.rules.registry import by_code
from oppdrag.visible import json_escaped, one_line, visible_lines

FINDING_COLUMNS = (
    "file",
    "line",
    "column",
    "code",
    "severity",
    "rule",
    "message",
    "help",
    "path",
)
# Kept under its old name: the columns of the findings CSV.
CSV_COLUMNS = FINDING_COLUMNS

_FINDING_HEADER = ("ui.file", "ui.code", "ui.severity", "ui.message")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# A cell starting with one of these is read as a formula by Excel, LibreOffice and
# Google Sheets; a proposal's title may start with '-' or '=' by accident or not.
# Some spreadsheet programs also read the full-width forms (as typed with an East
# Asian input method) as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


# --- the writers -------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """A cell that is only ever read as the text or number it is.

    Control characters are shown as escapes, except line feeds: the cell is
    then quoted, and a spreadsheet shows its lines. (A carriage return would
    end the row in a spreadsheet, and Python's writer does not quote it when
    rows end in a line feed.) Text that would start a formula gets a leading
    apostrophe (OWASP's advice). Numbers are left as numbers, so '-0.12' as a
    score stays a number.
    """
    if isinstance(value, str):
        value = visible_lines(value)
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    return "" if value is None else value


def csv_text(
    columns: Sequence[str],
    records: Iterable[Mapping[str, Any]],
    excel: Lang | None = None,
) -> str:
    """A header line, then one line per record with the given columns.

    With ``excel``, the variant spreadsheet programs in Norway open directly: a
    byte-order mark (so Æ, Ø and Å survive), ';' between cells, a decimal
    comma in Norwegian, and true/false as that language's Excel writes them.
    """
    buffer = io.StringIO()
    delimiter = ";" if excel else ","
    writer = csv.DictWriter(
        buffer, fieldnames=columns, lineterminator="\n", delimiter=delimiter
    )
    if excel:
        buffer.write("\ufeff")
    writer.writeheader()
    for record in records:
        cells = {k: safe_cell(record[k]) for k in columns}
        if excel:
            cells = {k: _excel_cell(v, excel) for k, v in cells.items()}
        writer.writerow(cells)
    return buffer.getvalue()


# The names Excel itself gives true and false, so it reads them as such.
_EXCEL_BOOLEANS = {"en": ("TRUE", "FALSE"), "nb": ("SANN", "USANN")}


def _excel_cell(value: Any, lang: Lang) -> Any:
    if isinstance(value, bool):
        yes, no = _EXCEL_BOOLEANS.get(lang, _EXCEL_BOOLEANS["nb"])
        return yes if value else no
    if isinstance(value, float) and lang != "en":
        return repr(value).replace(".", ",")
    return value


def jsonl_text(records: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(
        json_escaped(json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def markdown_table(header: Sequence[str], body: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table of cells that are Markdown already."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return lines


def markdown_cell(value: str) -> str:
    """Text that Markdown shows as written: special characters escaped, one line.

    Line breaks and tabs are spaces; other control characters are shown as
    escapes (see ``one_line``).
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(value))


# --- findings (check) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlatFinding:
    """One finding with its file, its mission and its message in one language."""

    file: str
    unit: MissionReport | None
    finding: Finding
    message: str
    help: str

    @property
    def line(self) -> int:
        """The 1-based line, or 1 when the finding has no position."""
        position = self.finding.position
        return position.line if position is not None else 1

    @property
    def column(self) -> int:
        """The 1-based column, or 1 when the finding has no position."""
        position = self.finding.position
        return position.column if position is not None else 1

    @property
    def rule_name(self) -> str:
        """The kebab-case rule name, or empty for a code the registry lacks."""
        rule = by_code(self.finding.code)
        return rule.name if rule is not None else ""

    @property
    def mission_id(self) -> str | None:
        """The id of the mission the finding is in, if it has one."""
        return self.unit.id if self.unit is not None else None

    @property
    def where(self) -> str:
        """``file:line:col``, the place editors and terminals understand."""
        return f"{self.file}:{self.line}:{self.column}"


def flatten(
    report: RunReport, lang: Lang, *, from_root: bool = False
) -> list[FlatFinding]:
    """Every finding of the run in report order, with its message filled in.

    Args:
        report: The run to flatten.
        lang: The language of the messages.
        from_root: Give paths from the project's top folder (for CI systems,
            which resolve them against the repository), not as typed.

    Returns:
        One entry per finding, each file's in line order.
    """
    flat = []
    for file_report in report.files:
        path = report.from_root(file_report.path) if from_root else file_report.path
        for unit, finding in file_report.all_findings():
            message, help_text = message_and_help(
                lang, finding.message_id, finding.args
            )
            flat.append(FlatFinding(path, unit, finding, message, help_text))
    return flat


def fingerprints(items: Iterable[FlatFinding]) -> list[str]:
    """Stable, unique SHA-256 fingerprints that survive lines moving in the file.

    A fingerprint hashes the file, the code, the data path and the message id, so
    it does not change when text above the finding is edited. When two findings
    share all four, the later ones mix in how many came before.

    Args:
        items: The findings, in report order.

    Returns:
        One lowercase hex digest per finding, in the same order.
    """
    seen: dict[str, int] = {}
    result = []
    for item in items:
        finding = item.finding
        parts = [
            item.file,
            finding.code,
            json_pointer(finding.path),
            finding.message_id,
        ]
        base = "\x1f".join(parts)
        count = seen.get(base, 0)
        seen[base] = count + 1
        key = base if count == 0 else f"{base}\x1f{count}"
        result.append(hashlib.sha256(key.encode("utf-8")).hexdigest())
    return result


def render_findings_csv(report: RunReport, lang: Lang, *, excel: bool = False) -> str:
    """One CSV line per finding, with a header line (see csv_text for ``excel``).

    ``line`` and ``column`` are empty for findings without a place.
    """
    records = (_record(i) for i in flatten(report, lang))
    return csv_text(FINDING_COLUMNS, records, lang if excel else None)


def render_findings_jsonl(report: RunReport, lang: Lang) -> str:
    """One JSON object per finding and line: the CSV fields plus the mission id.

    ``line`` and ``column`` are null for findings without a place.
    """
    return jsonl_text(_record(item) for item in flatten(report, lang))


def _record(item: FlatFinding) -> dict[str, Any]:
    position = item.finding.position
    return {
        "file": item.file,
        "line": position.line if position is not None else None,
        "column": position.column if position is not None else None,
        "code": item.finding.code,
        "severity": item.finding.severity.value,
        "rule": item.rule_name,
        "message": item.message,
        "help": item.help,
        "path": format_path(item.finding.path),
        "mission": item.mission_id,
    }


# GitHub refuses comments over 65,536 characters; the report stays well below.
MARKDOWN_BUDGET = 60_000


def render_findings_markdown(
    report: RunReport, lang: Lang, max_findings: int = DEFAULT_MAX_FINDINGS
) -> str:
    """A heading, the counts and the findings, errors first, for a pull request.

    Errors are listed open; warnings and infos folded in ``<details>``. At most
    ``max_findings`` rows are listed, and fewer when the comment would grow
    past what GitHub accepts; a last line says how many were left out.
    """
    items = sorted(
        flatten(report, lang), key=lambda i: _SEVERITY_RANK[i.finding.severity]
    )
    summary, counted = summary_parts(report.counts(), lang)
    lines = ["### oppdrag", "", f"{summary}; **{counted}**", ""]
    if not items:
        lines.append(text(lang, "ui.no_problems"))
        return "\n".join(lines) + "\n"
    shown = _fitting(items, lang, max_findings, MARKDOWN_BUDGET)
    header = [text(lang, key) for key in _FINDING_HEADER]
    errors = [i for i in shown if i.finding.severity is Severity.ERROR]
    others = [i for i in shown if i.finding.severity is not Severity.ERROR]
    if errors:
        lines += markdown_table(header, (_finding_cells(i, lang) for i in errors))
        lines.append("")
    if others:
        folded = text(lang, "ui.others_folded", count=len(others))
        lines += ["<details>", f"<summary>{folded}</summary>", ""]
        lines += markdown_table(header, (_finding_cells(i, lang) for i in others))
        lines += ["", "</details>", ""]
    if len(shown) < len(items):
        lines.append(text(lang, "ui.more_findings", count=len(items) - len(shown)))
    return "\n".join(lines).rstrip("\n") + "\n"


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _fitting(
    items: list[FlatFinding], lang: Lang, most: int, budget: int
) -> list[FlatFinding]:
    """The first findings that fit both the row limit and the size budget."""
    shown: list[FlatFinding] = []
    used = 2_000  # the heading, counts, table headers and closing lines
    for item in items[: max(0, most)]:
        used += sum(len(cell) + 3 for cell in _finding_cells(item, lang)) + 2
        if used > budget:
            break
        shown.append(item)
    return shown


def _finding_cells(item: FlatFinding, lang: Lang) -> list[str]:
    severity = text(lang, f"ui.{item.finding.severity.value}")
    return [
        markdown_cell(f"{item.file}:{item.line}"),
        f"`{item.finding.code}`",
        markdown_cell(severity),
        markdown_cell(item.message),
    ]


# --- missions (classify) -----------------------------------------------------


def render_missions_csv(report: RunReport, lang: Lang, *, excel: bool = False) -> str:
    """One CSV line per mission, with a header line (see csv_text for ``excel``)."""
    records = (row.values(lang) for row in rows(report))
    return csv_text(COLUMNS, records, lang if excel else None)


def render_missions_jsonl(report: RunReport, lang: Lang) -> str:
    """One JSON object per mission and line, with the criterion scores."""
    return jsonl_text(_mission_record(row, lang) for row in rows(report))


def _mission_record(row: Row, lang: Lang) -> dict[str, Any]:
    values = row.values(lang)
    if row.classification is not None:
        values["criteria"] = {c.id: c.score for c in row.classification.criteria}
    return values


def render_missions_markdown(report: RunReport, lang: Lang) -> str:
    """A Markdown table of the missions and a summary by type."""
    header = [text(lang, f"ui.{h}") for h in TABLE_HEADER]
    body = ([markdown_cell(c) for c in table_cells(row, lang)] for row in rows(report))
    lines = [*markdown_table(header, body), ""]
    lines += [f"- {kind}: {count}" for kind, count in summary_by_type(report, lang)]
    return "\n".join(lines) + "\n"


# --- the portfolio (report) --------------------------------------------------


def _portfolio_findings_markdown(portfolio: Portfolio) -> list[str]:
    """The check's findings by severity and by rule."""
    lang = portfolio.lang
    header = [text(lang, "report.severity"), text(lang, "report.findings")]
    rows = [[label, str(count)] for _, label, count in portfolio.findings_by_severity]
    lines = [f"### {text(lang, 'report.findings_totals')}", ""]
    lines += [*markdown_table(header, rows), ""]
    if portfolio.findings_by_code:
        header = [text(lang, "report.code"), text(lang, "report.rule"), header[1]]
        rows = [
            [code, markdown_cell(name), str(count)]
            for code, name, count in portfolio.findings_by_code
        ]
        lines += [*markdown_table(header, rows), ""]
    return lines


def render_portfolio_markdown(portfolio: Portfolio) -> str:
    """The portfolio as Markdown: counts by county, then each county's missions."""
    lang = portfolio.lang

    def t(key: str, **args: Any) -> str:
        return text(lang, key, **args)

    types = [text(lang, f"type.{kind}") for kind in PORTFOLIO_TYPES]
    lines = [f"# {markdown_cell(portfolio.title)}", "", portfolio.summary, ""]
    lines += [f"## {t('report.overview')}", ""]
    header = [t("report.county"), *types, t("report.borderline"), t("report.total")]
    rows = [
        [
            markdown_cell(c.name),
            *(str(c.counts[k]) for k in PORTFOLIO_TYPES),
            str(c.borderline),
            str(c.total),
        ]
        for c in portfolio.counties
    ]
    lines += [*markdown_table(header, rows), ""]
    lines += _portfolio_findings_markdown(portfolio)
    lines += [f"## {t('report.counties')}"]
    for county in portfolio.counties:
        lines += ["", f"### {markdown_cell(county.name)}", ""]
        header = [
            t("report.mission"),
            t("report.type"),
            t("report.strength"),
            t("report.status"),
            t("report.deadline"),
            t("report.owner"),
        ]
        body = [
            [
                markdown_cell(m.title),
                markdown_cell(m.type_label)
                + (f" ({t('report.borderline')})" if m.borderline else ""),
                markdown_cell(m.strength_label),
                markdown_cell(m.status),
                str(m.deadline or ""),
                markdown_cell(m.owner),
            ]
            for m in county.missions
        ]
        lines += markdown_table(header, body)
    return "\n".join(lines) + "\n"
