"""The versioned JSON contract (``--format json``); see docs/json-output.md."""

from __future__ import annotations

import json
from typing import Any

from oppdrag.diagnostics import Finding, format_path, json_pointer
from oppdrag.locale import Lang, message_and_help, text
from oppdrag.report import FileReport, RunReport
from oppdrag.validate import Unit

# Bump only when the shape changes in a way that can break a reader.
JSON_SCHEMA_VERSION = 1


def render_json(report: RunReport, lang: Lang, command: str) -> str:
    """The whole run as one JSON document, keys in a fixed order."""
    counts = report.counts()
    document: dict[str, Any] = {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": "oppdrag", "version": report.tool_version},
        "command": command,
        "language": lang,
        "summary": {
            "files": counts.files,
            "missions": counts.units,
            "valid": counts.valid,
            "invalid": counts.invalid,
            "errors": counts.errors,
            "warnings": counts.warnings,
            "infos": counts.infos,
        },
        "problems": [
            {
                "path": p.path,
                "message": text(lang, p.message_id, path=p.path, reason=p.reason),
            }
            for p in report.problems
        ],
        "files": [file_json(f, lang) for f in report.files],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def file_json(file_report: FileReport, lang: Lang) -> dict[str, Any]:
    """One file: its own findings and one entry per mission (or strategy header)."""
    return {
        "path": file_report.path,
        "valid": file_report.valid,
        "findings": [finding_json(f, lang) for f in file_report.findings],
        "documents": [unit_json(u, lang) for u in file_report.units],
    }


def unit_json(unit: Unit, lang: Lang) -> dict[str, Any]:
    """One mission (or a strategy's header) with where it starts and what was found."""
    return {
        "kind": unit.kind,
        "document": unit.document,
        "mission": unit.mission,
        "line": unit.line,
        "path": format_path(unit.path),
        "id": unit.id,
        "title": unit.title,
        "valid": unit.valid,
        "findings": [finding_json(f, lang) for f in unit.findings],
    }


def finding_json(finding: Finding, lang: Lang) -> dict[str, Any]:
    """One finding; ``message_id`` and ``args`` let tools translate or group it."""
    message, help_text = message_and_help(lang, finding.message_id, finding.args)
    position = finding.position
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": message,
        "help": help_text,
        "path": format_path(finding.path),
        "pointer": json_pointer(finding.path),
        "line": position.line if position else None,
        "column": position.column if position else None,
        "message_id": finding.message_id,
        "args": {k: _plain(v) for k, v in sorted(finding.args.items())},
    }


def _plain(value: Any) -> Any:
    return (
        value
        if isinstance(value, str | int | float | bool | type(None))
        else str(value)
    )
