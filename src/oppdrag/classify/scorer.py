"""Score a mission against the rulebook: its type, the strength of evidence, and why."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from oppdrag.classify.lexicon import Hit, Lexicon
from oppdrag.classify.reading import ReadText, names_by_first_word, read
from oppdrag.classify.rulebook import (
    POLES,
    CountRule,
    Criterion,
    KindRule,
    Pole,
    Rulebook,
    SectorWords,
    Structured,
)
from oppdrag.diagnostics import DataPath, Position
from oppdrag.model.proposal import MissionFields

_SIGN: dict[Pole, int] = {Pole.ACCELERATING: -1, Pole.TRANSFORMING: 1}


class Outcome(StrEnum):
    """What the rulebook concludes; 'undetermined' when the evidence is too thin."""

    ACCELERATING = "accelerating"
    TRANSFORMING = "transforming"
    UNDETERMINED = "undetermined"


@dataclass(frozen=True, slots=True)
class TextField:
    """One piece of prose from a mission, where it is, and how much it weighs."""

    path: DataPath
    text: str
    weight: float
    read: ReadText


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason: a concept or a structured fact, the pole it supports, and where.

    ``contribution`` is this item's signed share of the total score (positive
    towards transforming); the contributions of all items add up to the score.
    ``start``/``end`` are character offsets of the words in the field's text,
    and ``quote`` is the sentence they stand in.
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
    concept: str = ""
    quote: str = ""
    listed: bool = False
    needed: bool = False


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

    @property
    def strength(self) -> float:
        """How much this criterion found, whatever the direction (0 to 1)."""
        return max(self.transforming, self.accelerating)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Prose that claims broad change where the structured fields say it is bounded.

    ``claim`` is the first such piece of prose; ``facts`` are the structured
    fields that contradict it (rule C002).
    """

    claim: Evidence
    facts: tuple[DataPath, ...]


@dataclass(frozen=True, slots=True)
class Classification:
    """The type of a mission, how much evidence there is, and why.

    ``margin`` is the score's distance from the threshold (positive towards
    transforming); ``strength`` is how much of the criteria the evidence fills
    (0 to 1); ``coverage`` the share of the criteria's weight with any evidence.
    """

    type: Outcome
    score: float
    margin: float
    strength: float
    borderline: bool
    threshold: float
    coverage: float
    rulebook_version: str
    criteria: tuple[CriterionScore, ...]
    contradiction: Contradiction | None = None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every piece of evidence, strongest first."""
        items = [e for c in self.criteria for e in c.evidence]
        return tuple(sorted(items, key=_evidence_order))

    @property
    def decided(self) -> bool:
        """True unless the result is 'undetermined'."""
        return self.type is not Outcome.UNDETERMINED

    def without_evidence(self) -> Classification:
        """The same result with the scores only: what tables and CSV show."""
        criteria = tuple(replace(c, evidence=()) for c in self.criteria)
        return replace(self, criteria=criteria)

    def top_criteria(self, count: int = 3) -> tuple[CriterionScore, ...]:
        """The criteria that pushed hardest towards the result (by the score's sign)."""
        sign = 1 if self.margin > 0 else -1
        leaning = [c for c in self.criteria if c.contribution * sign > 0]
        return tuple(sorted(leaning, key=lambda c: -abs(c.contribution))[:count])

    def strongest_against(self, count: int = 3) -> tuple[Evidence, ...]:
        """The strongest counted evidence for the other type."""
        sign = 1 if self.margin > 0 else -1
        against = [e for e in self.evidence if e.contribution * sign < 0]
        return tuple(against[:count])


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """The fewest pieces of evidence without which the result would be another."""

    removed: tuple[Evidence, ...]
    result: Classification


# 'explain' looks this many pieces of evidence deep for what would change the result.
MAX_REMOVED = 6


def verdict_change(result: Classification, scorer: Scorer) -> VerdictChange | None:
    """Drop the strongest evidence for the result, one piece at a time, till it changes.

    None when the result is undetermined, or when no few pieces decide it.
    """
    if not result.decided:
        return None
    sign = 1 if result.type is Outcome.TRANSFORMING else -1
    items = [e for c in result.criteria for e in c.evidence]
    order = sorted(
        (e for e in items if e.contribution * sign > 0),
        key=lambda e: -abs(e.contribution),
    )
    removed: list[Evidence] = []
    for item in order[:MAX_REMOVED]:
        removed.append(item)
        remaining = [e for e in items if not any(e is r for r in removed)]
        # Only the outcome is needed to know whether it changed; the full
        # result, with every contribution, only once it has.
        if scorer.outcome(remaining) is not result.type:
            changed = scorer.decide(remaining, result.contradiction)
            return VerdictChange(tuple(removed), changed)
    return None


def _evidence_order(item: Evidence) -> tuple[float, str, DataPath, int]:
    return (-abs(item.contribution), item.criterion, item.path, item.start or 0)


# Distinct words remembered per sector rule; a batch's vocabulary stays below.
_CACHED_WORDS = 200_000


def _sector_stem(word: str, rule: SectorWords) -> str | None:
    """The part of society a word names (its sector's id), if any."""
    return next(
        (
            sector
            for sector, stems in rule.sectors.items()
            for stem in stems
            if word.startswith(stem)
        ),
        None,
    )


def saturated(evidence: float, scale: float) -> float:
    """One pole's evidence as a share from 0 to 1, with diminishing returns."""
    return 1.0 - math.exp(-evidence / scale) if evidence > 0 else 0.0


class Scorer:
    """Classifies missions with one rulebook; reuse it in a batch (it caches words)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.lexicon = Lexicon(rulebook.concepts)
        # Summed once: every criterion of every mission divides by it.
        self.total_weight = rulebook.total_weight
        self.names = tuple(tuple(name.lower().split()) for name in rulebook.names)
        # Per sector rule (by id), the sector of each word met so far.
        self._sector_cache: dict[int, dict[str, str | None]] = {}
        self._reads_cache: dict[tuple[str, DataPath], bool] = {}

    def classify(
        self, mission: MissionFields, *, evidence: bool = True
    ) -> Classification:
        """The classification of one validated mission.

        Without ``evidence`` the result holds the scores but no evidence per
        criterion (only a contradiction's claim): all that a run which shows no
        evidence needs, for less work.
        """
        texts = self.texts(mission)
        items = list(self._text_evidence(texts))
        for criterion in self.rulebook.criteria:
            if criterion.structured is not None:
                items.extend(self._structured(criterion, mission, texts))
        contradiction = _contradiction(items, mission)
        if contradiction is not None:
            items = self._discount_claims(items, contradiction)
        return self.decide(items, contradiction, evidence=evidence)

    def texts(self, mission: MissionFields) -> list[TextField]:
        """The mission's prose, each field read once (names of its actors masked)."""
        actors = tuple(
            tuple(w.lower() for w in actor.name.replace(",", " ").split())
            for actor in mission.actors
        )
        names = names_by_first_word(self.names + tuple(a for a in actors if a))
        english = mission.language == "en"
        return [
            TextField(
                path,
                text,
                _field_weight(path, self.rulebook.field_weights),
                read(
                    text,
                    self.rulebook.negation,
                    names,
                    title_case=english and path == ("title",),
                ),
            )
            for path, text in mission_texts(mission)
        ]

    def decide(
        self,
        items: Sequence[Evidence],
        contradiction: Contradiction | None = None,
        *,
        evidence: bool = True,
    ) -> Classification:
        """Weigh evidence into a classification (also used to ask 'what if')."""
        book = self.rulebook
        by_criterion: dict[str, list[Evidence]] = {c.id: [] for c in book.criteria}
        for item in items:
            by_criterion[item.criterion].append(item)
        scores = tuple(
            self._weigh(c, by_criterion[c.id], evidence=evidence) for c in book.criteria
        )
        total = sum(c.contribution for c in scores)
        strength = sum(c.weight * c.strength for c in scores) / self.total_weight
        covered = sum(c.weight for c in scores if c.strength > 0)
        margin = total - book.threshold
        if strength < book.min_strength:
            outcome = Outcome.UNDETERMINED
        elif margin > 0:
            outcome = Outcome.TRANSFORMING
        else:
            outcome = Outcome.ACCELERATING
        return Classification(
            type=outcome,
            score=round(total, 4),
            margin=round(margin, 4),
            strength=round(strength, 3),
            borderline=outcome is not Outcome.UNDETERMINED
            and abs(margin) < book.borderline_margin,
            threshold=book.threshold,
            coverage=round(covered / self.total_weight, 3),
            rulebook_version=book.rulebook_version,
            criteria=scores,
            contradiction=contradiction,
        )

    def outcome(self, items: Sequence[Evidence]) -> Outcome:
        """The type ``decide`` would give, without weighing each piece of evidence.

        The same arithmetic as ``decide`` and ``_weigh`` (saturation, rounding
        of each pole's share), for asking 'what if' many times over.
        """
        book = self.rulebook
        totals: dict[str, dict[Pole, float]] = {
            c.id: dict.fromkeys(POLES, 0.0) for c in book.criteria
        }
        for item in items:
            if not item.negated:
                totals[item.criterion][item.pole] += item.strength
        total = strength = 0.0
        for criterion in book.criteria:
            shares = {
                pole: saturated(value, book.saturation)
                for pole, value in totals[criterion.id].items()
            }
            unit = criterion.weight / self.total_weight
            total += (shares[Pole.TRANSFORMING] - shares[Pole.ACCELERATING]) * unit
            rounded = max(round(share, 4) for share in shares.values())
            strength += criterion.weight * rounded
        if strength / self.total_weight < book.min_strength:
            return Outcome.UNDETERMINED
        if total - book.threshold > 0:
            return Outcome.TRANSFORMING
        return Outcome.ACCELERATING

    def _text_evidence(self, texts: Sequence[TextField]) -> Iterator[Evidence]:
        """Each concept once, at its strongest place; negated ones are kept to show."""
        best: dict[str, Evidence] = {}
        negated: dict[str, Evidence] = {}
        for text in texts:
            for hit in self.lexicon.find(text.read):
                if not self._reads(hit.concept.criterion, text.path):
                    continue
                item = self._evidence(hit, text)
                table = negated if item.negated else best
                current = table.get(hit.concept.id)
                if current is None or item.strength > current.strength:
                    table[hit.concept.id] = item
        yield from _within_list_budget(best.values(), self.rulebook.list_budget)
        yield from (item for key, item in negated.items() if key not in best)

    def _evidence(self, hit: Hit, text: TextField) -> Evidence:
        start, end = text.read.starts[hit.first], text.read.ends[hit.last]
        listed = hit.listed or text.path[0] == "tags"
        factor = self.rulebook.list_weight if listed else 1.0
        return Evidence(
            hit.concept.criterion,
            hit.concept.pole,
            text.path,
            text.text[start:end],
            round(text.weight * factor * hit.concept.weight, 4),
            negated=hit.negated,
            start=start,
            end=end,
            concept=hit.concept.id,
            quote=text.read.sentence_at(hit.first),
            listed=listed,
            needed=hit.needed,
        )

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

    def _structured(
        self, criterion: Criterion, mission: MissionFields, texts: Sequence[TextField]
    ) -> Iterator[Evidence]:
        rules = criterion.structured
        assert rules is not None  # checked by the caller
        yield from structured_evidence(criterion.id, rules, mission)
        for words in (rules.sector_words, rules.actor_words):
            if words is not None:
                yield from self._sector_evidence(criterion.id, words, texts)

    def _sector_evidence(
        self, criterion_id: str, rule: SectorWords, texts: Sequence[TextField]
    ) -> Iterator[Evidence]:
        """How many distinct parts of society (or kinds of actor) the text names."""
        stems = self._sector_cache.setdefault(id(rule), {})
        found: dict[str, TextField] = {}
        for text in texts:
            for index, word in enumerate(text.read.words):
                # Every word of every text is looked up: the cache saves a call.
                stem = stems.get(word)
                if stem is None and word not in stems:
                    stem = _sector_stem(word, rule)
                    if len(stems) < _CACHED_WORDS:
                        stems[word] = stem
                if stem is None or stem in found:
                    continue
                marks = text.read.marks(index)
                if not (marks.masked or marks.negated):
                    found[stem] = text
        if found:
            first = next(iter(found.values()))
            path = (first.path[0],)
            yield from _count_evidence(criterion_id, rule, path, sorted(found))

    def _discount_claims(
        self, items: Sequence[Evidence], contradiction: Contradiction
    ) -> list[Evidence]:
        """Prose claims the structured fields contradict weigh less (rule C002)."""
        factor = self.rulebook.contradicted_weight
        return [
            replace(item, strength=round(item.strength * factor, 4))
            if _is_claim(item)
            else item
            for item in items
        ]

    def _weigh(
        self, criterion: Criterion, items: Sequence[Evidence], *, evidence: bool
    ) -> CriterionScore:
        """Each pole's evidence saturates; the criterion scores their difference.

        Each item's contribution is its share of its pole's saturated total, so
        the contributions add up to the score exactly. Without ``evidence`` the
        items are weighed but not kept.
        """
        scale = self.rulebook.saturation
        counted = {
            pole: sum(e.strength for e in items if e.pole == pole and not e.negated)
            for pole in POLES
        }
        shares = {pole: saturated(total, scale) for pole, total in counted.items()}
        unit = criterion.weight / self.total_weight
        weighed = tuple(
            replace(item, contribution=round(_share(item, counted, shares) * unit, 5))
            for item in (items if evidence else ())
        )
        score = shares[Pole.TRANSFORMING] - shares[Pole.ACCELERATING]
        return CriterionScore(
            id=criterion.id,
            weight=criterion.weight,
            score=round(score, 4),
            contribution=score * unit,
            transforming=round(shares[Pole.TRANSFORMING], 4),
            accelerating=round(shares[Pole.ACCELERATING], 4),
            evidence=weighed,
        )


def _within_list_budget(items: Iterable[Evidence], budget: float) -> list[Evidence]:
    """Terms from bare lists, hashtags and tags, scaled to one small budget together.

    Stuffing a mission with keywords spreads them over many criteria; the budget
    bounds what they can add, however many there are.
    """
    found = list(items)
    listed = sum(e.strength for e in found if e.listed)
    if listed <= budget:
        return found
    scale = budget / listed
    return [
        replace(e, strength=round(e.strength * scale, 4)) if e.listed else e
        for e in found
    ]


def _share(
    item: Evidence, counted: dict[Pole, float], shares: dict[Pole, float]
) -> float:
    if item.negated or not counted[item.pole]:
        return 0.0
    return _SIGN[item.pole] * shares[item.pole] * item.strength / counted[item.pole]


# Criteria whose transforming prose the structured fields can contradict: claims
# of broad, systemic change and of changed behaviour.
_CLAIM_CRITERIA = frozenset({"scope", "lever", "change"})


def _is_claim(item: Evidence) -> bool:
    """Prose that claims broad change for the mission, not for the problem."""
    return (
        item.criterion in _CLAIM_CRITERIA
        and item.pole is Pole.TRANSFORMING
        and item.start is not None
        and not item.negated
        and item.path[0] != "challenge"
    )


def _contradiction(
    items: Sequence[Evidence], mission: MissionFields
) -> Contradiction | None:
    """Transforming prose against structured fields that all describe a bounded effort.

    The fields contradict the prose when at least two of these hold and none
    says otherwise: one sector in ``scope``; actors of at most two kinds, none of
    them citizens, civil society or municipalities; only research, innovation and
    infrastructure instruments.
    """
    claims = sorted((e for e in items if _is_claim(e)), key=lambda e: -e.strength)
    if not claims:
        return None
    facts = list(_bounded_facts(mission))
    if len(facts) < 2 or any(path is None for path in facts):
        return None
    return Contradiction(claims[0], tuple(p for p in facts if p is not None))


_BROAD_ACTORS = frozenset({"citizens", "civil_society", "municipality"})
_BROAD_INSTRUMENTS = frozenset(
    {
        "regulation",
        "taxation",
        "planning",
        "behaviour_change",
        "service_redesign",
        "phase_out",
        "information",
    }
)


def _bounded_facts(mission: MissionFields) -> Iterator[DataPath | None]:
    """Each structured field that describes a bounded effort (None: a broad one)."""
    if mission.scope is not None and mission.scope.sectors:
        yield ("scope", "sectors") if len(set(mission.scope.sectors)) <= 1 else None
    if mission.actors:
        kinds = {a.kind for a in mission.actors}
        bounded = len(kinds) <= 2 and not kinds & _BROAD_ACTORS
        yield ("actors",) if bounded else None
    if mission.instruments:
        broad = set(mission.instruments) & _BROAD_INSTRUMENTS
        yield None if broad else ("instruments",)


def mission_texts(mission: MissionFields) -> list[tuple[DataPath, str]]:
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
    return [(path, text) for path, text in raw if text]


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
    criterion_id: str, rule: KindRule, values: Iterable[tuple[DataPath, str]]
) -> Iterator[Evidence]:
    seen: set[str] = set()
    for path, value in values:
        if value in seen:
            continue
        seen.add(value)
        if value in rule.transforming:
            yield Evidence(
                criterion_id, Pole.TRANSFORMING, path, value, rule.transforming_strength
            )
        elif value in rule.accelerating:
            yield Evidence(
                criterion_id, Pole.ACCELERATING, path, value, rule.accelerating_strength
            )


def _count_evidence(
    criterion_id: str, rule: CountRule, path: DataPath, distinct: list[str]
) -> Iterator[Evidence]:
    words = ", ".join(distinct)
    if (
        rule.transforming_at_least is not None
        and len(distinct) >= rule.transforming_at_least
    ):
        yield Evidence(criterion_id, Pole.TRANSFORMING, path, words, rule.strength)
    elif (
        rule.accelerating_at_most is not None
        and 0 < len(distinct) <= rule.accelerating_at_most
    ):
        yield Evidence(criterion_id, Pole.ACCELERATING, path, words, rule.strength)


def _deadline_evidence(
    criterion_id: str, rules: Structured, deadline: int
) -> Iterator[Evidence]:
    rule = rules.deadline
    assert rule is not None  # checked by the caller
    path: DataPath = ("objective", "deadline")
    if deadline >= rule.transforming_from:
        yield Evidence(
            criterion_id, Pole.TRANSFORMING, path, str(deadline), rule.strength
        )
    elif deadline <= rule.accelerating_until:
        yield Evidence(
            criterion_id, Pole.ACCELERATING, path, str(deadline), rule.strength
        )
