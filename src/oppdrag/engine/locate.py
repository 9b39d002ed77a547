"""Give every finding a line, a column and the source line it points at."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from oppdrag.diagnostics import DataPath, Finding, Position
from oppdrag.report import MissionReport
from oppdrag.source.findings import excerpt
from oppdrag.source.positions import NodePositions


def locate(
    units: Iterable[MissionReport],
    nodes: dict[int, NodePositions],
    lines: Sequence[str],
    *,
    anchors: bool,
) -> list[MissionReport]:
    """Place each finding; with ``anchors``, also where batch rules will point."""
    located = []
    for unit in units:
        positions = nodes.get(unit.document)
        fallback = Position(unit.line, 1)
        findings = sorted(
            (_placed(f, positions, fallback, lines) for f in unit.findings),
            key=_finding_order,
        )
        unit_anchors = _anchors(unit, positions, lines) if anchors and positions else ()
        located.append(
            dataclasses.replace(unit, findings=tuple(findings), anchors=unit_anchors)
        )
    return located


def _anchors(
    unit: MissionReport, positions: NodePositions, lines: Sequence[str]
) -> tuple[tuple[DataPath, Position, str | None], ...]:
    """The places the batch rules report at, found now while the file is at hand.

    Batch rules run after every file is read, when the YAML is gone; each rule
    declares the data path it reports at (``REPORTED_AT``).
    """
    from oppdrag.rules.batch import REPORTED_AT  # noqa: PLC0415 -- check only

    places = []
    for part in REPORTED_AT:
        path = (*unit.path, *part)
        position = positions.locate_finding(path)
        places.append((path, position, excerpt(lines, position)))
    return tuple(places)


def _placed(
    finding: Finding,
    positions: NodePositions | None,
    fallback: Position,
    lines: Sequence[str],
) -> Finding:
    position = finding.position or fallback
    if finding.position is None and positions is not None and finding.path:
        position = positions.locate_finding(finding.path, key=finding.at_key)
    return dataclasses.replace(
        finding, position=position, excerpt=finding.excerpt or excerpt(lines, position)
    )


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    position = finding.position or Position(0, 0)
    return (position.line, position.column, finding.code)
