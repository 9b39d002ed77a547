"""The last steps of ``oppdrag check``: batch rules, then settings and suppressions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from oppdrag.check.settings import Selection
from oppdrag.config import CheckSettings
from oppdrag.diagnostics import Finding, Position
from oppdrag.report import FileReport, MissionReport, RunReport, finding_place
from oppdrag.rules.base import Placed
from oppdrag.rules.batch import BATCH
from oppdrag.rules.registry import known_codes
from oppdrag.rules.suppression import apply_suppressions


def finish(report: RunReport, settings: CheckSettings, root: Path | None) -> RunReport:
    """Add batch findings, then apply rule selection, severities and suppressions."""
    selection = Selection(settings, root)
    files = _with_batch_findings(report.files)
    known = known_codes()
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
    missions = [p for _, _, p in placed]
    for batch in BATCH:
        for mission, item in batch.run_batch(missions):
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


def _anchored(unit: MissionReport, item: Finding) -> Finding:
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
        dataclasses.replace(unit, findings=in_line_order(items, kept_ids))
        for unit, items in zip(file.units, per_unit, strict=True)
    )
    own = [*file_level, *select(comments)]
    kept_ids |= {id(item) for item in own[len(file_level) :]}
    return dataclasses.replace(file, findings=in_line_order(own, kept_ids), units=units)


def in_line_order(items: Iterable[Finding], kept: set[int]) -> tuple[Finding, ...]:
    """The kept findings by line and column (batch findings came last, at the end)."""
    chosen = [item for item in items if id(item) in kept]
    return tuple(sorted(chosen, key=finding_place))
