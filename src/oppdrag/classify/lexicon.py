"""Find the rulebook's concepts in a read text: forms, compounds, senses.

Every form of every concept is parsed once (``classify/patterns.py``); what a
distinct word can be is looked up once and cached, so a batch of proposals in
the same language costs little more than reading its words.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from oppdrag.classify.patterns import (
    GAP_WORDS,
    Slot,
    WordIndex,
    WordMatch,
    WordPattern,
    parse_form,
)
from oppdrag.classify.reading import ReadText
from oppdrag.classify.rulebook import Concept

# Articles skipped when looking at the word before a concept ('for DET grønne skiftet').
_ARTICLES = frozenset(
    {"det", "den", "de", "dei", "the", "a", "an", "et", "eit", "ei", "en", "ein"}
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A concept found in a text, from word ``first`` to word ``last``."""

    concept: Concept
    first: int
    last: int
    negated: bool
    listed: bool
    needed: bool


@dataclass(frozen=True, slots=True)
class _Form:
    concept: int
    slots: tuple[Slot, ...]
    # One word with nothing to check around it: a match is the form's match.
    bare: bool


class Lexicon:
    """The concepts of a rulebook, matched in one pass over a text's words."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        self.concepts = tuple(concepts)
        self._context = tuple(_Context.of(concept) for concept in self.concepts)
        self.forms = tuple(
            _Form(index, slots, len(slots) == 1 and self._context[index].empty)
            for index, concept in enumerate(self.concepts)
            for slots in (parse_form(text) for text in concept.forms.all())
        )
        context_slots = [
            slot for c in self._context for slots in c.not_before for slot in slots
        ]
        self.index = WordIndex(
            alternative
            for slot in [*(s for f in self.forms for s in f.slots), *context_slots]
            for alternative in slot.alternatives
        )
        self._starts: dict[WordPattern, list[_Form]] = {}
        for form in self.forms:
            for alternative in form.slots[0].alternatives:
                self._starts.setdefault(alternative, []).append(form)

    def find(self, text: ReadText) -> Iterator[Hit]:
        """Every concept in ``text``; a concept found twice at one word counts once.

        A form counts only when none of its words is part of a name.
        """
        matches = self.index.matches_of(text.words)
        for index, word_matches in enumerate(matches):
            if not word_matches:
                continue  # most words match no pattern
            found: set[int] = set()
            for match in word_matches:
                for form in self._starts.get(match.pattern, ()):
                    if form.concept in found:
                        continue
                    matched = (
                        [index]
                        if form.bare
                        else self._form_words(form, matches, text, index, match)
                    )
                    if matched is not None and not any(
                        text.marks(i).masked for i in matched
                    ):
                        found.add(form.concept)
                        yield self._hit(form.concept, text, matched)

    def _form_words(
        self,
        form: _Form,
        matches: Sequence[tuple[WordMatch, ...]],
        text: ReadText,
        first: int,
        first_match: WordMatch,
    ) -> list[int] | None:
        """The words a form matches from ``first`` (not the gaps), or None."""
        context = self._context[form.concept]
        if not context.fits_compound(first_match.modifier, text.words[first]):
            return None
        matched = [first]
        for slot in form.slots[1:]:
            position = _next_slot(slot, matches, text.sentence, matched[-1])
            if position is None:
                return None
            matched.append(position)
        if context.excluded_around(text, matches, first, matched[-1]):
            return None
        return matched

    def _hit(self, concept: int, text: ReadText, matched: list[int]) -> Hit:
        found = self.concepts[concept]
        own = [text.marks(i) for i in matched]
        span = [text.marks(i) for i in range(matched[0], matched[-1] + 1)]
        # A form that holds its own negation ('no single solution', 'alone is not
        # enough') means what it says; an outcome stays one ('no one alone').
        negated = (
            not found.negation_proof
            and not any(w.cue for w in own)
            and (own[0].negated or all(w.negated for w in own))
        )
        return Hit(
            found,
            matched[0],
            matched[-1],
            negated=negated,
            listed=any(w.listed for w in span),
            needed=any(w.needed for w in span),
        )


def _next_slot(
    slot: Slot,
    matches: Sequence[tuple[WordMatch, ...]],
    sentences: Sequence[int],
    position: int,
) -> int | None:
    """Where ``slot`` matches after ``position``: next word, or within a gap.

    ``sentences`` holds the sentence of each word: a form stays in one.
    """
    sentence = sentences[position]
    reach = GAP_WORDS + 1 if slot.gap_before else 1
    alternatives = slot.alternatives
    for candidate in range(position + 1, min(len(sentences), position + 1 + reach)):
        if sentences[candidate] != sentence:
            return None
        for match in matches[candidate]:
            if match.pattern in alternatives:
                return candidate
    return None


@dataclass(frozen=True, slots=True)
class _Context:
    """The senses a concept excludes: compound modifiers, words before and after."""

    not_with: tuple[str, ...]
    not_after: frozenset[str]
    not_before: tuple[tuple[Slot, ...], ...]

    @classmethod
    def of(cls, concept: Concept) -> _Context:
        return cls(
            tuple(m.lower() for m in concept.not_with),
            frozenset(w.lower() for w in concept.not_after),
            tuple(parse_form(form) for form in concept.not_before),
        )

    @property
    def empty(self) -> bool:
        """True when nothing around a word, nor a compound's first part, is checked."""
        return not (self.not_with or self.not_after or self.not_before)

    def fits_compound(self, modifier: str, word: str) -> bool:
        """False when the compound's first part gives the word another sense.

        The first part is read with one more letter, because Norwegian drops
        one of three equal letters at the joint (drivstoff + forbruk is written
        *drivstofforbruk*).
        """
        if not modifier:
            return True
        joint = word[: len(modifier) + 1]
        return not any(m in joint for m in self.not_with)

    def excluded_around(
        self,
        text: ReadText,
        matches: Sequence[tuple[WordMatch, ...]],
        first: int,
        last: int,
    ) -> bool:
        words, sentences = text.words, text.sentence
        before = first - 1
        while before >= 0 and words[before] in _ARTICLES:
            before -= 1
        if (
            before >= 0
            and sentences[before] == sentences[first]
            and words[before] in self.not_after
        ):
            return True
        return any(
            _follows(slots, sentences, matches, last) for slots in self.not_before
        )


def _follows(
    slots: tuple[Slot, ...],
    sentences: Sequence[int],
    matches: Sequence[tuple[WordMatch, ...]],
    last: int,
) -> bool:
    """True when the form ``slots`` starts right after word ``last``."""
    position = last
    for slot in slots:
        found = _next_slot(slot, matches, sentences, position)
        if found is None:
            return False
        position = found
    return True
