"""Place evidence in the file, and compare the classification with the declared type."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from oppdrag.classify.scorer import Classification, Evidence
from oppdrag.diagnostics import DataPath, Finding, Position, Severity, format_path
from oppdrag.model.proposal import MissionFields


class Positions(Protocol):
    """What evidence needs to know about where things are in a document."""

    def locate(self, path: DataPath) -> Position | None:
        """The start of the value at ``path``."""

    def locate_words(
        self, path: DataPath, value: str, start: int, words: str
    ) -> Position | None:
        """Where ``words``, at offset ``start`` of the value, are in the file."""


class _Unit(Protocol):
    @property
    def path(self) -> DataPath: ...

    @property
    def fields(self) -> MissionFields | None: ...


def locate_evidence(
    classification: Classification, positions: Positions, unit: _Unit
) -> Classification:
    """The classification with a line and column on every piece of evidence."""
    criteria = tuple(
        dataclasses.replace(
            criterion,
            evidence=tuple(_placed(e, positions, unit) for e in criterion.evidence),
        )
        for criterion in classification.criteria
    )
    contradiction = classification.contradiction
    if contradiction is not None:
        claim = _placed(contradiction.claim, positions, unit)
        contradiction = dataclasses.replace(contradiction, claim=claim)
    return dataclasses.replace(
        classification, criteria=criteria, contradiction=contradiction
    )


def _placed(item: Evidence, positions: Positions, unit: _Unit) -> Evidence:
    path = unit.path + item.path
    position: Position | None = None
    if item.start is not None and unit.fields is not None:
        value = _text_at(unit.fields, item.path)
        if value is not None:
            position = positions.locate_words(path, value, item.start, item.words)
    if position is None:
        position = positions.locate(path)
    return dataclasses.replace(item, position=position)


def _text_at(fields: MissionFields, path: DataPath) -> str | None:
    value: object = fields
    for part in path:
        if isinstance(part, int) and isinstance(value, list) and part < len(value):
            value = value[part]
        elif isinstance(part, str):
            value = getattr(value, part, None)
        else:
            return None
    return value if isinstance(value, str) else None


def declared_type_findings(
    unit: _Unit, classification: Classification
) -> tuple[Finding, ...]:
    """C001 when the declared type disagrees with a clear result.

    Not when the result is borderline or undetermined: then the evidence does
    not say the authors are wrong.
    """
    fields = unit.fields
    if fields is None or fields.declared_type is None or classification.borderline:
        return ()
    if not classification.decided or fields.declared_type == classification.type:
        return ()
    reasons = [c.id for c in classification.top_criteria(3)]
    finding = Finding(
        code="C001",
        severity=Severity.WARNING,
        message_id="classify.disagrees",
        args={
            "declared": fields.declared_type,
            "detected": classification.type.value,
            "score": f"{classification.score:+.2f}",
            "margin": f"{abs(classification.margin):.2f}",
            "strength": f"{classification.strength:.2f}",
            "criteria": reasons,
        },
        path=(*unit.path, "declared_type"),
    )
    return (finding,)


def contradiction_findings(
    unit: _Unit, classification: Classification, positions: Positions
) -> tuple[Finding, ...]:
    """C002 when prose claims broad change the structured fields contradict.

    The finding stands at the claim; the message names each structured field
    that says otherwise, with its line, so both places can be found.
    """
    contradiction = classification.contradiction
    if contradiction is None:
        return ()
    facts = []
    for fact in contradiction.facts:
        where = positions.locate((*unit.path, *fact))
        line = f" (line {where.line})" if where is not None else ""
        facts.append(f"{format_path(fact)}{line}")
    claim = contradiction.claim
    finding = Finding(
        code="C002",
        severity=Severity.WARNING,
        message_id="classify.contradiction",
        args={"words": claim.words, "facts": ", ".join(facts)},
        path=(*unit.path, *claim.path),
        position=claim.position,
    )
    return (finding,)
