"""Run the rules on each validated mission of a file."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from oppdrag.classify.scorer import Classification
from oppdrag.diagnostics import Finding
from oppdrag.report import MissionReport
from oppdrag.rules.base import MissionContext
from oppdrag.rules.consistency import CONSISTENCY
from oppdrag.source.positions import NodePositions, node_at
from oppdrag.source.yaml import Document


def run_mission_rules(
    units: Sequence[MissionReport], documents: Sequence[Document], reference_year: int
) -> list[MissionReport]:
    """Every valid mission with the findings of the quality and hygiene rules added."""
    from oppdrag.rules.registry import MISSION_RULES  # noqa: PLC0415 -- check only

    roots = {doc.index: doc.node for doc in documents}
    result = []
    for unit in units:
        if unit.fields is None or unit.kind == "strategy":
            result.append(unit)
            continue
        context = MissionContext(
            fields=unit.fields,
            path=unit.path,
            classification=unit.classification,
            reference_year=reference_year,
            node=node_at(roots.get(unit.document), unit.path),
        )
        found = [item for rule in MISSION_RULES for item in rule.run(context)]
        result.append(dataclasses.replace(unit, findings=(*unit.findings, *found)))
    return result


def consistency_findings(
    unit: MissionReport,
    classification: Classification,
    positions: NodePositions,
    reference_year: int,
) -> tuple[Finding, ...]:
    """C001 and C002 for a classified mission: does the proposal agree with itself?"""
    if unit.fields is None:
        return ()
    context = MissionContext(
        fields=unit.fields,
        path=unit.path,
        classification=classification,
        reference_year=reference_year,
        positions=positions,
    )
    return tuple(item for rule in CONSISTENCY for item in rule.run(context))
