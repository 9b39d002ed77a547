"""Find the rulebook's signal words in text: stems, compounds, phrases, negation.

One pass over the words of a text finds the signals of every criterion; what a
word matches is worked out once per distinct word and cached, so a batch of
proposals in the same language costs little more than reading its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from oppdrag.classify.rulebook import POLES, Criterion, Negation, Pole

_WORD = re.compile(r"\w+(?:[-'’&]\w+)*")
# A stem this long also matches inside a word (compounds, inflections).
COMPOUND_MIN = 5
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\n]|\s[–-]\s")
_CLAUSE_WORDS = frozenset(
    {"men", "but", "however", "derimot", "likevel", "while", "mens"}
)
_NOT_A_NEGATION = frozenset(
    {"bare", "berre", "kun", "only", "just", "merely", "minst", "least"}
)
_ARTICLES = frozenset(
    {"det", "den", "de", "dei", "the", "a", "an", "et", "ein", "eit", "ei", "en"}
)


@dataclass(frozen=True, slots=True)
class Token:
    """A lower-cased word and where it is in its text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A signal of one criterion found in a text."""

    criterion: str
    pole: Pole
    signal: str
    start: int
    end: int
    negated: bool


def tokenize(text: str) -> tuple[Token, ...]:
    """The words of a text, lower-cased, with their character offsets."""
    lowered = text.lower()
    return tuple(Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(lowered))


@dataclass(frozen=True, slots=True)
class _Signal:
    criterion: int
    pole: Pole
    text: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _WordEntry:
    """What one distinct word can be: single-word signals, and phrase beginnings."""

    words: tuple[_Signal, ...]
    phrases: tuple[_Signal, ...]


class Lexicon:
    """The signals of a set of criteria, matched in one pass over a text."""

    def __init__(self, criteria: Sequence[Criterion], negation: Negation) -> None:
        self.criteria = tuple(criteria)
        self.window = negation.window
        self.negators = frozenset(negation.before)
        self.verbs = frozenset(negation.verbs)
        self.exclude = tuple(tuple(w.lower() for w in c.exclude) for c in self.criteria)
        self.not_after = tuple(
            frozenset(w.lower() for w in c.not_after) for c in self.criteria
        )
        self.words: dict[str, list[_Signal]] = {}
        self.phrases: dict[str, list[_Signal]] = {}
        for index, criterion in enumerate(self.criteria):
            for pole in POLES:
                for text in criterion.signals.of(pole):
                    self._add(_Signal(index, pole, text, tuple(text.lower().split())))
        self.lengths = sorted({len(stem) for stem in self.words}, reverse=True)
        # Phrase words follow the rule for single words: short ones must match whole.
        self.phrase_lengths = sorted(
            {len(first) for first in self.phrases if len(first) >= COMPOUND_MIN}
        )
        self._cache: dict[str, _WordEntry] = {}

    def _add(self, signal: _Signal) -> None:
        if len(signal.parts) > 1:
            self.phrases.setdefault(signal.parts[0], []).append(signal)
        elif signal.parts:
            self.words.setdefault(signal.parts[0], []).append(signal)

    def find(self, text: str, tokens: Sequence[Token]) -> Iterator[Hit]:
        """Every signal in ``text``; a word in a matched phrase is not matched again."""
        used: dict[int, set[int]] = {}
        for index, token in enumerate(tokens):
            entry = self._entry(token.text)
            for signal in entry.phrases:
                last = index + len(signal.parts) - 1
                if self._phrase_at(tokens, index, signal.parts):
                    used.setdefault(signal.criterion, set()).update(
                        range(index, last + 1)
                    )
                    yield self._hit(text, tokens, index, last, signal)
            for signal in entry.words:
                if index not in used.get(signal.criterion, ()):
                    yield self._hit(text, tokens, index, index, signal)

    def _entry(self, word: str) -> _WordEntry:
        entry = self._cache.get(word)
        if entry is None:
            starts = [word] + [word[:n] for n in self.phrase_lengths if n < len(word)]
            phrases = tuple(
                signal
                for start in starts
                for signal in self.phrases.get(start, ())
                if not self._excluded(signal.criterion, word)
            )
            entry = _WordEntry(tuple(self._match_word(word)), phrases)
            self._cache[word] = entry
        return entry

    def _excluded(self, criterion: int, word: str) -> bool:
        return any(excluded in word for excluded in self.exclude[criterion])

    def _match_word(self, word: str) -> Iterator[_Signal]:
        """Per criterion and pole, the signal of the longest stem found in the word."""
        seen: set[tuple[int, Pole]] = set()
        for length in self.lengths:
            for stem in _stems_of_length(word, length):
                for signal in self.words.get(stem, ()):
                    key = (signal.criterion, signal.pole)
                    if key not in seen and not self._excluded(signal.criterion, word):
                        seen.add(key)
                        yield signal

    @staticmethod
    def _phrase_at(tokens: Sequence[Token], index: int, parts: tuple[str, ...]) -> bool:
        if index + len(parts) > len(tokens):
            return False
        # The first word was matched when the phrase was looked up.
        return all(
            _part_matches(tokens[index + offset].text, parts[offset])
            for offset in range(1, len(parts))
        )

    def _hit(
        self, text: str, tokens: Sequence[Token], first: int, last: int, signal: _Signal
    ) -> Hit:
        negated = self._negated(text, tokens, first, last) or self._after_excluded(
            tokens, first, signal.criterion
        )
        return Hit(
            self.criteria[signal.criterion].id,
            signal.pole,
            signal.text,
            tokens[first].start,
            tokens[last].end,
            negated,
        )

    def _after_excluded(
        self, tokens: Sequence[Token], first: int, criterion: int
    ) -> bool:
        """True after a word such as 'for' ('infrastruktur for det grønne skiftet')."""
        not_after = self.not_after[criterion]
        if not not_after:
            return False
        index = first - 1
        while index >= 0 and tokens[index].text in _ARTICLES:
            index -= 1
        return index >= 0 and tokens[index].text in not_after

    def _negated(
        self, text: str, tokens: Sequence[Token], first: int, last: int
    ) -> bool:
        for index in range(first - 1, max(-1, first - 1 - self.window), -1):
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


def _part_matches(word: str, part: str) -> bool:
    """A phrase word: a short one must be the whole word, a long one may start it."""
    return word == part or (len(part) >= COMPOUND_MIN and word.startswith(part))


def _stems_of_length(word: str, length: int) -> Iterator[str]:
    if length < COMPOUND_MIN:
        # A short stem ("fou", "gw") is the whole word, or its first part.
        first = word.split("-", 1)[0]
        if len(first) == length:
            yield first
        return
    for start in range(len(word) - length + 1):
        yield word[start : start + length]
