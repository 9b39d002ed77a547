"""The versioned JSON contract (``--format json``); see docs/json-output.md."""

from __future__ import annotations

import json
from typing import Any

from oppdrag.classify.scorer import Classification, Evidence
from oppdrag.diagnostics import Finding, format_path, json_pointer
from oppdrag.engine.evaluate import Evaluation
from oppdrag.locale import Lang, message_and_help, term, text
from oppdrag.report import FileReport, MissionReport, RunReport

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
            "unchecked": counts.unchecked,
        },
        "problems": [
            {
                "path": p.path,
                "message": text(lang, p.message_id, path=p.path, reason=p.reason),
            }
            for p in report.problems
        ],
        "skipped": list(report.skipped),
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


def unit_json(unit: MissionReport, lang: Lang) -> dict[str, Any]:
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
        **(
            {"classification": evidence_json(unit.classification, lang)}
            if unit.classification is not None
            else {}
        ),
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


def evidence_json(result: Classification, lang: Lang) -> dict[str, Any]:
    """The classification object of the JSON contract."""
    contradiction = result.contradiction
    return {
        "type": result.type.value,
        "score": result.score,
        "margin": result.margin,
        "strength": result.strength,
        "borderline": result.borderline,
        "threshold": result.threshold,
        "coverage": result.coverage,
        "rulebook_version": result.rulebook_version,
        "criteria": [
            {
                "id": c.id,
                "name": term(lang, "criterion", c.id),
                "weight": c.weight,
                "score": c.score,
                "contribution": round(c.contribution, 5),
                "transforming": c.transforming,
                "accelerating": c.accelerating,
            }
            for c in result.criteria
        ],
        "evidence": [_evidence_item(e) for e in result.evidence],
        "contradiction": None
        if contradiction is None
        else {
            "claim": _evidence_item(contradiction.claim),
            "facts": [format_path(p) for p in contradiction.facts],
        },
    }


def _evidence_item(e: Evidence) -> dict[str, Any]:
    return {
        "criterion": e.criterion,
        "pole": e.pole,
        "concept": e.concept or None,
        "path": format_path(e.path),
        "words": e.words,
        "quote": e.quote or None,
        "line": e.position.line if e.position else None,
        "column": e.position.column if e.position else None,
        "strength": e.strength,
        "contribution": e.contribution,
        "negated": e.negated,
        "listed": e.listed,
        "needed": e.needed,
    }


def _plain(value: Any) -> Any:
    return (
        value
        if isinstance(value, str | int | float | bool | type(None))
        else str(value)
    )


def render_evaluation_json(result: Evaluation) -> str:
    """The evaluation as JSON: accuracy, confusion matrix, ablation and every case."""
    document = {
        "schema_version": JSON_SCHEMA_VERSION,
        "rulebook_version": result.rulebook_version,
        "count": len(result.cases),
        "correct": result.correct,
        "accuracy": round(result.accuracy, 4),
        "borderline": result.borderline,
        "undetermined": result.undetermined,
        "confusion": [
            {"declared": declared, "detected": detected, "count": count}
            for (declared, detected), count in result.confusion().items()
        ],
        "ablation": [
            {"without": a.criterion, "accuracy": round(a.accuracy, 4)}
            for a in result.ablations
        ],
        "cases": [
            {
                "file": case.file,
                "line": case.line,
                "id": case.id,
                "declared": case.declared,
                "detected": case.result.type.value,
                "score": case.result.score,
                "borderline": case.result.borderline,
            }
            for case in result.cases
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
