"""The result of a run: the one value every reporter turns into output."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Finding, Position, Severity
from oppdrag.source.discover import PathProblem

if TYPE_CHECKING:
    from oppdrag.classify.scorer import Classification
    from oppdrag.model.proposal import MissionFields
    from oppdrag.rules.base import MissionFacts
    from oppdrag.rules.suppression import Suppression

UnitKind = Literal["proposal", "mission", "strategy"]


@dataclass(frozen=True, slots=True)
class MissionReport:
    """One mission, or a county strategy's own header, with its findings.

    ``kind`` says which; ``mission`` is the index in a strategy's ``missions``
    list, and ``path`` the data path of the mission inside its document (empty
    for a single proposal). ``facts`` is None when the mission is invalid;
    ``fields``, the full model, is also None once the run has no more use for it.
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
    # Whether validation accepted the mission (None: not known, see ``valid``).
    conforms: bool | None = None
    facts: MissionFacts | None = None

    @property
    def valid(self) -> bool:
        """True when the mission follows the proposal format.

        Validation decides it: quality findings, even errors, do not make a
        mission invalid, and a baseline or a waiver that hides a format error
        does not make it valid. A report built without validation is valid
        when it has no error.
        """
        if self.conforms is not None:
            return self.conforms
        return not any(f.severity is Severity.ERROR for f in self.findings)


@dataclass(frozen=True, slots=True)
class FileReport:
    """One input file: problems with the file itself, and its missions."""

    path: str
    findings: tuple[Finding, ...]
    units: tuple[MissionReport, ...]
    # Suppression comments in the file (oppdrag check applies them after the batch).
    suppressions: tuple[Suppression, ...] = ()
    # Whether the file could be read as YAML (None: judge by its own findings).
    readable: bool | None = None

    def all_findings(self) -> Iterator[tuple[MissionReport | None, Finding]]:
        """Every finding with its mission (None for the file), in line order.

        Findings without a place come last; findings at the same place keep
        their order (the file's own, then each unit's).
        """
        pairs: list[tuple[MissionReport | None, Finding]] = [
            (None, finding) for finding in self.findings
        ]
        pairs += [(unit, finding) for unit in self.units for finding in unit.findings]
        return iter(sorted(pairs, key=lambda pair: finding_place(pair[1])))

    @property
    def read(self) -> bool:
        """True when the file was read as YAML, whatever its missions say."""
        if self.readable is not None:
            return self.readable
        return not any(
            f.severity is Severity.ERROR and f.code[0] in "YX" for f in self.findings
        )

    @property
    def checked(self) -> bool:
        """False when oppdrag could not check the file at all (it is unreadable)."""
        return not any(f.code in NOT_CHECKED for f in self.findings)

    @property
    def valid(self) -> bool:
        """True when the file was read and every mission follows the format."""
        return self.read and all(unit.valid for unit in self.units)


def finding_place(finding: Finding) -> tuple[float, float]:
    """Where a finding sorts in its file: by line and column, unplaced last."""
    position = finding.position
    if position is None:
        return (math.inf, math.inf)
    return (position.line, position.column)


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
    # Files oppdrag could not check at all (unreadable, or a fault in oppdrag).
    unchecked: int = 0


# Exit codes: nothing at or above the failing severity, findings, or a run that
# could not check everything (an unreadable path or file, or a fault in oppdrag).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INCOMPLETE = 2

_SEVERITY_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def posix_path(path: str, sep: str = os.sep) -> str:
    r"""``path`` with forward slashes, for CI formats and URIs.

    Only the system's own separator is turned: on Linux and macOS a
    backslash is a character of a file's name ('proposals\good.yaml' is one
    file), and turning it would point at another file.
    """
    return path if sep == "/" else path.replace(sep, "/")


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
    # YAML files found in folders that are plainly not proposals, left out.
    skipped: tuple[str, ...] = ()
    # The project's top folder (absolute): CI formats and baselines give paths
    # from it, so they do not depend on where oppdrag was started. None: as typed.
    root: str | None = None
    # Linked folders that lead out of the repository, left out of the walk.
    not_followed: tuple[str, ...] = ()

    def from_root(self, path: str) -> str:
        """``path`` relative to the project's top folder, with forward slashes.

        A path outside the project is given in full; a name that is no path
        ('<stdin>') as it is.
        """
        if self.root is None or (path.startswith("<") and path.endswith(">")):
            return path
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.root)
        shown = absolute if relative.startswith("..") else relative
        return PurePath(shown).as_posix()

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
        """Count missions and findings; a strategy's own header is not a mission.

        A mission in a file that could not be read to the end is invalid: what
        was read may not be what was written. A file without missions counts
        as invalid when it was read and is wrong, and as unchecked when it
        could not be read at all.
        """
        missions = [(f, u) for f in self.files for u in f.units if u.kind != "strategy"]
        valid = sum(1 for f, u in missions if f.read and u.valid)
        invalid_files = sum(
            1 for f in self.files if not f.units and f.checked and not f.valid
        )
        severities = [f.severity for r in self.files for _, f in r.all_findings()]
        return Counts(
            files=len(self.files),
            units=len(missions),
            valid=valid,
            invalid=len(missions) - valid + invalid_files,
            errors=severities.count(Severity.ERROR),
            warnings=severities.count(Severity.WARNING),
            infos=severities.count(Severity.INFO),
            unchecked=sum(1 for f in self.files if not f.checked),
        )
