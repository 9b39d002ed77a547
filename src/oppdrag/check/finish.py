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
    finisher = Finisher(settings, root)
    return dataclasses.replace(report, files=tuple(map(finisher.add, report.files)))


class Finisher:
    """Finishes the files of one run in order, each as soon as it is checked.

    Batch findings are about a later mission that repeats an earlier one, so a
    file's findings are complete once the files before it have been seen.
    """

    def __init__(self, settings: CheckSettings, root: Path | None) -> None:
        self._selection = Selection(settings, root)
        self._known = known_codes()
        self._batch = [rule.batch_checker() for rule in BATCH]

    def add(self, file: FileReport) -> FileReport:
        """``file`` with its batch findings, selected and suppressed as configured."""
        batched = self._with_batch_findings(file)
        return _finish_file(batched, self._selection, self._known)

    def _with_batch_findings(self, file: FileReport) -> FileReport:
        units = list(file.units)
        changed = False
        for index, unit in enumerate(units):
            if unit.facts is None or unit.kind == "strategy":
                continue
            places = tuple((path, where.line) for path, where, _ in unit.anchors)
            placed = Placed(file.path, unit.line, unit.path, unit.facts, places)
            items = [item for check in self._batch for item in check(placed)]
            if items:
                anchored = (_anchored(unit, item) for item in items)
                units[index] = dataclasses.replace(
                    unit, findings=(*unit.findings, *anchored)
                )
                changed = True
        return dataclasses.replace(file, units=tuple(units)) if changed else file


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
    # The anchors and suppression comments have served once the file is
    # finished; a long run does not keep them.
    units = tuple(
        dataclasses.replace(unit, findings=in_line_order(items, kept_ids), anchors=())
        for unit, items in zip(file.units, per_unit, strict=True)
    )
    own = [*file_level, *select(comments)]
    kept_ids |= {id(item) for item in own[len(file_level) :]}
    findings = in_line_order(own, kept_ids)
    return dataclasses.replace(file, findings=findings, units=units, suppressions=())


def in_line_order(items: Iterable[Finding], kept: set[int]) -> tuple[Finding, ...]:
    """The kept findings by line and column (batch findings came last, at the end)."""
    chosen = [item for item in items if id(item) in kept]
    return tuple(sorted(chosen, key=finding_place))
