"""Rules across a batch of files: duplicate ids and copied objectives."""

from __future__ import annotations

from collections.abc import Iterator

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Severity
from oppdrag.rules.base import BatchChecker, Hit, Placed, Rule, batch_rule, hit

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
def duplicate_id() -> BatchChecker:
    first: dict[str, Placed] = {}

    def check(mission: Placed) -> Iterator[Hit]:
        earlier = first.setdefault(mission.facts.id, mission)
        if earlier is not mission:
            where = f"{earlier.file}:{earlier.line_at(_ID)}"
            path = (*mission.path, *_ID)
            yield hit(path, id=mission.facts.id, where=where)

    return check


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
def copied_objective() -> BatchChecker:
    first: dict[bytes, Placed] = {}

    def check(mission: Placed) -> Iterator[Hit]:
        earlier = first.setdefault(mission.facts.objective_key, mission)
        if earlier is not mission and earlier.file != mission.file:
            where = f"{earlier.file}:{earlier.line_at(_OBJECTIVE)}"
            yield hit((*mission.path, *_OBJECTIVE), where=where)

    return check


BATCH: tuple[Rule, ...] = (duplicate_id, copied_objective)

# Where in a mission the batch rules report. The engine finds these places
# while each file is read, since batch rules run when the YAML is gone.
REPORTED_AT: tuple[DataPath, ...] = tuple(r.reports_at for r in BATCH)
