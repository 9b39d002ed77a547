"""Rules across a batch of files: duplicate ids and copied objectives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from oppdrag.diagnostics import DataPath, Finding, Severity
from oppdrag.model.proposal import MissionFields
from oppdrag.rules.base import Rule, finding

# Where in a mission each batch rule reports; the engine finds these places
# while each file is read, since batch rules run when the YAML is gone.
ID_PATH: DataPath = ("id",)
OBJECTIVE_PATH: DataPath = ("objective", "statement")
REPORTED_AT: tuple[DataPath, ...] = (ID_PATH, OBJECTIVE_PATH)


@dataclass(frozen=True, slots=True)
class Placed:
    """A mission with the file and line it comes from."""

    file: str
    line: int
    path: DataPath
    fields: MissionFields


def batch_findings(missions: Iterable[Placed]) -> Iterator[tuple[Placed, Finding]]:
    """Duplicate ids (B201) and the same objective text in several files (B202)."""
    first_id: dict[str, Placed] = {}
    first_objective: dict[str, Placed] = {}
    for mission in missions:
        fields = mission.fields
        earlier = first_id.setdefault(fields.id, mission)
        if earlier is not mission:
            yield (
                mission,
                finding(
                    DUPLICATE_ID,
                    "rule.B201",
                    (*mission.path, *ID_PATH),
                    id=fields.id,
                    where=f"{earlier.file}:{earlier.line}",
                ),
            )
        text = _normalised(fields.objective.statement)
        earlier = first_objective.setdefault(text, mission)
        if earlier is not mission and earlier.file != mission.file:
            yield (
                mission,
                finding(
                    COPIED_OBJECTIVE,
                    "rule.B202",
                    (*mission.path, *OBJECTIVE_PATH),
                    where=f"{earlier.file}:{earlier.line}",
                ),
            )


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


DUPLICATE_ID = Rule(
    "B201",
    "duplicate-id",
    Severity.ERROR,
    "Two missions in the checked files have the same id.",
    "Ids link proposals to decisions, budgets and reports; two missions with one id "
    "get mixed up.",
    "# a.yaml\nid: agder-batteri\n# b.yaml\nid: agder-batteri\n",
    "# a.yaml\nid: agder-batteri\n# b.yaml\nid: agder-batteri-kompetanse\n",
)
COPIED_OBJECTIVE = Rule(
    "B202",
    "copied-objective",
    Severity.WARNING,
    "The same objective statement appears in missions in several files.",
    "A copied objective usually means a template was not finished, or two counties "
    "propose the same mission and should work together.",
    "# a.yaml and b.yaml\nobjective:\n  statement: Halvere utslippene innen 2030.\n",
    "# each file states its own objective\n",
)

BATCH: tuple[Rule, ...] = (DUPLICATE_ID, COPIED_OBJECTIVE)
