"""Score a mission against the rulebook: its type, a confidence and all the evidence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from oppdrag.classify.lexicon import Lexicon, Token, tokenize
from oppdrag.classify.rulebook import (
    CountRule,
    Criterion,
    KindRule,
    Pole,
    Rulebook,
    SectorWords,
    Structured,
)
from oppdrag.diagnostics import DataPath, Position
from oppdrag.model.proposal import MissionFields, MissionType

_SIGN: dict[Pole, int] = {"accelerating": -1, "transforming": 1}


@dataclass(frozen=True, slots=True)
class TextField:
    """One piece of prose from a mission, where it is, and how much it weighs."""

    path: DataPath
    text: str
    weight: float
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason: a criterion, the pole it supports, where it was found and its weight.

    ``contribution`` is this item's signed share of the total score (positive
    towards transforming); the contributions of all items add up to the score.
    ``start``/``end`` are character offsets of the words in the field's text.
    """

    criterion: str
    pole: Pole
    path: DataPath
    words: str
    strength: float
    contribution: float = 0.0
    negated: bool = False
    start: int | None = None
    end: int | None = None
    position: Position | None = None


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """A criterion's result: its evidence for each pole and its share of the total."""

    id: str
    weight: float
    score: float
    contribution: float
    transforming: float
    accelerating: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Classification:
    """The type of a mission, how sure the rulebook is, and why."""

    type: MissionType
    score: float
    confidence: float
    borderline: bool
    threshold: float
    coverage: float
    rulebook_version: str
    criteria: tuple[CriterionScore, ...]

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every piece of evidence, strongest first."""
        items = [e for c in self.criteria for e in c.evidence]
        return tuple(sorted(items, key=_evidence_order))

    def top_criteria(self, count: int = 3) -> tuple[CriterionScore, ...]:
        """The criteria that pushed hardest towards the detected type."""
        sign = 1 if self.type is MissionType.TRANSFORMING else -1
        leaning = [c for c in self.criteria if c.contribution * sign > 0]
        return tuple(sorted(leaning, key=lambda c: -abs(c.contribution))[:count])


def _evidence_order(item: Evidence) -> tuple[float, str, DataPath, int]:
    return (-abs(item.contribution), item.criterion, item.path, item.start or 0)


@dataclass(slots=True)
class _Tally:
    """Evidence gathered for one criterion, before it is weighed."""

    items: list[Evidence]

    def total(self, pole: Pole) -> float:
        return sum(e.strength for e in self.items if e.pole == pole and not e.negated)


class Scorer:
    """Classifies missions with one rulebook; reuse it in a batch (it caches words)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.lexicon = Lexicon(rulebook.criteria, rulebook.negation)
        self._sector_cache: dict[str, str | None] = {}
        self._reads_cache: dict[tuple[str, DataPath], bool] = {}

    def classify(self, mission: MissionFields) -> Classification:
        """The classification of one validated mission."""
        book = self.rulebook
        texts = mission_texts(mission, book.field_weights)
        found = self._text_evidence(texts)
        scores = tuple(
            self._criterion(c, mission, texts, found[c.id]) for c in book.criteria
        )
        total = sum(c.contribution for c in scores)
        covered = sum(c.weight for c in scores if c.transforming or c.accelerating)
        coverage = covered / book.total_weight
        distance = abs(total - book.threshold)
        confidence = min(1.0, distance / book.confidence_scale) * (0.4 + 0.6 * coverage)
        transforming = total > book.threshold
        return Classification(
            type=MissionType.TRANSFORMING if transforming else MissionType.ACCELERATING,
            score=round(total, 4),
            confidence=round(confidence, 3),
            borderline=distance < book.borderline_margin,
            threshold=book.threshold,
            coverage=round(coverage, 3),
            rulebook_version=book.rulebook_version,
            criteria=scores,
        )

    def _text_evidence(self, texts: list[TextField]) -> dict[str, list[Evidence]]:
        """Signal words per criterion; each signal counts once per field."""
        found: dict[str, list[Evidence]] = {c.id: [] for c in self.rulebook.criteria}
        for text in texts:
            counted: set[tuple[str, str, bool]] = set()
            for hit in self.lexicon.find(text.text, text.tokens):
                key = (hit.criterion, hit.signal, hit.negated)
                if key in counted or not self._reads(hit.criterion, text.path):
                    continue
                counted.add(key)
                found[hit.criterion].append(
                    Evidence(
                        hit.criterion,
                        hit.pole,
                        text.path,
                        text.text[hit.start : hit.end],
                        text.weight,
                        negated=hit.negated,
                        start=hit.start,
                        end=hit.end,
                    )
                )
        return found

    def _reads(self, criterion_id: str, path: DataPath) -> bool:
        """Whether a criterion looks at the field at ``path`` (its ``fields``)."""
        key = (criterion_id, path)
        answer = self._reads_cache.get(key)
        if answer is None:
            fields = self.rulebook.criterion(criterion_id).fields
            dotted = ".".join(p for p in path if isinstance(p, str))
            answer = fields is None or any(
                dotted == f or dotted.startswith(f + ".") for f in fields
            )
            self._reads_cache[key] = answer
        return answer

    def _criterion(
        self,
        criterion: Criterion,
        mission: MissionFields,
        texts: list[TextField],
        found: list[Evidence],
    ) -> CriterionScore:
        tally = _Tally(list(found))
        rules = criterion.structured
        if rules is not None:
            tally.items.extend(structured_evidence(criterion.id, rules, mission))
            if rules.sector_words is not None:
                sectors = self._sector_evidence(criterion.id, rules.sector_words, texts)
                tally.items.extend(sectors)
        return self._weigh(criterion, tally)

    def _sector_evidence(
        self, criterion_id: str, rule: SectorWords, texts: list[TextField]
    ) -> Iterator[Evidence]:
        """How many distinct parts of society the text names (health, transport …)."""
        found: dict[str, TextField] = {}
        for text in texts:
            for token in text.tokens:
                stem = self._sector_stem(token.text, rule)
                if stem is not None and stem not in found:
                    found[stem] = text
        if found:
            first = next(iter(found.values()))
            path = (first.path[0],)
            yield from _count_evidence(criterion_id, rule, path, sorted(found))

    def _sector_stem(self, word: str, rule: SectorWords) -> str | None:
        if word not in self._sector_cache:
            self._sector_cache[word] = next(
                (stem for stem in rule.words if word.startswith(stem)), None
            )
        return self._sector_cache[word]

    def _weigh(self, criterion: Criterion, tally: _Tally) -> CriterionScore:
        """Score = (T - A) / (T + A + smoothing); each item gets its exact share."""
        transforming = tally.total("transforming")
        accelerating = tally.total("accelerating")
        denominator = transforming + accelerating + self.rulebook.smoothing
        share = criterion.weight / self.rulebook.total_weight / denominator
        items = tuple(
            _with_contribution(
                e, 0.0 if e.negated else _SIGN[e.pole] * e.strength * share
            )
            for e in tally.items
        )
        score = (transforming - accelerating) / denominator
        return CriterionScore(
            id=criterion.id,
            weight=criterion.weight,
            score=round(score, 4),
            contribution=score * criterion.weight / self.rulebook.total_weight,
            transforming=round(transforming, 4),
            accelerating=round(accelerating, 4),
            evidence=items,
        )


def _with_contribution(item: Evidence, contribution: float) -> Evidence:
    return Evidence(
        item.criterion,
        item.pole,
        item.path,
        item.words,
        item.strength,
        round(contribution, 5),
        item.negated,
        item.start,
        item.end,
    )


def mission_texts(mission: MissionFields, weights: dict[str, float]) -> list[TextField]:
    """The prose of a mission in a fixed order (the order of keys does not matter)."""
    raw: list[tuple[DataPath, str | None]] = [
        (("title",), mission.title),
        (("challenge", "summary"), mission.challenge.summary),
        *(
            (("challenge", "problems", i), p)
            for i, p in enumerate(mission.challenge.problems)
        ),
        (("objective", "statement"), mission.objective.statement),
        *_target_texts(mission),
        (("approach",), mission.approach),
        *_list_texts(("smart_specialisation",), mission.smart_specialisation),
        *_list_texts(("tags",), mission.tags),
    ]
    if mission.scope is not None:
        raw += _list_texts(("scope", "sectors"), mission.scope.sectors)
        raw += _list_texts(("scope", "value_chains"), mission.scope.value_chains)
        raw += _list_texts(("scope", "technologies"), mission.scope.technologies)
    return [
        TextField(path, text, _field_weight(path, weights), tokenize(text))
        for path, text in raw
        if text
    ]


def _target_texts(mission: MissionFields) -> Iterator[tuple[DataPath, str | None]]:
    for index, target in enumerate(mission.objective.targets):
        yield ("objective", "targets", index, "indicator"), target.indicator
        yield ("objective", "targets", index, "unit"), target.unit


def _list_texts(path: DataPath, values: list[str]) -> list[tuple[DataPath, str | None]]:
    return [((*path, index), value) for index, value in enumerate(values)]


def _field_weight(path: DataPath, weights: dict[str, float]) -> float:
    parts = [p for p in path if isinstance(p, str)]
    while parts:
        weight = weights.get(".".join(parts))
        if weight is not None:
            return weight
        parts.pop()
    return 1.0


def structured_evidence(
    criterion_id: str, rules: Structured, mission: MissionFields
) -> Iterator[Evidence]:
    """Evidence from actors, instruments, sectors, value chains and the deadline."""
    if rules.actor_kinds is not None:
        kinds = [(("actors", i, "kind"), a.kind) for i, a in enumerate(mission.actors)]
        yield from _kind_evidence(criterion_id, rules.actor_kinds, kinds)
    if rules.breadth is not None:
        distinct: list[str] = sorted({a.kind for a in mission.actors})
        yield from _count_evidence(criterion_id, rules.breadth, ("actors",), distinct)
    if rules.instruments is not None:
        used = [
            (("instruments", i), name) for i, name in enumerate(mission.instruments)
        ]
        yield from _kind_evidence(criterion_id, rules.instruments, used)
    if rules.scope_sectors is not None and mission.scope is not None:
        sectors = list(dict.fromkeys(mission.scope.sectors))
        yield from _count_evidence(
            criterion_id, rules.scope_sectors, ("scope", "sectors"), sectors
        )
    if rules.value_chains is not None and mission.scope is not None:
        chains = list(dict.fromkeys(mission.scope.value_chains))
        if chains:
            path = ("scope", "value_chains")
            yield from _count_evidence(criterion_id, rules.value_chains, path, chains)
    if rules.deadline is not None:
        yield from _deadline_evidence(criterion_id, rules, mission.objective.deadline)


def _kind_evidence(
    criterion_id: str, rule: KindRule, values: Sequence[tuple[DataPath, str]]
) -> Iterator[Evidence]:
    seen: set[str] = set()
    for path, value in values:
        if value in seen:
            continue
        seen.add(value)
        if value in rule.transforming:
            yield Evidence(
                criterion_id, "transforming", path, value, rule.transforming_strength
            )
        elif value in rule.accelerating:
            yield Evidence(
                criterion_id, "accelerating", path, value, rule.accelerating_strength
            )


def _count_evidence(
    criterion_id: str, rule: CountRule, path: DataPath, distinct: list[str]
) -> Iterator[Evidence]:
    words = ", ".join(distinct)
    if (
        rule.transforming_at_least is not None
        and len(distinct) >= rule.transforming_at_least
    ):
        yield Evidence(criterion_id, "transforming", path, words, rule.strength)
    elif (
        rule.accelerating_at_most is not None
        and 0 < len(distinct) <= rule.accelerating_at_most
    ):
        yield Evidence(criterion_id, "accelerating", path, words, rule.strength)


def _deadline_evidence(
    criterion_id: str, rules: Structured, deadline: int
) -> Iterator[Evidence]:
    rule = rules.deadline
    assert rule is not None  # checked by the caller
    path: DataPath = ("objective", "deadline")
    if deadline >= rule.transforming_from:
        yield Evidence(criterion_id, "transforming", path, str(deadline), rule.strength)
    elif deadline <= rule.accelerating_until:
        yield Evidence(criterion_id, "accelerating", path, str(deadline), rule.strength)
