"""What a rule is: a code, a name, a severity, its documentation, and one check."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from oppdrag.diagnostics import DataPath, Finding, Position, Severity

if TYPE_CHECKING:
    from oppdrag.classify.scorer import Classification
    from oppdrag.model.proposal import MissionFields
    from oppdrag.source.positions import NodePositions

FAMILIES = {
    "Y": "YAML and the file",
    "S": "the proposal format (schema)",
    "Q": "draft quality",
    "C": "classification consistency",
    "B": "across a batch of files",
    "O": "suppression comments",
    "X": "faults in oppdrag itself",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeContext:
    """What a rule about how values are written sees: the mission's YAML nodes.

    Such a rule needs no valid mission, so it also runs on a mission with
    schema errors: the writer sees every finding at once.
    """

    path: DataPath
    # The composed YAML nodes of the mission.
    node: Any = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MissionContext(NodeContext):
    """What a mission rule sees: the validated mission and where it is."""

    fields: MissionFields
    classification: Classification | None
    reference_year: int
    # Where values are in the file (for rules whose message names other lines).
    positions: NodePositions | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found: the data path it is about and its message's values."""

    path: DataPath
    args: dict[str, Any] = field(default_factory=dict)
    # The finding points at the key, not at the value (a value that is missing).
    at_key: bool = False
    # A place the check knows already (otherwise the path is looked up).
    position: Position | None = None


def hit(
    path: DataPath,
    *,
    at_key: bool = False,
    position: Position | None = None,
    **args: Any,
) -> Hit:
    """A hit at ``path`` with the values its message needs."""
    return Hit(path, args, at_key, position)


@dataclass(frozen=True, slots=True)
class MissionFacts:
    """The little a run keeps of a valid mission once its file is checked.

    Batch rules and tables read these; the full model is dropped after each
    file, so that a run over 100,000 files does not hold 100,000 models.
    """

    id: str
    county: str | tuple[str, ...] | None
    declared_type: str | None
    # The objective statement, normalised and hashed: two missions share an
    # objective when their keys are equal (B002).
    objective_key: bytes

    @classmethod
    def of(cls, fields: MissionFields) -> MissionFacts:
        """The facts of a validated mission."""
        county = fields.county
        return cls(
            id=fields.id,
            county=tuple(county) if isinstance(county, list) else county,
            declared_type=fields.declared_type,
            objective_key=objective_key(fields.objective.statement),
        )


def objective_key(statement: str) -> bytes:
    """The same key for statements that differ only in case, spaces and punctuation."""
    plain = re.sub(r"\W+", " ", statement).strip().casefold()
    return hashlib.blake2b(plain.encode("utf-8"), digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class Placed:
    """A valid mission of a batch with the file and line it comes from."""

    file: str
    line: int
    path: DataPath
    facts: MissionFacts
    # The lines of the values batch rules point at (the id, the objective).
    places: tuple[tuple[DataPath, int], ...] = ()

    def line_at(self, part: DataPath) -> int:
        """The line of the value at ``part`` of this mission, else the mission's."""
        whole = (*self.path, *part)
        return next((line for path, line in self.places if path == whole), self.line)


MissionCheck = Callable[[MissionContext], Iterator[Hit]]
NodeCheck = Callable[[NodeContext], Iterator[Hit]]
# A batch check is made fresh for each run; it is then shown the run's missions
# one at a time, in order, and remembers what it needs of the earlier ones.
# Its hits are about the mission it is shown, so each file can be finished
# (and written) as soon as it is checked.
BatchChecker = Callable[[Placed], Iterator[Hit]]
BatchCheck = Callable[[], BatchChecker]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its documentation and, for mission and batch rules, its one check.

    The documentation follows ruff's template: what the rule checks, why it
    matters for a mission, and a failing and a passing example (YAML). The
    reader, the schema and suppression comments report the rules without a
    check; their codes are documented here all the same.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    fail: str
    ok: str
    check: MissionCheck | None = None
    # A check that reads only the YAML nodes (runs on invalid missions too).
    node_check: NodeCheck | None = None
    batch: BatchCheck | None = None
    # The message of the rule's findings: 'rule.<code>' unless the rule says.
    message_id: str = ""
    # Batch rules: where in a mission their findings point.
    reports_at: DataPath = ()
    tags: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        """The letter of the rule's family (Y, S, Q, C, B, O, X)."""
        return self.code[0]

    @property
    def message(self) -> str:
        """The message id of the rule's findings."""
        return self.message_id or f"rule.{self.code}"

    def finding(self, found: Hit) -> Finding:
        """A finding of this rule with its default severity (settings may change it)."""
        return Finding(
            self.code,
            self.severity,
            self.message,
            found.args,
            found.path,
            found.position,
            at_key=found.at_key,
        )

    @property
    def checks_missions(self) -> bool:
        """True for a rule with a check that runs on each mission."""
        return self.check is not None or self.node_check is not None

    def run(self, context: MissionContext) -> Iterator[Finding]:
        """The findings of this rule's check on one valid mission."""
        check = self.check or self.node_check
        if check is not None:
            for found in check(context):
                yield self.finding(found)

    def run_on_nodes(self, context: NodeContext) -> Iterator[Finding]:
        """The findings of a check that reads only nodes, on any mission."""
        if self.node_check is not None:
            for found in self.node_check(context):
                yield self.finding(found)

    def run_batch(self, missions: Sequence[Placed]) -> Iterator[tuple[Placed, Finding]]:
        """The findings of this rule's batch check, each with its mission."""
        checker = self.batch_checker()
        for mission in missions:
            for found in checker(mission):
                yield mission, found

    def batch_checker(self) -> Callable[[Placed], Iterator[Finding]]:
        """A fresh batch check for one run: the findings on each mission shown."""
        if self.batch is None:
            return lambda _: iter(())
        check = self.batch()

        def findings(mission: Placed) -> Iterator[Finding]:
            for found in check(mission):
                yield self.finding(found)

        return findings


def rule(  # noqa: PLR0913 -- the documentation of a rule, each part named
    code: str,
    severity: Severity,
    *,
    summary: str,
    why: str,
    fail: str,
    ok: str,
    message_id: str = "",
    tags: tuple[str, ...] = (),
) -> Callable[[MissionCheck], Rule]:
    """Make a mission check into a rule; the check's name is the rule's name.

    ``objective_without_measurable_target`` becomes the rule
    ``objective-without-measurable-target``, whose code constant in
    ``oppdrag.codes`` has the same name in capitals.
    """

    def register(check: MissionCheck) -> Rule:
        return Rule(
            code=code,
            name=_rule_name(check),
            severity=severity,
            summary=summary,
            why=why,
            fail=fail,
            ok=ok,
            check=check,
            message_id=message_id,
            tags=tags,
        )

    return register


def node_rule(  # noqa: PLR0913 -- the documentation of a rule, each part named
    code: str,
    severity: Severity,
    *,
    summary: str,
    why: str,
    fail: str,
    ok: str,
) -> Callable[[NodeCheck], Rule]:
    """Make a check of how values are written into a rule, as ``rule`` does.

    Its check reads only the YAML nodes, so it runs on invalid missions too.
    """
    documented = rule(code, severity, summary=summary, why=why, fail=fail, ok=ok)

    def register(check: NodeCheck) -> Rule:
        return dataclasses.replace(documented(check), check=None, node_check=check)

    return register


def batch_rule(  # noqa: PLR0913 -- the documentation of a rule, each part named
    code: str,
    severity: Severity,
    *,
    reports_at: DataPath,
    summary: str,
    why: str,
    fail: str,
    ok: str,
) -> Callable[[BatchCheck], Rule]:
    """Make a check over a batch of missions into a rule, as ``rule`` does."""

    def register(check: BatchCheck) -> Rule:
        return Rule(
            code=code,
            name=_rule_name(check),
            severity=severity,
            summary=summary,
            why=why,
            fail=fail,
            ok=ok,
            batch=check,
            reports_at=reports_at,
        )

    return register


def _rule_name(check: Callable[..., Any]) -> str:
    return check.__name__.replace("_", "-")


def texts_of(fields: MissionFields) -> Sequence[tuple[DataPath, str]]:
    """Every free-text value of a mission with its data path."""
    items: list[tuple[DataPath, str | None]] = [
        (("title",), fields.title),
        (("challenge", "summary"), fields.challenge.summary),
        (("objective", "statement"), fields.objective.statement),
        (("approach",), fields.approach),
        (("owner",), fields.owner),
    ]
    items += [
        (("challenge", "problems", i), p)
        for i, p in enumerate(fields.challenge.problems)
    ]
    for i, target in enumerate(fields.objective.targets):
        items += [(("objective", "targets", i, "indicator"), target.indicator)]
        items += [(("objective", "targets", i, "unit"), target.unit)]
    items += [(("actors", i, "name"), a.name) for i, a in enumerate(fields.actors)]
    return [(path, text) for path, text in items if text]
