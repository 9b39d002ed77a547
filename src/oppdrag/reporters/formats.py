"""The finding formats by name: what ``--format`` chooses from for findings."""

from __future__ import annotations

from collections.abc import Callable

from oppdrag.locale import Lang
from oppdrag.report import RunReport
from oppdrag.reporters.concise import render_concise
from oppdrag.reporters.findings import (
    render_findings_csv,
    render_findings_jsonl,
    render_findings_markdown,
)
from oppdrag.reporters.github import render_github
from oppdrag.reporters.gitlab import render_gitlab
from oppdrag.reporters.junit import render_junit
from oppdrag.reporters.sarif import render_sarif

FindingRenderer = Callable[[RunReport, Lang], str]

FINDING_FORMATS: dict[str, FindingRenderer] = {
    "concise": render_concise,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
    "junit": render_junit,
    "csv": render_findings_csv,
    "jsonl": render_findings_jsonl,
    "markdown": render_findings_markdown,
}
