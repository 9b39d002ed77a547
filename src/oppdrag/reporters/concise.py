"""One line per finding, ``path:line:col: CODE [severity] message``, for editors."""

from __future__ import annotations

from oppdrag.locale import Lang, text
from oppdrag.report import RunReport
from oppdrag.reporters.tabular import flatten
from oppdrag.reporters.text import line_safe


def render_concise(report: RunReport, lang: Lang) -> str:
    """Every finding on one line, with no excerpt, help or summary.

    Args:
        report: The run to render.
        lang: The language of the severity word and the message.

    Returns:
        One line per finding; a finding with no position is placed at 1:1.
    """
    lines = []
    for item in flatten(report, lang):
        severity = text(lang, f"ui.{item.finding.severity.value}")
        message = " ".join(item.message.splitlines())
        where = line_safe(item.where)
        lines.append(f"{where}: {item.finding.code} [{severity}] {message}")
    return "".join(line + "\n" for line in lines)
