"""Last steps of ``oppdrag check``: batch rules, settings, suppressions, baseline."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oppdrag.diagnostics import Finding, Position, format_path
from oppdrag.report import FileReport, RunReport
from oppdrag.rules import codes
from oppdrag.rules.batch import Placed, batch_findings
from oppdrag.rules.suppression import apply_suppressions
from oppdrag.selection import CheckSettings, Selection
from oppdrag.validate import Unit

BASELINE_VERSION = 1


def finish(report: RunReport, settings: CheckSettings, root: Path | None) -> RunReport:
    """Add batch findings, then apply rule selection, severities and suppressions."""
    selection = Selection(settings, root)
    files = _with_batch_findings(report.files)
    known = codes()
    finished = tuple(_finish_file(f, selection, known) for f in files)
    return dataclasses.replace(report, files=finished)


def _with_batch_findings(files: tuple[FileReport, ...]) -> list[FileReport]:
    placed = [
        (file_index, unit_index, Placed(f.path, u.line, u.path, u.fields))
        for file_index, f in enumerate(files)
        for unit_index, u in enumerate(f.units)
        if u.fields is not None and u.kind != "strategy"
    ]
    by_mission = {id(p): (fi, ui) for fi, ui, p in placed}
    extra: dict[tuple[int, int], list[Finding]] = {}
    for mission, item in batch_findings(p for _, _, p in placed):
        extra.setdefault(by_mission[id(mission)], []).append(item)
    result = list(files)
    for (file_index, unit_index), items in extra.items():
        file = result[file_index]
        units = list(file.units)
        unit = units[unit_index]
        units[unit_index] = dataclasses.replace(
            unit, findings=(*unit.findings, *(_anchored(unit, f) for f in items))
        )
        result[file_index] = dataclasses.replace(file, units=tuple(units))
    return result


def _anchored(unit: Unit, item: Finding) -> Finding:
    """A batch finding placed where its unit's anchor for that path is."""
    for path, position, excerpt in unit.anchors:
        if path == item.path:
            return dataclasses.replace(item, position=position, excerpt=excerpt)
    return dataclasses.replace(item, position=Position(unit.line, 1))


def _finish_file(file: FileReport, selection: Selection, known: set[str]) -> FileReport:
    def select(items: Iterable[Finding]) -> list[Finding]:
        applied = (selection.applies(item, file.path) for item in items)
        return [item for item in applied if item is not None]

    file_level = select(file.findings)
    per_unit = [select(unit.findings) for unit in file.units]
    everything = file_level + [item for items in per_unit for item in items]
    kept, comments = apply_suppressions(everything, list(file.suppressions), known)
    kept_ids = {id(item) for item in kept}
    units = tuple(
        dataclasses.replace(unit, findings=tuple(f for f in items if id(f) in kept_ids))
        for unit, items in zip(file.units, per_unit, strict=True)
    )
    own = tuple(f for f in file_level if id(f) in kept_ids)
    return dataclasses.replace(file, findings=(*own, *select(comments)), units=units)


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """A finding as a baseline remembers it: by content, not by line."""

    file: str
    code: str
    path: str
    hash: str

    def as_dict(self) -> dict[str, str]:
        """The entry as written in the baseline file."""
        return dataclasses.asdict(self)


def baseline_entries(report: RunReport) -> list[BaselineEntry]:
    """Every finding of the report as a baseline entry, in a stable order."""
    entries = [
        _entry(file.path, finding)
        for file in report.files
        for _, finding in file.all_findings()
    ]
    return sorted(entries, key=lambda e: (e.file, e.code, e.path, e.hash))


def baseline_json(report: RunReport) -> str:
    """The text of a baseline file for this report."""
    document = {
        "schema_version": BASELINE_VERSION,
        "tool": "oppdrag",
        "findings": [e.as_dict() for e in baseline_entries(report)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_baseline(text: str) -> list[BaselineEntry]:
    """The entries of a baseline file.

    Raises:
        ValueError: the text is not a baseline file.
    """
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("schema_version") != BASELINE_VERSION:
        msg = "not an oppdrag baseline file (schema_version 1)"
        raise ValueError(msg)
    return [BaselineEntry(**item) for item in data["findings"]]


def apply_baseline(
    report: RunReport, entries: list[BaselineEntry]
) -> tuple[RunReport, list[BaselineEntry], int]:
    """The report without baselined findings, the fixed entries, and how many hid."""
    remaining = Counter(entries)
    hidden = 0

    def new(path: str, items: Iterable[Finding]) -> Iterator[Finding]:
        nonlocal hidden
        for item in items:
            entry = _entry(path, item)
            if remaining[entry] > 0:
                remaining[entry] -= 1
                hidden += 1
            else:
                yield item

    files = []
    for file in report.files:
        units = tuple(
            dataclasses.replace(u, findings=tuple(new(file.path, u.findings)))
            for u in file.units
        )
        findings = tuple(new(file.path, file.findings))
        files.append(dataclasses.replace(file, findings=findings, units=units))
    fixed = sorted(remaining.elements(), key=lambda e: (e.file, e.code, e.path, e.hash))
    return dataclasses.replace(report, files=tuple(files)), fixed, hidden


def _entry(file: str, finding: Finding) -> BaselineEntry:
    return BaselineEntry(
        file=Path(file).as_posix(),
        code=finding.code,
        path=format_path(finding.path),
        hash=_content_hash(finding),
    )


def _content_hash(finding: Finding) -> str:
    """What the finding is about, not where: code, data path, message values, source."""
    content: dict[str, Any] = {
        "code": finding.code,
        "path": list(finding.path),
        "args": {k: str(v) for k, v in sorted(finding.args.items())},
    }
    if not finding.path and finding.excerpt:
        content["source"] = finding.excerpt.split("\n", 1)[0].strip()
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def statistics(report: RunReport) -> list[tuple[str, int]]:
    """How many findings of each code, most frequent first."""
    counts = Counter(f.code for file in report.files for _, f in file.all_findings())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
