"""The rulebook as data: the shipped YAML file, its schema, and user overrides."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Pole = Literal["accelerating", "transforming"]
POLES: tuple[Pole, ...] = ("accelerating", "transforming")


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signals(_Data):
    """Signal words for each pole."""

    accelerating: tuple[str, ...] = ()
    transforming: tuple[str, ...] = ()

    def of(self, pole: Pole) -> tuple[str, ...]:
        """The signals of one pole."""
        return self.accelerating if pole == "accelerating" else self.transforming


class KindRule(_Data):
    """Which values of a list field (actor kinds, instruments) count for which pole."""

    transforming: tuple[str, ...] = ()
    accelerating: tuple[str, ...] = ()
    transforming_strength: float = 1.0
    accelerating_strength: float = 0.5


class CountRule(_Data):
    """Many distinct items point one way, few the other."""

    transforming_at_least: int | None = None
    accelerating_at_most: int | None = None
    strength: float = 1.0


class SectorWords(CountRule):
    """Distinct parts of society named in the text."""

    words: tuple[str, ...] = ()


class DeadlineRule(_Data):
    """A far deadline leans transforming, a near one accelerating (a weak signal)."""

    transforming_from: int
    accelerating_until: int
    strength: float = 1.0


class Structured(_Data):
    """Evidence from structured fields rather than words."""

    actor_kinds: KindRule | None = None
    breadth: CountRule | None = None
    instruments: KindRule | None = None
    scope_sectors: CountRule | None = None
    value_chains: CountRule | None = None
    sector_words: SectorWords | None = None
    deadline: DeadlineRule | None = None


class Criterion(_Data):
    """One dimension of the accelerating/transforming distinction."""

    id: str
    weight: float = Field(ge=0)
    fields: tuple[str, ...] | None = None
    signals: Signals = Signals()
    exclude: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    structured: Structured | None = None


class Negation(_Data):
    """Words that take a signal out of play, before it or in 'X is not' after it."""

    before: tuple[str, ...]
    verbs: tuple[str, ...]
    window: int = Field(default=4, ge=1, le=10)


class Rulebook(_Data):
    """Criteria, weights, thresholds and the bilingual signal lexicon."""

    rulebook_version: str
    threshold: float
    borderline_margin: float = Field(ge=0)
    smoothing: float = Field(gt=0)
    confidence_scale: float = Field(gt=0)
    field_weights: dict[str, float]
    negation: Negation
    criteria: tuple[Criterion, ...]

    @property
    def total_weight(self) -> float:
        """The sum of all criterion weights (the denominator of the total score)."""
        return sum(c.weight for c in self.criteria) or 1.0

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == criterion_id)


@cache
def default_rulebook() -> Rulebook:
    """The rulebook shipped with oppdrag."""
    from oppdrag.source.yaml import read_trusted  # noqa: PLC0415 -- classification only

    text = files(__package__).joinpath("rulebook.yaml").read_text("utf-8")
    return Rulebook.model_validate(read_trusted(text))


class Overrides(_Data):
    """What a user may change in ``[tool.oppdrag.classify]``."""

    threshold: float | None = None
    borderline_margin: float | None = Field(default=None, ge=0)
    weights: dict[str, float] = Field(default_factory=dict)
    signals: dict[str, Signals] = Field(default_factory=dict)


def apply_overrides(rulebook: Rulebook, overrides: Overrides) -> Rulebook:
    """A rulebook with a user's weights, thresholds and extra signal words applied.

    Raises:
        KeyError: a weight or signal names a criterion the rulebook does not have.
    """
    known = {c.id for c in rulebook.criteria}
    for name in [*overrides.weights, *overrides.signals]:
        if name not in known:
            raise KeyError(name)
    criteria = tuple(_override(c, overrides) for c in rulebook.criteria)
    update: dict[str, Any] = {"criteria": criteria}
    if overrides.threshold is not None:
        update["threshold"] = overrides.threshold
    if overrides.borderline_margin is not None:
        update["borderline_margin"] = overrides.borderline_margin
    return rulebook.model_copy(update=update)


def _override(criterion: Criterion, overrides: Overrides) -> Criterion:
    weight = overrides.weights.get(criterion.id, criterion.weight)
    extra = overrides.signals.get(criterion.id)
    signals = criterion.signals
    if extra is not None:
        signals = Signals(
            accelerating=signals.accelerating + extra.accelerating,
            transforming=signals.transforming + extra.transforming,
        )
    return criterion.model_copy(update={"weight": weight, "signals": signals})
