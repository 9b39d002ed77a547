"""Run the mission rules over validated missions, one file at a time."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from oppdrag.report import MissionReport
from oppdrag.rules.base import MissionContext
from oppdrag.rules.hygiene import HYGIENE
from oppdrag.rules.quality import QUALITY
from oppdrag.source.nodes import node_at
from oppdrag.source.yaml import Document

# One check may produce the findings of several rules (Q102–Q104 come from one).
CHECKS = tuple(rule.check for rule in (*HYGIENE, *QUALITY) if rule.check is not None)


def run_mission_rules(
    units: Sequence[MissionReport], documents: Sequence[Document], reference_year: int
) -> list[MissionReport]:
    """Every valid mission with the findings of the quality and hygiene rules added."""
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
        found = [item for check in CHECKS for item in check(context)]
        result.append(dataclasses.replace(unit, findings=(*unit.findings, *found)))
    return result
