"""Place evidence in the file, and compare the classification with the declared type."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from oppdrag.classify.scorer import Classification, Evidence
from oppdrag.diagnostics import DataPath, Finding, Position, Severity
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
    return dataclasses.replace(classification, criteria=criteria)


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
    """C001 when the declared type disagrees with a clear (not borderline) result."""
    fields = unit.fields
    if fields is None or fields.declared_type is None or classification.borderline:
        return ()
    if fields.declared_type == classification.type.value:
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
            "confidence": f"{classification.confidence:.0%}",
            "criteria": reasons,
        },
        path=(*unit.path, "declared_type"),
    )
    return (finding,)
