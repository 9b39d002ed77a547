"""The versioned JSON contract (``--format json``); see docs/json-output.md."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from oppdrag.classify.scorer import Classification, Evidence
from oppdrag.diagnostics import Finding, format_path, json_pointer
from oppdrag.engine.evaluate import Evaluation
from oppdrag.engine.run import Keep, compact
from oppdrag.locale import Lang, message_and_help, term, text
from oppdrag.report import FileReport, MissionReport, RunReport
from oppdrag.visible import json_escaped

# Bump only when the shape changes in a way that can break a reader.
JSON_SCHEMA_VERSION = 1


def render_json(report: RunReport, lang: Lang, command: str) -> str:
    """The whole run as one JSON document, keys in a fixed order."""
    document = _document(report, lang, command)
    document["files"] = [file_json(f, lang) for f in report.files]
    return _dumps(document) + "\n"


class JsonFiles:
    """The files of a JSON report, written out one by one as they are checked.

    Each file's part of the document goes to a temporary file as soon as the
    file is checked, and its report is then kept without its evidence: a run
    over 100,000 proposals holds no more than one file's evidence at a time.
    ``document`` puts the report together byte for byte as ``render_json``.
    """

    def __init__(self, lang: Lang, keep: Keep) -> None:
        self._lang = lang
        self._keep = keep
        # Closed by close(), or on leaving a ``with`` block.
        self._spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._count = 0

    def add(self, file_report: FileReport) -> FileReport:
        """Write ``file_report``'s part, and return what the run keeps of it."""
        part = _dumps(file_json(file_report, self._lang))
        self._spool.write(_ITEM_BREAK if self._count else "")
        self._spool.write(part.replace("\n", _ITEM_BREAK[1:]))
        self._count += 1
        return compact(file_report, self._keep)

    def document(self, report: RunReport, command: str) -> Iterator[str]:
        """The whole document, in pieces, for the run whose files went to ``add``."""
        head = _dumps(_document(report, self._lang, command))
        # The head ends with its closing brace; the files are its last key.
        yield head[: -len("\n}")] + ',\n  "files": '
        if not self._count:
            yield "[]\n}\n"
            return
        yield "[" + _ITEM_BREAK[1:]
        self._spool.seek(0)
        while piece := self._spool.read(1 << 16):
            yield piece
        yield "\n  ]\n}\n"

    def close(self) -> None:
        """Remove the temporary file."""
        self._spool.close()

    def __enter__(self) -> JsonFiles:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


# What comes between two files of the list, as json.dumps(indent=2) writes it
# at that depth; without its comma, what starts each line of a file's part.
_ITEM_BREAK = ",\n    "


def _dumps(value: Any) -> str:
    return json_escaped(json.dumps(value, ensure_ascii=False, indent=2))


def _document(report: RunReport, lang: Lang, command: str) -> dict[str, Any]:
    """The document without its files."""
    counts = report.counts()
    return {
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
    }


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
    return _dumps(document) + "\n"
