"""Batch output of ``classify``: CSV, JSON lines and Markdown, one row per mission."""

from __future__ import annotations

import csv
import io
import json

from oppdrag.locale import Lang, text
from oppdrag.report import RunReport
from oppdrag.reporters.rows import (
    COLUMNS,
    TABLE_HEADER,
    rows,
    summary_by_type,
    table_cells,
)
from oppdrag.reporters.spreadsheet import safe_cell


def render_csv(report: RunReport, lang: Lang) -> str:
    """One CSV line per mission, with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(report):
        writer.writerow({k: safe_cell(v) for k, v in row.values(lang).items()})
    return buffer.getvalue()


def render_jsonl(report: RunReport, lang: Lang) -> str:
    """One JSON object per mission and line, with the criterion scores."""
    lines = []
    for row in rows(report):
        values = row.values(lang)
        if row.classification is not None:
            values["criteria"] = {c.id: c.score for c in row.classification.criteria}
        lines.append(json.dumps(values, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def render_markdown(report: RunReport, lang: Lang) -> str:
    """A Markdown table of the missions and a summary by type."""
    names = [text(lang, f"ui.{h}") for h in TABLE_HEADER]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for row in rows(report):
        cells = [_escape(cell) for cell in table_cells(row, lang)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for kind, count in summary_by_type(report, lang):
        lines.append(f"- {kind}: {count}")
    return "\n".join(lines) + "\n"


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")
