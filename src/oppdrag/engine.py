"""Run a check: find the files, read them, validate them, locate every finding."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from oppdrag import __version__
from oppdrag.diagnostics import Finding, Position
from oppdrag.report import FileReport, RunReport
from oppdrag.source.discover import STDIN, discover
from oppdrag.source.positions import PositionMap
from oppdrag.source.text import decode, excerpt, file_finding
from oppdrag.source.yaml import (
    LOAD_ERRORS,
    Document,
    Limits,
    load_fast,
    read_roundtrip,
)
from oppdrag.validate import Unit, validate_document


@dataclass(frozen=True, slots=True)
class Options:
    """What a run may do; the command line builds this from its flags."""

    limits: Limits = dataclasses.field(default_factory=Limits)
    stdin_name: str = "<stdin>"


def check_paths(
    paths: Sequence[str], options: Options, stdin: bytes | None = None
) -> RunReport:
    """Check every file under ``paths``; ``stdin`` holds the bytes for ``-``."""
    found = discover(paths)
    reports = []
    for name in found.files:
        if name == STDIN:
            reports.append(
                check_bytes(stdin or b"", options.stdin_name, options.limits)
            )
        else:
            reports.append(check_file(name, options.limits))
    return RunReport(tuple(reports), tuple(found.problems), __version__)


def check_file(path: str, limits: Limits) -> FileReport:
    """Read and check one file; a file that cannot be read is a finding, not a crash."""
    try:
        size = os.stat(path).st_size
        if size > limits.max_file_bytes:
            return _file_problem(
                path, "Y005", "file.too_large", size=size, limit=limits.max_file_bytes
            )
        with open(path, "rb") as handle:
            # Read one byte past the limit: pipes and special files report no size.
            raw = handle.read(limits.max_file_bytes + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return _file_problem(path, "Y010", "file.unreadable", reason=reason)
    if len(raw) > limits.max_file_bytes:
        return _file_problem(
            path, "Y005", "file.too_large", size=len(raw), limit=limits.max_file_bytes
        )
    return check_bytes(raw, path, limits)


def check_bytes(raw: bytes, name: str, limits: Limits) -> FileReport:
    """Check the bytes of one file (or of standard input) shown as ``name``."""
    decoded = decode(raw)
    if decoded.text is None:
        assert decoded.finding is not None  # decode returns one or the other
        return FileReport(name, (decoded.finding,), ())
    return check_text(decoded.text, name, limits)


def check_text(text: str, name: str, limits: Limits) -> FileReport:
    """Load every document of ``text``, validate it and locate the findings."""
    loaded = load_fast(text, limits)
    file_findings = (loaded.error,) if loaded.error else ()
    if not loaded.documents and not file_findings:
        return _file_problem(name, "Y008", "file.empty")
    units = [unit for doc in loaded.documents for unit in validate_document(doc)]
    if any(unit.findings for unit in units):
        units = _locate(text, loaded.documents, units, limits)
    return FileReport(name, file_findings, tuple(units))


def _file_problem(name: str, code: str, message_id: str, **args: object) -> FileReport:
    return FileReport(name, (file_finding(code, message_id, **args),), ())


def _locate(
    text: str, documents: Sequence[Document], units: Iterable[Unit], limits: Limits
) -> list[Unit]:
    """Give each finding a line, column and excerpt from a round-trip read."""
    lines = text.splitlines()
    maps = _position_maps(text, documents, limits)
    located = []
    for unit in units:
        position_map = maps.get(unit.document)
        fallback = Position(unit.line, 1)
        findings = sorted(
            (_placed(f, position_map, fallback, lines) for f in unit.findings),
            key=_finding_order,
        )
        located.append(dataclasses.replace(unit, findings=tuple(findings)))
    return located


def _position_maps(
    text: str, documents: Sequence[Document], limits: Limits
) -> dict[int, PositionMap]:
    maps: dict[int, PositionMap] = {}
    starts = {doc.index: Position(doc.line, 1) for doc in documents}
    try:
        for index, data in enumerate(read_roundtrip(text, limits)):
            maps[index] = PositionMap(data, starts.get(index, Position(1, 1)))
    except LOAD_ERRORS:
        pass  # the fast read already reported this; keep the documents read so far
    return maps


def _placed(
    finding: Finding,
    position_map: PositionMap | None,
    fallback: Position,
    lines: Sequence[str],
) -> Finding:
    position = finding.position or fallback
    if finding.position is None and position_map is not None and finding.path:
        position = position_map.locate(finding.path, key=finding.at_key)
    return dataclasses.replace(
        finding, position=position, excerpt=finding.excerpt or excerpt(lines, position)
    )


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    position = finding.position or Position(0, 0)
    return (position.line, position.column, finding.code)
