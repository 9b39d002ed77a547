"""Rules across a batch of files: duplicate ids and copied objectives."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Severity
from oppdrag.rules.base import Hit, Placed, Rule, batch_rule, hit

_ID: DataPath = ("id",)
_OBJECTIVE: DataPath = ("objective", "statement")


@batch_rule(
    codes.DUPLICATE_ID,
    Severity.ERROR,
    reports_at=_ID,
    summary="Two missions in the checked files have the same id.",
    why="Ids link proposals to decisions, budgets and reports; two missions with one "
    "id get mixed up.",
    fail="# a.yaml\nid: agder-batteri\n# b.yaml\nid: agder-batteri\n",
    ok="# a.yaml\nid: agder-batteri\n# b.yaml\nid: agder-batteri-kompetanse\n",
)
def duplicate_id(missions: Sequence[Placed]) -> Iterator[tuple[Placed, Hit]]:
    first: dict[str, Placed] = {}
    for mission in missions:
        earlier = first.setdefault(mission.fields.id, mission)
        if earlier is not mission:
            where = f"{earlier.file}:{earlier.line}"
            path = (*mission.path, *_ID)
            yield mission, hit(path, id=mission.fields.id, where=where)


@batch_rule(
    codes.COPIED_OBJECTIVE,
    Severity.WARNING,
    reports_at=_OBJECTIVE,
    summary="The same objective statement appears in missions in several files.",
    why="A copied objective usually means a template was not finished, or two "
    "counties propose the same mission and should work together.",
    fail="# a.yaml and b.yaml\nobjective:\n  statement: Halvere utslippene innen 2030.\n",
    ok="# each file states its own objective\n",
)
def copied_objective(missions: Sequence[Placed]) -> Iterator[tuple[Placed, Hit]]:
    first: dict[str, Placed] = {}
    for mission in missions:
        text = _normalised(mission.fields.objective.statement)
        earlier = first.setdefault(text, mission)
        if earlier is not mission and earlier.file != mission.file:
            where = f"{earlier.file}:{earlier.line}"
            yield mission, hit((*mission.path, *_OBJECTIVE), where=where)


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


BATCH: tuple[Rule, ...] = (duplicate_id, copied_objective)

# Where in a mission the batch rules report. The engine finds these places
# while each file is read, since batch rules run when the YAML is gone.
REPORTED_AT: tuple[DataPath, ...] = tuple(r.reports_at for r in BATCH)
