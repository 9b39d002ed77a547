"""GitLab Code Quality JSON: an array of issues for the merge request widget."""

from __future__ import annotations

import json
from typing import Any

from oppdrag.diagnostics import Severity
from oppdrag.locale import Lang
from oppdrag.report import RunReport, posix_path
from oppdrag.reporters.tabular import FlatFinding, fingerprints, flatten
from oppdrag.visible import json_escaped

_SEVERITY = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}


def render_gitlab(report: RunReport, lang: Lang) -> str:
    """One Code Quality issue per finding, with a stable, unique fingerprint.

    Args:
        report: The run to render.
        lang: The language of the descriptions.

    Returns:
        A JSON array (empty when there are no findings).
    """
    items = flatten(report, lang, from_root=True)
    issues = [
        _issue(item, fingerprint)
        for item, fingerprint in zip(items, fingerprints(items), strict=True)
    ]
    return json_escaped(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"


def _issue(item: FlatFinding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": item.message,
        "check_name": item.finding.code,
        "fingerprint": fingerprint,
        "severity": _SEVERITY[item.finding.severity],
        "location": {
            "path": posix_path(item.file),
            "lines": {"begin": item.line},
        },
    }
