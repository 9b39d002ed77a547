"""A run: find the files, read and validate each, classify and check as planned."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, overload

from oppdrag import __version__, codes
from oppdrag.engine.locate import locate
from oppdrag.engine.parallel import Progress, iter_in_order, worker_count
from oppdrag.report import FileReport, MissionReport, RunReport
from oppdrag.source.decode import decode
from oppdrag.source.discover import STDIN, discover
from oppdrag.source.findings import file_finding
from oppdrag.source.positions import NodePositions, value_spans
from oppdrag.source.shape import Limits
from oppdrag.source.yaml import LoadResult, load_fast
from oppdrag.validation.documents import validate_document
from oppdrag.validation.sniff import is_proposal_data, looks_like_proposal
from oppdrag.visible import visible

if TYPE_CHECKING:
    from oppdrag.check.finish import Finisher
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.classify.scorer import Scorer
    from oppdrag.config import CheckSettings
    from oppdrag.rules.suppression import Suppression
    from oppdrag.source.ignore import IgnoreRules


class Plan(StrEnum):
    """What a run does with each file, one plan per command.

    Every plan reads and validates. Missions with a ``declared_type`` are
    always classified, to check the declaration (C001, C002).
    """

    # oppdrag validate: the format only.
    VALIDATE = "validate"
    # oppdrag classify, explain, eval: classify every valid mission and find
    # the line of each piece of evidence.
    CLASSIFY = "classify"
    # oppdrag check: classify, run the mission and batch rules, then apply the
    # settings, suppression comments and .gitignore.
    CHECK = "check"
    # oppdrag report: everything check does, and the evidence's lines as classify.
    REPORT = "report"

    @property
    def classifies_all(self) -> bool:
        """True when every valid mission is classified, declared or not."""
        return self is not Plan.VALIDATE

    @property
    def locates_evidence(self) -> bool:
        """True when each piece of evidence gets its line (for people to check)."""
        return self in (Plan.CLASSIFY, Plan.REPORT)

    @property
    def runs_rules(self) -> bool:
        """True when the quality rules, batch rules and settings apply."""
        return self in (Plan.CHECK, Plan.REPORT)


class Keep(StrEnum):
    """What a run keeps of each file once the file is checked.

    A run over many files holds every file's report until its output is
    written; keeping only what that output shows keeps memory flat.
    """

    # The findings, ids and titles, and the facts batch rules read (validate
    # and check, but for JSON).
    FINDINGS = "findings"
    # And each classification's scores (the tables and CSV of classify).
    SUMMARY = "summary"
    # And every piece of evidence (the JSON formats show it).
    EVIDENCE = "evidence"
    # And each mission's full model (explain and eval read it; report makes its
    # values of it as each file comes, then keeps only the findings).
    EVERYTHING = "everything"

    @property
    def shows_evidence(self) -> bool:
        """True when the evidence is kept; otherwise it need not be gathered."""
        return self in (Keep.EVIDENCE, Keep.EVERYTHING)


@dataclass(frozen=True, slots=True)
class Options:
    """A run's plan and settings; each command builds one from its options."""

    plan: Plan = Plan.VALIDATE
    limits: Limits = dataclasses.field(default_factory=Limits)
    stdin_name: str = "<stdin>"
    # The settings: which files every plan leaves out (exclude, .gitignore),
    # and for Plan.CHECK which rules apply. None means the defaults.
    check: CheckSettings | None = None
    settings_root: Path | None = None
    # Leave out excluded files even when they are named (as pre-commit names them).
    force_exclude: bool = False
    # The project's top folder, for paths in CI formats and baselines (see RunReport).
    project_root: str | None = None
    reference_year: int = dataclasses.field(default_factory=lambda: date.today().year)
    rulebook: Rulebook | None = None
    # Processes for large batches; None chooses from the number of files and CPUs.
    jobs: int | None = None
    keep: Keep = Keep.EVERYTHING


class Session:
    """What one run shares across files: options and the scorer (built when needed)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._scorer: Scorer | None = None

    @property
    def scorer(self) -> Scorer:
        """The scorer for this run's rulebook."""
        if self._scorer is None:
            rulebook = self.options.rulebook
            if rulebook is None:
                self._scorer = _default_scorer()
            else:
                from oppdrag.classify.scorer import Scorer  # noqa: PLC0415 -- lazy

                self._scorer = Scorer(rulebook)
        return self._scorer


@cache
def _default_scorer() -> Scorer:
    # Built once per process: its word caches then serve every later run. The
    # classifier is imported only when a mission needs it, to keep start-up fast.
    from oppdrag.classify.rulebook import default_rulebook  # noqa: PLC0415
    from oppdrag.classify.scorer import Scorer  # noqa: PLC0415

    return Scorer(default_rulebook())


def check_paths(
    paths: Sequence[str],
    options: Options,
    stdin: bytes | None = None,
    progress: Progress | None = None,
    each: Callable[[FileReport], FileReport] | None = None,
) -> RunReport:
    """Check every file under ``paths``; ``stdin`` holds the bytes for ``-``.

    Files are checked, and for ``oppdrag check`` finished, one after another
    in the order they were found. ``each`` is given every file's report as
    soon as it is ready (to write it out), and returns what the run keeps of
    it. ``progress(done, total)`` is called as files are checked.
    """
    found = discover(paths, _ignore_rules(options), force_exclude=options.force_exclude)
    names = [name for name in found.files if name != STDIN]
    workers = worker_count(options.jobs, len(names))
    checker = _FileChecker(options, frozenset(found.walked), frozenset(found.outside))
    checked = iter_in_order(checker, names, workers, progress)
    finisher = _finisher(options)
    files: list[FileReport] = []
    skipped: list[str] = []
    for name in found.files:
        report: FileReport | None
        if name == STDIN:
            read = _check_stdin(stdin or b"", options.stdin_name, Session(options))
            report = compact(read, options.keep)
        else:
            report = next(checked)
            if report is None:
                skipped.append(visible(name))
                continue
        report = _shown_path(report)
        if finisher is not None:
            report = finisher.add(report)
        files.append(report if each is None else each(report))
    return RunReport(
        tuple(files),
        tuple(dataclasses.replace(p, path=visible(p.path)) for p in found.problems),
        __version__,
        skipped=tuple(skipped),
        root=options.project_root,
        not_followed=tuple(visible(name) for name in found.not_followed),
    )


def _finisher(options: Options) -> Finisher | None:
    """For oppdrag check: what adds batch findings and applies the settings."""
    if not options.plan.runs_rules:
        return None
    from oppdrag.check.finish import Finisher  # noqa: PLC0415 -- only check needs it

    return Finisher(_check_settings(options), options.settings_root)


def _check_settings(options: Options) -> CheckSettings:
    if options.check is not None:
        return options.check
    from oppdrag.config import CheckSettings  # noqa: PLC0415 -- only check needs it

    return CheckSettings()


def _shown_path(report: FileReport) -> FileReport:
    shown = visible(report.path)
    return report if shown == report.path else dataclasses.replace(report, path=shown)


def _ignore_rules(options: Options) -> IgnoreRules | None:
    """What folder walks skip, the same for every command: .gitignore, exclude globs."""
    from oppdrag.source.ignore import IgnoreRules  # noqa: PLC0415 -- walks only

    if options.check is None:  # no settings: the defaults, without building them
        return IgnoreRules(root=options.settings_root)
    return IgnoreRules(
        respect_gitignore=options.check.respect_gitignore,
        exclude=options.check.exclude,
        root=options.settings_root,
    )


class _FileChecker:
    """Checks a list of files in one process (each worker has its own, forked).

    A file found by walking a folder that is plainly not a proposal gives None;
    a link out of the repository (``outside``) is reported without being read.
    """

    def __init__(
        self,
        options: Options,
        walked: frozenset[str] = frozenset(),
        outside: frozenset[str] = frozenset(),
    ) -> None:
        self.options = options
        self.walked = walked
        self.outside = outside
        self._session: Session | None = None

    def __call__(self, names: Sequence[str]) -> list[FileReport | None]:
        # One session for every piece of work, so the classifier is built once.
        if self._session is None:
            self._session = Session(self.options)
        session = self._session
        keep = self.options.keep
        return [
            _link_outside(name)
            if name in self.outside
            else compact(check_file(name, session, name in self.walked), keep)
            for name in names
        ]


def _link_outside(name: str) -> FileReport:
    return _file_problem(name, codes.LINK_OUTSIDE_REPOSITORY, "file.link_outside")


@overload
def compact(report: FileReport, keep: Keep) -> FileReport: ...


@overload
def compact(report: FileReport | None, keep: Keep) -> FileReport | None: ...


def compact(report: FileReport | None, keep: Keep) -> FileReport | None:
    """``report`` with only what ``keep`` asks for (in a worker: less to send back)."""
    if report is None or keep is Keep.EVERYTHING or not report.units:
        return report
    return dataclasses.replace(
        report, units=tuple(_compact_unit(unit, keep) for unit in report.units)
    )


def _compact_unit(unit: MissionReport, keep: Keep) -> MissionReport:
    classification, title = unit.classification, unit.title
    if keep is Keep.FINDINGS:
        # The outputs that show findings only name a mission by its id.
        classification = title = None
    elif classification is not None and keep is Keep.SUMMARY:
        classification = classification.without_evidence()
    if (
        unit.fields is None
        and classification is unit.classification
        and title is unit.title
    ):
        return unit
    return dataclasses.replace(
        unit, fields=None, classification=classification, title=title
    )


def check_file(path: str, session: Session, sniff: bool = False) -> FileReport | None:
    """Read and check one file; a fault inside oppdrag is a finding about it (X001).

    One file that trips a bug must not cost the report on every other file.
    With ``sniff``, YAML that is plainly not a proposal gives None (skipped).
    """
    try:
        return _check_file(path, session, sniff)
    except Exception as error:  # a fault in oppdrag, not in the file
        return _file_problem(
            path, codes.INTERNAL_ERROR, "file.internal_error", error=_describe(error)
        )


def _describe(error: Exception) -> str:
    try:
        return f"{type(error).__name__}: {error}"[:300]
    except Exception:  # str() of the error itself failed
        return type(error).__name__


def _check_file(path: str, session: Session, sniff: bool) -> FileReport | None:
    """Read and check one file; a file that cannot be read is a finding, not a crash."""
    limit = session.options.limits.max_file_bytes
    try:
        # Opening a named pipe without a writer would wait for ever; without
        # blocking it opens at once and is refused below, as devices are.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return _file_problem(path, codes.UNREADABLE_FILE, "file.not_regular")
            if info.st_size > limit:
                return _too_large(path, info.st_size, limit)
            # One byte past the limit: a file may grow while it is read.
            raw = handle.read(limit + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return _file_problem(
            path, codes.UNREADABLE_FILE, "file.unreadable", reason=reason
        )
    if len(raw) > limit:
        return _too_large(path, len(raw), limit)
    return check_bytes(raw, path, session, sniff)


def _too_large(path: str, size: int, limit: int) -> FileReport:
    return _file_problem(
        path, codes.FILE_TOO_LARGE, "file.too_large", size=size, limit=limit
    )


def _check_stdin(raw: bytes, name: str, session: Session) -> FileReport:
    limit = session.options.limits.max_file_bytes
    if len(raw) > limit:  # read only up to one byte past the limit
        return _file_problem(
            name, codes.FILE_TOO_LARGE, "file.stdin_too_large", limit=limit
        )
    try:
        return check_bytes(raw, name, session)
    except Exception as error:  # as in check_file
        return _file_problem(
            name, codes.INTERNAL_ERROR, "file.internal_error", error=_describe(error)
        )


@overload
def check_bytes(raw: bytes, name: str, session: Session) -> FileReport: ...


@overload
def check_bytes(
    raw: bytes, name: str, session: Session, sniff: bool
) -> FileReport | None: ...


def check_bytes(
    raw: bytes, name: str, session: Session, sniff: bool = False
) -> FileReport | None:
    """Check the bytes of one file (or of standard input) shown as ``name``.

    With ``sniff``, text that is plainly not a proposal gives None.
    """
    decoded = decode(raw)
    if decoded.text is None:
        assert decoded.finding is not None  # decode returns one or the other
        return FileReport(name, (decoded.finding,), ())
    loaded = load_fast(decoded.text, session.options.limits)
    if sniff and not _is_proposal(loaded, decoded.text):
        return None
    return _check_loaded(decoded.text, loaded, name, session)


def _is_proposal(loaded: LoadResult, text: str) -> bool:
    """Whether a walked file may hold a proposal (see ``oppdrag.validation.sniff``).

    What the reader read decides; text it could not read all of is judged by
    its lines too.
    """
    if loaded.error is None:
        return is_proposal_data(doc.data for doc in loaded.documents)
    read = [doc.data for doc in loaded.documents if doc.data is not None]
    return looks_like_proposal(text) or (bool(read) and is_proposal_data(read))


def check_text(text: str, name: str, session: Session | None = None) -> FileReport:
    """Load every document of ``text``, validate, classify and locate the findings."""
    session = session or Session(Options())
    return _check_loaded(text, load_fast(text, session.options.limits), name, session)


def _check_loaded(
    text: str, loaded: LoadResult, name: str, session: Session
) -> FileReport:
    """Validate, classify and locate the findings of the documents of ``text``."""
    file_findings = (loaded.error,) if loaded.error else ()
    if not loaded.documents and not file_findings:
        return _file_problem(name, codes.EMPTY_DOCUMENT, "file.empty")
    units = [unit for doc in loaded.documents for unit in validate_document(doc)]
    # One split and one position map per document, shared by every step below.
    lines = text.splitlines()
    positions = {doc.index: NodePositions(doc.node, lines) for doc in loaded.documents}
    units = _classify(units, positions, session)
    suppressions: tuple[Suppression, ...] = ()
    runs_rules = session.options.plan.runs_rules
    if runs_rules:
        from oppdrag.engine.mission_rules import run_mission_rules  # noqa: PLC0415
        from oppdrag.rules.suppression import find_suppressions  # noqa: PLC0415

        units = run_mission_rules(
            units, loaded.documents, session.options.reference_year
        )
        in_value = value_spans(doc.node for doc in loaded.documents)
        suppressions = tuple(find_suppressions(lines, in_value))
    if any(unit.findings for unit in units) or runs_rules:
        units = locate(units, positions, lines, anchors=runs_rules)
    return FileReport(
        name, file_findings, tuple(units), suppressions, readable=loaded.error is None
    )


def _classify(
    units: list[MissionReport], positions: dict[int, NodePositions], session: Session
) -> list[MissionReport]:
    """Classify the valid missions that need it, and check declared types (C001)."""
    plan = session.options.plan
    result = []
    for unit in units:
        wanted = plan.classifies_all or (unit.fields and unit.fields.declared_type)
        if unit.fields is None or not wanted:
            result.append(unit)
            continue
        from oppdrag.classify.evidence import (  # noqa: PLC0415 -- lazy, see above
            locate_evidence,
        )
        from oppdrag.engine.mission_rules import (  # noqa: PLC0415
            consistency_findings,
        )

        classification = session.scorer.classify(
            unit.fields, evidence=session.options.keep.shows_evidence
        )
        where = positions[unit.document]
        if plan.locates_evidence or classification.contradiction is not None:
            classification = locate_evidence(classification, where, unit)
        year = session.options.reference_year
        findings = unit.findings + consistency_findings(
            unit, classification, where, year
        )
        result.append(
            dataclasses.replace(unit, classification=classification, findings=findings)
        )
    return result


def _file_problem(name: str, code: str, message_id: str, **args: object) -> FileReport:
    return FileReport(name, (file_finding(code, message_id, **args),), ())
