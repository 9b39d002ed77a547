"""The result of a run: the one value every reporter turns into output."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Finding, Position, Severity
from oppdrag.source.discover import PathProblem

if TYPE_CHECKING:
    from oppdrag.classify.scorer import Classification
    from oppdrag.model.proposal import MissionFields
    from oppdrag.rules.suppression import Suppression

UnitKind = Literal["proposal", "mission", "strategy"]


@dataclass(frozen=True, slots=True)
class MissionReport:
    """One mission, or a county strategy's own header, with its findings.

    ``kind`` says which; ``mission`` is the index in a strategy's ``missions``
    list, and ``path`` the data path of the mission inside its document (empty
    for a single proposal). ``fields`` is None when the mission is invalid.
    """

    kind: UnitKind
    document: int
    mission: int | None
    line: int
    path: DataPath
    id: str | None
    title: str | None
    fields: MissionFields | None
    findings: tuple[Finding, ...]
    classification: Classification | None = None
    # Places batch rules point at: (data path, position, source excerpt).
    anchors: tuple[tuple[DataPath, Position, str | None], ...] = ()

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)


@dataclass(frozen=True, slots=True)
class FileReport:
    """One input file: problems with the file itself, and its missions."""

    path: str
    findings: tuple[Finding, ...]
    units: tuple[MissionReport, ...]
    # Suppression comments in the file (oppdrag check applies them after the batch).
    suppressions: tuple[Suppression, ...] = ()

    def all_findings(self) -> Iterator[tuple[MissionReport | None, Finding]]:
        """File-level findings first, then each unit's, in file order."""
        for finding in self.findings:
            yield None, finding
        for unit in self.units:
            for finding in unit.findings:
                yield unit, finding

    @property
    def valid(self) -> bool:
        """True when neither the file nor any unit has an error."""
        errors = (f for _, f in self.all_findings() if f.severity is Severity.ERROR)
        return next(errors, None) is None


@dataclass(frozen=True, slots=True)
class Counts:
    """Totals for the summary line and the exit code."""

    files: int
    units: int
    valid: int
    invalid: int
    errors: int
    warnings: int
    infos: int


# Exit codes: nothing at or above the failing severity, findings, or a run that
# could not check everything (an unreadable path or file, or a fault in oppdrag).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INCOMPLETE = 2

_SEVERITY_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def fails(severity: Severity, fail_on: Severity) -> bool:
    """True when a finding of ``severity`` makes the run fail at level ``fail_on``."""
    return _SEVERITY_ORDER[severity] >= _SEVERITY_ORDER[fail_on]


# Findings that mean oppdrag could not do its job for a file (exit code 2): the
# file cannot be read, or checking it failed inside oppdrag.
NOT_CHECKED = frozenset({codes.UNREADABLE_FILE, codes.INTERNAL_ERROR})


@dataclass(frozen=True, slots=True)
class RunReport:
    """Everything one run found, in a stable order."""

    files: tuple[FileReport, ...]
    problems: tuple[PathProblem, ...]
    tool_version: str

    @property
    def incomplete(self) -> bool:
        """True when a path or a file could not be checked at all (exit code 2)."""
        return bool(self.problems) or any(
            f.code in NOT_CHECKED for file in self.files for f in file.findings
        )

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """2 when something went unchecked, 1 for a finding at ``fail_on`` or above."""
        if self.incomplete:
            return EXIT_INCOMPLETE
        failing = any(
            fails(f.severity, fail_on)
            for file in self.files
            for _, f in file.all_findings()
        )
        return EXIT_FINDINGS if failing else EXIT_OK

    def counts(self) -> Counts:
        """Count missions and findings; a strategy's own header is not a mission."""
        missions = [u for f in self.files for u in f.units if u.kind != "strategy"]
        severities = [f.severity for r in self.files for _, f in r.all_findings()]
        invalid_files = sum(1 for r in self.files if not r.units and not r.valid)
        invalid = sum(1 for u in missions if not u.valid) + invalid_files
        return Counts(
            files=len(self.files),
            units=len(missions),
            valid=sum(1 for u in missions if u.valid),
            invalid=invalid,
            errors=severities.count(Severity.ERROR),
            warnings=severities.count(Severity.WARNING),
            infos=severities.count(Severity.INFO),
        )
