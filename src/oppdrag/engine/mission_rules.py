"""Run the rules on each validated mission of a file."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from oppdrag.classify.scorer import Classification
from oppdrag.diagnostics import Finding
from oppdrag.report import MissionReport
from oppdrag.rules.base import MissionContext, NodeContext
from oppdrag.rules.consistency import CONSISTENCY
from oppdrag.source.positions import NodePositions, node_at
from oppdrag.source.yaml import Document


def run_mission_rules(
    units: Sequence[MissionReport], documents: Sequence[Document], reference_year: int
) -> list[MissionReport]:
    """Every mission with the findings of the quality and hygiene rules added.

    A mission with schema errors gets the rules that read only how its values
    are written (Y101, Y102), so that every finding is shown at once.
    """
    from oppdrag.rules.registry import MISSION_RULES  # noqa: PLC0415 -- check only

    roots = {doc.index: doc.node for doc in documents}
    result = []
    for unit in units:
        if unit.kind == "strategy":
            result.append(unit)
            continue
        if unit.fields is None:
            node = node_at(roots.get(unit.document), unit.path)
            result.append(_with_node_findings(unit, node))
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


def _with_node_findings(unit: MissionReport, node: Any) -> MissionReport:
    """An invalid mission with the findings of the rules that read only nodes."""
    from oppdrag.rules.registry import NODE_RULES  # noqa: PLC0415 -- check only

    if node is None or not node.tag.endswith(":map"):
        return unit  # not a group of keys: the schema error says all there is
    context = NodeContext(path=unit.path, node=node)
    found = [item for rule in NODE_RULES for item in rule.run_on_nodes(context)]
    if not found:
        return unit
    return dataclasses.replace(unit, findings=(*unit.findings, *found))


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
