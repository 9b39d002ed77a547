"""The flat view of a run's findings, and its CSV, JSON lines and Markdown forms."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from oppdrag.diagnostics import Finding, format_path, json_pointer
from oppdrag.locale import Lang, message_and_help, text
from oppdrag.report import MissionReport, RunReport
from oppdrag.reporters.spreadsheet import safe_cell
from oppdrag.reporters.summary import summary_parts
from oppdrag.rules import by_code

CSV_COLUMNS = (
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

_MARKDOWN_HEADER = ("ui.file", "ui.code", "ui.severity", "ui.message")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


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


def flatten(report: RunReport, lang: Lang) -> list[FlatFinding]:
    """Every finding of the run in report order, with its message filled in.

    Args:
        report: The run to flatten.
        lang: The language of the messages.

    Returns:
        One entry per finding: file-level findings first, then each mission's.
    """
    flat = []
    for file_report in report.files:
        for unit, finding in file_report.all_findings():
            message, help_text = message_and_help(
                lang, finding.message_id, finding.args
            )
            flat.append(
                FlatFinding(file_report.path, unit, finding, message, help_text)
            )
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


def render_findings_csv(report: RunReport, lang: Lang) -> str:
    """One CSV line per finding, with a header line.

    Args:
        report: The run to render.
        lang: The language of the messages and help.

    Returns:
        The CSV text; ``line`` and ``column`` are empty for unplaced findings.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in flatten(report, lang):
        row = _record(item)
        writer.writerow({k: safe_cell(row[k]) for k in CSV_COLUMNS})
    return buffer.getvalue()


def render_findings_jsonl(report: RunReport, lang: Lang) -> str:
    """One JSON object per finding and line: the CSV fields plus the mission id.

    Args:
        report: The run to render.
        lang: The language of the messages and help.

    Returns:
        JSON lines; ``line`` and ``column`` are null for unplaced findings.
    """
    records = (_record(item) for item in flatten(report, lang))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


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


def render_findings_markdown(report: RunReport, lang: Lang) -> str:
    """A Markdown summary of the findings for a pull-request comment.

    Args:
        report: The run to render.
        lang: The language of the text.

    Returns:
        A heading, a count line and a table of findings (or a line saying none).
    """
    items = flatten(report, lang)
    lines = ["### oppdrag", "", _count_line(report, lang), ""]
    if not items:
        lines.append(text(lang, "ui.no_problems"))
    else:
        lines.extend(_markdown_table(items, lang))
    return "\n".join(lines) + "\n"


def _count_line(report: RunReport, lang: Lang) -> str:
    summary, findings = summary_parts(report.counts(), lang)
    return f"{summary}; **{findings}**"


def _markdown_table(items: list[FlatFinding], lang: Lang) -> Iterator[str]:
    names = tuple(text(lang, key) for key in _MARKDOWN_HEADER)
    yield "| " + " | ".join(names) + " |"
    yield "|" + "---|" * len(names)
    for item in items:
        severity = text(lang, f"ui.{item.finding.severity.value}")
        cells = [
            _cell(f"{item.file}:{item.line}"),
            f"`{item.finding.code}`",
            _cell(severity),
            _cell(item.message),
        ]
        yield "| " + " | ".join(cells) + " |"


def _cell(value: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    return " ".join(escaped.splitlines())
