"""What a rule is: a code, a name for the bad thing, a severity, documentation, a check."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from oppdrag.diagnostics import DataPath, Finding, Severity

if TYPE_CHECKING:
    from oppdrag.classify.scorer import Classification
    from oppdrag.model.proposal import MissionFields

FAMILIES = {
    "Y": "YAML and the file",
    "S": "the proposal format (schema)",
    "Q": "draft quality",
    "C": "classification consistency",
    "B": "across a batch of files",
    "O": "suppression comments",
    "X": "faults in oppdrag itself",
}


@dataclass(frozen=True, slots=True)
class MissionContext:
    """What a mission rule sees: the validated mission and where it is."""

    fields: MissionFields
    path: DataPath
    classification: Classification | None
    reference_year: int
    # The composed YAML nodes of the mission (for rules about how values are written).
    node: Any = None


MissionCheck = Callable[[MissionContext], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule. ``check`` is None for checks the reader and the schema make.

    The documentation fields follow ruff's template: what the rule checks, why it
    matters for a mission, and a failing and a passing example (YAML).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    fail: str
    ok: str
    check: MissionCheck | None = None
    tags: tuple[str, ...] = field(default=())

    @property
    def family(self) -> str:
        """The letter of the rule's family (Y, S, Q, C, B, O)."""
        return self.code[0]


def finding(
    rule: Rule,
    message_id: str,
    path: DataPath,
    *,
    at_key: bool = False,
    **args: Any,
) -> Finding:
    """A finding of ``rule`` with its default severity (settings may change it later)."""
    return Finding(rule.code, rule.severity, message_id, args, path, at_key=at_key)


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
