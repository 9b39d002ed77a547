"""Place each piece of classification evidence in the file: its line and column."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from oppdrag.classify.scorer import Classification, Evidence
from oppdrag.diagnostics import DataPath, Position
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
