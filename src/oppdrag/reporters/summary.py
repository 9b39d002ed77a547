"""The summary line's wording, shared by the text and Markdown outputs."""

from __future__ import annotations

from oppdrag.locale import Lang, text
from oppdrag.report import Counts


def summary_parts(counts: Counts, lang: Lang) -> tuple[str, str]:
    """The run's summary: files and missions, then errors and warnings."""
    summary = text(
        lang,
        "ui.summary",
        files=counts.files,
        units=counts.units,
        valid=counts.valid,
        invalid=counts.invalid,
    )
    findings = text(
        lang, "ui.summary_findings", errors=counts.errors, warnings=counts.warnings
    )
    return summary, findings
