"""The rulebook as data: the shipped YAML file, its schema, and user overrides."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from oppdrag.model.proposal import MissionType

# The two ends of every criterion are the two kinds of mission.
Pole = MissionType
POLES: tuple[Pole, ...] = tuple(MissionType)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signals(_Data):
    """Signal words for each pole (a county's own additions, in any language)."""

    accelerating: tuple[str, ...] = ()
    transforming: tuple[str, ...] = ()

    def of(self, pole: Pole) -> tuple[str, ...]:
        """The signals of one pole."""
        return (
            self.accelerating if pole is MissionType.ACCELERATING else self.transforming
        )


class Forms(_Data):
    """How a concept is written in each language (see ``classify/patterns.py``)."""

    nb: tuple[str, ...]
    nn: tuple[str, ...]
    en: tuple[str, ...]

    def all(self) -> tuple[str, ...]:
        """Every form, whatever its language: a text may mix them."""
        return self.nb + self.nn + self.en


class Concept(_Data):
    """One idea that is evidence for one pole of one criterion, in three languages.

    ``sense`` says which meaning counts; ``not_with`` lists compound modifiers,
    and ``not_after``/``not_before`` the words right before or after, that give
    the words another meaning.
    """

    id: str
    criterion: str
    pole: Pole
    sense: str
    weight: float = Field(default=1.0, gt=0)
    forms: Forms
    # Outcomes keep their meaning under a negation: 'ingen skal være ensomme'.
    negation_proof: bool = False
    not_with: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


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
    """Distinct parts of society named in the text, each by the starts of its words."""

    sectors: dict[str, tuple[str, ...]] = Field(default_factory=dict)


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
    actor_words: SectorWords | None = None
    deadline: DeadlineRule | None = None


class Criterion(_Data):
    """One dimension of the accelerating/transforming distinction."""

    id: str
    weight: float = Field(ge=0)
    fields: tuple[str, ...] | None = None
    structured: Structured | None = None


class Negation(_Data):
    """How negation and contrast take words out of play (``classify/reading.py``)."""

    before: tuple[str, ...]
    # Right after a cue, these undo it: 'ikke bare', 'not only', litotes.
    not_after: tuple[str, ...]
    # 'not enough', 'ikke nok': the words before are not the whole answer.
    insufficient: tuple[str, ...]
    verbs: tuple[str, ...]
    # 'rather than', 'i stedet for': what follows is set aside.
    contrast: tuple[str, ...]
    # 'without X we cannot …': a second negation makes X a need.
    conditional: tuple[str, ...]
    # Words that end a negation's reach inside a sentence ('but', 'men').
    clause_words: tuple[str, ...]
    # 'if … would', 'dersom det skulle …': what might happen is no commitment.
    hypothetical: tuple[str, ...] = ()
    possibility: tuple[str, ...] = ()
    window: int = Field(default=6, ge=1, le=12)


class Rulebook(_Data):
    """Criteria, concepts in three languages, weights and the decision rule."""

    rulebook_version: str
    threshold: float
    borderline_margin: float = Field(ge=0)
    # Evidence for a pole saturates: 1 - exp(-evidence / saturation).
    saturation: float = Field(gt=0)
    # Below this strength of evidence the result is 'undetermined'.
    min_strength: float = Field(ge=0)
    # Bare lists of terms, hashtags and tags weigh this much of a sentence …
    list_weight: float = Field(ge=0, le=1)
    # … and all of them together at most this much evidence in a mission.
    list_budget: float = Field(ge=0)
    # Transforming claims in prose that the structured fields contradict (C002).
    contradicted_weight: float = Field(ge=0, le=1)
    field_weights: dict[str, float]
    negation: Negation
    names: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...]
    concepts: tuple[Concept, ...]

    @property
    def total_weight(self) -> float:
        """The sum of all criterion weights (the denominator of the total score)."""
        return sum(c.weight for c in self.criteria) or 1.0

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == criterion_id)


# The shipped rulebook is written and reviewed as rulebook.yaml, with its
# comments, and read from rulebook.json, a plain copy made by ``shipped_copy``:
# reading the YAML took a tenth of a one-file run's start-up, the JSON takes
# almost nothing. A test keeps the copy equal to the YAML (see docs/code.md).
SOURCE_NAME = "rulebook.yaml"
COPY_NAME = "rulebook.json"


@cache
def default_rulebook() -> Rulebook:
    """The rulebook shipped with oppdrag."""
    text = files(__package__).joinpath(COPY_NAME).read_text("utf-8")
    return Rulebook.model_validate_json(text)


def shipped_copy() -> str:
    """The text of rulebook.json: the data of rulebook.yaml, as JSON."""
    from oppdrag.source.yaml import read_trusted  # noqa: PLC0415 -- tests only

    data = read_trusted(files(__package__).joinpath(SOURCE_NAME).read_text("utf-8"))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


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
    concepts = rulebook.concepts + _own_concepts(overrides)
    update: dict[str, Any] = {"criteria": criteria, "concepts": concepts}
    if overrides.threshold is not None:
        update["threshold"] = overrides.threshold
    if overrides.borderline_margin is not None:
        update["borderline_margin"] = overrides.borderline_margin
    return rulebook.model_copy(update=update)


def _override(criterion: Criterion, overrides: Overrides) -> Criterion:
    weight = overrides.weights.get(criterion.id, criterion.weight)
    return criterion.model_copy(update={"weight": weight})


def _own_concepts(overrides: Overrides) -> tuple[Concept, ...]:
    """A county's extra signal words, each a concept in every language."""
    concepts = []
    for criterion, signals in sorted(overrides.signals.items()):
        for pole in POLES:
            for index, word in enumerate(signals.of(pole)):
                forms = Forms(nb=(word,), nn=(word,), en=(word,))
                concepts.append(
                    Concept(
                        id=f"config-{criterion}-{pole}-{index}",
                        criterion=criterion,
                        pole=pole,
                        sense=f"'{word}', from the settings",
                        forms=forms,
                    )
                )
    return tuple(concepts)
