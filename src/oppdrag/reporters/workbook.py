"""The portfolio as an Excel workbook: missions, evidence, findings and county counts.

Each sheet is an Excel table with filters, a frozen header, column widths and
number formats. The same input gives the same bytes: the workbook's dates are
fixed, so a workbook in version control changes only when the portfolio does.
A very large portfolio is written a row at a time (xlsxwriter's constant memory
mode, which cannot make Excel tables): its sheets have filters, a frozen header
and the same columns, without the table style.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.worksheet import Worksheet

from oppdrag.locale import term, text
from oppdrag.reporters.portfolio import TYPES, Portfolio
from oppdrag.visible import visible_lines

# Workbooks carry a creation date; a fixed one keeps equal input byte-identical.
_CREATED = datetime(2024, 1, 1)
# xlsxwriter by default writes a string starting with '=' (or '{=') as a live
# formula and one like 'http://', 'file://' or 'external:' as a link; a title
# or an owner from a proposal is text, whatever it starts with.
_TEXT_STAYS_TEXT = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


# Past this many rows in all, sheets are written a row at a time: xlsxwriter keeps
# every cell of a table in memory until the end (1.2 GB for 50,000 missions).
LARGE_WORKBOOK_ROWS = 20_000
_ROW_BY_ROW = {**_TEXT_STAYS_TEXT, "in_memory": False, "constant_memory": True}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: its heading, width (characters) and number format."""

    heading: str
    width: int
    format: str = ""


def render_portfolio_xlsx(portfolio: Portfolio) -> bytes:
    """The portfolio as the bytes of an .xlsx workbook."""
    buffer = io.BytesIO()
    sheets = [
        (
            "report.sheet_missions",
            _mission_columns(portfolio),
            len(portfolio.missions),
            _mission_rows(portfolio),
        ),
        (
            "report.sheet_evidence",
            _evidence_columns(portfolio),
            sum(len(m.evidence) for m in portfolio.missions),
            _evidence_rows(portfolio),
        ),
        (
            "report.sheet_findings",
            _finding_columns(portfolio),
            sum(len(m.findings) for m in portfolio.missions)
            + len(portfolio.other_findings),
            _finding_rows(portfolio),
        ),
        (
            "report.sheet_counties",
            _county_columns(portfolio),
            len(portfolio.counties),
            _county_rows(portfolio),
        ),
    ]
    row_by_row = sum(count for _, _, count, _ in sheets) > LARGE_WORKBOOK_ROWS
    workbook = Workbook(buffer, _ROW_BY_ROW if row_by_row else _TEXT_STAYS_TEXT)
    workbook.set_properties(
        {"title": portfolio.title, "author": "oppdrag", "created": _CREATED}
    )
    for key, columns, count, rows in sheets:
        name = text(portfolio.lang, key)
        if row_by_row:
            _filtered_sheet(workbook, name, columns, count, rows)
        else:
            _table(workbook, name, columns, count, rows)
    workbook.close()
    return buffer.getvalue()


def _sheet(workbook: Workbook, name: str, columns: Sequence[Column]) -> Worksheet:
    worksheet: Worksheet = workbook.add_worksheet(name[:31])
    for index, column in enumerate(columns):
        number = (
            workbook.add_format({"num_format": column.format})
            if column.format
            else None
        )
        worksheet.set_column(index, index, column.width, number)
    worksheet.freeze_panes(1, 0)
    return worksheet


def _table(
    workbook: Workbook,
    name: str,
    columns: Sequence[Column],
    count: int,
    rows: Iterable[list[Any]],
) -> None:
    worksheet = _sheet(workbook, name, columns)
    worksheet.add_table(
        0,
        0,
        max(count, 1),  # a table needs a row below its header
        len(columns) - 1,
        {
            "name": "".join(ch for ch in name if ch.isalnum()) or "Table",
            "columns": [{"header": c.heading} for c in columns],
            "style": "Table Style Light 9",
        },
    )
    _write_rows(worksheet, rows)


def _filtered_sheet(
    workbook: Workbook,
    name: str,
    columns: Sequence[Column],
    count: int,
    rows: Iterable[list[Any]],
) -> None:
    """A sheet written a row at a time: a bold header with filters, then the rows."""
    worksheet = _sheet(workbook, name, columns)
    bold = workbook.add_format({"bold": True})
    for index, column in enumerate(columns):
        worksheet.write_string(0, index, column.heading, bold)
    worksheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    _write_rows(worksheet, rows)


def _write_rows(worksheet: Worksheet, rows: Iterable[list[Any]]) -> None:
    for row_index, row in enumerate(rows, 1):
        for column_index, value in enumerate(row):
            _cell(worksheet, row_index, column_index, value)


def _cell(worksheet: Worksheet, row: int, column: int, value: Any) -> None:
    """One cell as what it is: text as text, a number as a number, nothing blank.

    Text is written with write_string, never guessed at, so no text from a
    proposal becomes a formula or a link. The column's number format applies.
    """
    if value is None or value == "":
        worksheet.write_blank(row, column, None)
    elif isinstance(value, str):
        worksheet.write_string(row, column, visible_lines(value))
    else:
        worksheet.write_number(row, column, value)


def _mission_columns(p: Portfolio) -> list[Column]:
    t = _labels(p)
    return [
        Column(t("report.file"), 36),
        Column(t("report.line"), 7, "0"),
        Column("id", 28),
        Column(t("report.mission"), 44),
        Column(t("report.county"), 18),
        Column(t("report.type"), 16),
        Column(t("report.borderline"), 10),
        Column(t("report.strength"), 10, "0.00"),
        Column(t("report.declared"), 16),
        Column(t("report.status"), 12),
        Column(t("report.deadline"), 9, "0"),
        Column(t("report.budget"), 16, "#,##0"),
        Column(t("report.currency"), 9),
        Column(t("report.owner"), 28),
        Column(t("report.findings"), 9, "0"),
    ]


def _mission_rows(p: Portfolio) -> Iterator[list[Any]]:
    yes, no = text(p.lang, "report.yes"), text(p.lang, "report.no")
    return (
        [
            m.file,
            m.line,
            m.id,
            m.title,
            ", ".join(m.counties),
            m.type_label,
            yes if m.borderline else no,
            m.strength,
            m.declared,
            m.status,
            m.deadline,
            m.budget,
            m.currency,
            m.owner,
            len(m.findings),
        ]
        for m in p.missions
    )


def _evidence_columns(p: Portfolio) -> list[Column]:
    t = _labels(p)
    return [
        Column("id", 28),
        Column(t("report.criterion"), 24),
        Column(t("report.pole"), 16),
        Column(t("report.words"), 28),
        Column(t("report.sentence"), 60),
        Column(t("report.file"), 36),
        Column(t("report.line"), 7, "0"),
        Column(t("report.path"), 28),
        Column(t("report.contribution"), 12, "0.000"),
        Column(t("report.negated"), 9),
    ]


def _evidence_rows(p: Portfolio) -> Iterator[list[Any]]:
    yes, no = text(p.lang, "report.yes"), text(p.lang, "report.no")
    return (
        [
            m.id,
            e.criterion,
            e.towards,
            e.words,
            e.sentence,
            e.file,
            e.line,
            e.field,
            e.contribution,
            yes if e.negated else no,
        ]
        for m in p.missions
        for e in m.evidence
    )


def _finding_columns(p: Portfolio) -> list[Column]:
    t = _labels(p)
    return [
        Column(t("report.file"), 36),
        Column(t("report.line"), 7, "0"),
        Column("id", 28),
        Column(t("report.code"), 8),
        Column(t("report.severity"), 10),
        Column(t("report.message"), 80),
    ]


def _finding_rows(p: Portfolio) -> Iterator[list[Any]]:
    for m in p.missions:
        for f in m.findings:
            yield [f.file, f.line, m.id, f.code, f.severity, f.message]
    # Findings on a file or a strategy as a whole belong to no mission: no id.
    for f in p.other_findings:
        yield [f.file, f.line, "", f.code, f.severity, f.message]


def _county_columns(p: Portfolio) -> list[Column]:
    t = _labels(p)
    return [
        Column(t("report.county"), 20),
        *(Column(term(p.lang, "type", kind), 16, "0") for kind in TYPES),
        Column(t("report.invalid"), 12, "0"),
        Column(t("report.borderline"), 14, "0"),
        Column(t("report.total"), 9, "0"),
    ]


def _county_rows(p: Portfolio) -> Iterator[list[Any]]:
    return (
        [
            c.name,
            *(c.counts[kind] for kind in TYPES),
            c.counts["invalid"],
            c.borderline,
            c.total,
        ]
        for c in p.counties
    )


def _labels(p: Portfolio) -> Any:
    return lambda key: text(p.lang, key)
