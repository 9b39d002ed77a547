"""Find a criterion's signal words in text: stems, compounds, phrases, negation."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from oppdrag.classify.rulebook import POLES, Criterion, Negation, Pole

_WORD = re.compile(r"\w+(?:[-'’&]\w+)*")
# A stem this long also matches inside a word (compounds, inflections).
COMPOUND_MIN = 5
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\n]|\s[–-]\s")
_CLAUSE_WORDS = {"men", "but", "however", "derimot", "likevel", "while", "mens"}
_NOT_A_NEGATION = {"bare", "berre", "kun", "only", "just", "merely", "minst", "least"}
_ARTICLES = {
    "det",
    "den",
    "de",
    "dei",
    "the",
    "a",
    "an",
    "et",
    "ein",
    "eit",
    "ei",
    "en",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A lower-cased word and where it is in its text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A signal found in a text."""

    pole: Pole
    signal: str
    start: int
    end: int
    negated: bool


def tokenize(text: str) -> list[Token]:
    """The words of a text, lower-cased, with their character offsets."""
    lowered = text.lower()
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(lowered)]


@dataclass(frozen=True, slots=True)
class _Signal:
    pole: Pole
    text: str
    parts: tuple[str, ...]


class CriterionMatcher:
    """Matches one criterion's signals; results per word are cached for a batch."""

    def __init__(self, criterion: Criterion, negation: Negation) -> None:
        self.negation = negation
        self.negators = frozenset(negation.before)
        self.verbs = frozenset(negation.verbs)
        self.exclude = tuple(word.lower() for word in criterion.exclude)
        self.not_after = frozenset(word.lower() for word in criterion.not_after)
        self.phrases: dict[str, list[_Signal]] = {}
        self.words: dict[str, list[_Signal]] = {}
        for pole in POLES:
            for text in criterion.signals.of(pole):
                self._add(_Signal(pole, text, tuple(text.lower().split())))
        self.lengths = sorted({len(stem) for stem in self.words})
        self.phrase_lengths = sorted({len(first) for first in self.phrases})
        self._cache: dict[str, tuple[_Signal, ...]] = {}
        self._phrase_cache: dict[str, tuple[_Signal, ...]] = {}

    def _add(self, signal: _Signal) -> None:
        if len(signal.parts) > 1:
            self.phrases.setdefault(signal.parts[0], []).append(signal)
        elif signal.parts:
            self.words.setdefault(signal.parts[0], []).append(signal)

    def find(self, text: str, tokens: Sequence[Token]) -> Iterator[Hit]:
        """Every signal in ``text``; words in a matched phrase are not matched again."""
        used: set[int] = set()
        for index, token in enumerate(tokens):
            for signal in self._phrases_from(token.text):
                if self._phrase_at(tokens, index, signal.parts):
                    last = index + len(signal.parts) - 1
                    used.update(range(index, last + 1))
                    yield self._hit(text, tokens, index, last, signal)
        for index, token in enumerate(tokens):
            if index in used:
                continue
            for signal in self._word_signals(token.text):
                yield self._hit(text, tokens, index, index, signal)

    def _phrase_at(
        self, tokens: Sequence[Token], index: int, parts: tuple[str, ...]
    ) -> bool:
        if index + len(parts) > len(tokens):
            return False
        return all(
            tokens[index + offset].text.startswith(part)
            for offset, part in enumerate(parts)
        )

    def _phrases_from(self, word: str) -> tuple[_Signal, ...]:
        """The phrases whose first word ``word`` could be."""
        cached = self._phrase_cache.get(word)
        if cached is None:
            cached = tuple(
                signal
                for length in self.phrase_lengths
                for signal in self.phrases.get(word[:length], ())
            )
            self._phrase_cache[word] = cached
        return cached

    def _word_signals(self, word: str) -> tuple[_Signal, ...]:
        cached = self._cache.get(word)
        if cached is None:
            cached = tuple(self._match_word(word))
            self._cache[word] = cached
        return cached

    def _match_word(self, word: str) -> Iterator[_Signal]:
        """At most one signal per pole: the longest stem found in the word."""
        if any(excluded in word for excluded in self.exclude):
            return
        poles: set[Pole] = set()
        for length in reversed(self.lengths):
            for stem in self._stems_of_length(word, length):
                for signal in self.words.get(stem, ()):
                    if signal.pole not in poles:
                        poles.add(signal.pole)
                        yield signal

    def _stems_of_length(self, word: str, length: int) -> Iterator[str]:
        if length < COMPOUND_MIN:
            # A short stem ("fou", "gw") is the whole word, or its first part.
            first = word.split("-", 1)[0]
            if len(first) == length:
                yield first
            return
        for start in range(len(word) - length + 1):
            yield word[start : start + length]

    def _hit(
        self, text: str, tokens: Sequence[Token], first: int, last: int, signal: _Signal
    ) -> Hit:
        negated = self._negated(text, tokens, first, last) or self._after_excluded(
            tokens, first
        )
        return Hit(
            signal.pole, signal.text, tokens[first].start, tokens[last].end, negated
        )

    def _after_excluded(self, tokens: Sequence[Token], first: int) -> bool:
        """True after a word such as 'for' ('infrastruktur for det grønne skiftet')."""
        index = first - 1
        while index >= 0 and tokens[index].text in _ARTICLES:
            index -= 1
        return index >= 0 and tokens[index].text in self.not_after

    def _negated(
        self, text: str, tokens: Sequence[Token], first: int, last: int
    ) -> bool:
        window = self.negation.window
        for index in range(first - 1, max(-1, first - 1 - window), -1):
            between = text[tokens[index].end : tokens[index + 1].start]
            if _CLAUSE_BREAK.search(between) or tokens[index].text in _CLAUSE_WORDS:
                break
            if self._is_negator(tokens, index):
                return True
        return self._negated_after(tokens, last)

    def _negated_after(self, tokens: Sequence[Token], last: int) -> bool:
        """'behavioural change is not needed': the signal, a verb, then a negation."""
        following = [t.text for t in tokens[last + 1 : last + 4]]
        for position in range(len(following) - 1):
            if (
                following[position] in self.verbs
                and following[position + 1] in self.negators
            ):
                return True
        return False

    def _is_negator(self, tokens: Sequence[Token], index: int) -> bool:
        word = tokens[index].text
        if not (word in self.negators or word.endswith(("n't", "n’t"))):
            return False
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        return following not in _NOT_A_NEGATION
