"""The rulebook's word patterns: how a form such as ``*omstilling+ .. alle`` matches.

A form is words separated by spaces; each word is alternatives separated by ``|``:

- ``vane+``: the word with an inflection ending (vane, vaner, vanene, vanar), not
  any word that starts so (``vanlig`` is another word);
- ``innovat*``: any word that starts so;
- ``teknologi``: exactly that word;
- a leading ``*`` lets the word be the last part of a compound
  (``*omstilling+`` matches *klimaomstillingen*), except after the modifiers a
  concept lists in ``not_with`` (*drivstofforbruk* is no consumer's consumption);
- ``..`` between words allows up to three other words in between.

The endings are a closed list of bokmål, nynorsk and English inflections. A
stemmer was measured as the alternative: Snowball's Norwegian stemmer gives
*vaner* and *vanlig* the same stem, and its English one *transition* and
*transit*, where these concepts need them apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# Inflection endings of nouns, adjectives and verbs in bokmål, nynorsk and English.
ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            "",
            "e",
            "en",
            "et",
            "er",
            "ene",
            "a",
            "ar",
            "ane",
            "ast",
            "s",
            "es",
            "d",
            "ed",
            "ing",
            "ings",
            "t",
            "te",
            "de",
            "ende",
            "ande",
            "est",
            "este",
            "ere",
            "ers",
            "ens",
            "ets",
            "r",
            "n",
            "ne",
            "al",
            "ally",
            "ly",
            "ies",
            "ied",
            "ist",
            "ists",
            "ism",
            "tt",
            "ete",
        },
        key=len,
        reverse=True,
    )
)
GAP = ".."
# '<num>' stands for any number: digits, or a number word ('ti', 'ten').
NUMBER = "<num>"
_NUMBER_WORDS = frozenset(
    {
        "tre",
        "fire",
        "fem",
        "seks",
        "sju",
        "syv",
        "åtte",
        "ni",
        "ti",
        "elleve",
        "tolv",
        "femten",
        "tjue",
        "tretti",
        "førti",
        "femti",
        "hundre",
        "tusen",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "fifty",
        "hundred",
        "thousand",
        "dozen",
        "million",
        "millioner",
        "millionar",
    }
)
GAP_WORDS = 3
# A compound needs a first part of three letters or more, and its last part five
# letters or more ('*omstilling+'): shorter parts turn up inside other words
# (*elevane* is not ele + vane), so short words list their compounds instead.
MODIFIER_MIN = 3
HEAD_MIN = 5
# Longer "words" are not Norwegian compounds but hostile or broken text; they are
# matched whole only, which keeps the work linear in their length.
LONGEST_COMPOUND = 48


@dataclass(frozen=True, slots=True, eq=False)
class WordPattern:
    """One alternative of one word of a form; each spelling is one object."""

    core: str
    kind: str  # "exact", "inflected" or "prefix"
    compound: bool


@dataclass(frozen=True, slots=True)
class Slot:
    """One word of a form: its alternatives, and whether a gap may come before it."""

    alternatives: frozenset[WordPattern]
    gap_before: bool


def parse_form(form: str) -> tuple[Slot, ...]:
    """The slots of a form; a form that has no word is an error.

    Raises:
        ValueError: the form is empty or starts or ends with a gap.
    """
    slots: list[Slot] = []
    gap = False
    for word in form.lower().split():
        if word == GAP:
            if not slots or gap:
                raise ValueError(f"a gap must stand between two words: {form!r}")
            gap = True
            continue
        alternatives = frozenset(_alternative(a) for a in word.split("|") if a)
        if not alternatives:
            raise ValueError(f"an empty word in {form!r}")
        slots.append(Slot(alternatives, gap))
        gap = False
    if not slots or gap:
        raise ValueError(f"a form needs words and may not end with a gap: {form!r}")
    return tuple(slots)


@cache
def _alternative(text: str) -> WordPattern:
    if text == NUMBER:
        return WordPattern(NUMBER, "number", compound=False)
    compound = text.startswith("*") and len(text) > 1
    core = text[1:] if compound else text
    if core.endswith("*"):
        return WordPattern(core[:-1], "prefix", compound)
    if core.endswith("+"):
        return WordPattern(core[:-1], "inflected", compound)
    return WordPattern(core, "exact", compound)


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A pattern that matched a word, and the compound modifier before it, if any."""

    pattern: WordPattern
    modifier: str


class WordIndex:
    """Every word pattern of a rulebook, indexed so a word takes a few lookups."""

    def __init__(self, patterns: Iterable[WordPattern]) -> None:
        self._exact: dict[str, list[WordPattern]] = {}
        self._inflected: dict[str, list[WordPattern]] = {}
        self._prefix: dict[str, list[WordPattern]] = {}
        for pattern in set(patterns):
            if pattern.kind == "number":
                continue  # matched by _whole without a table
            table = {
                "exact": self._exact,
                "inflected": self._inflected,
                "prefix": self._prefix,
            }[pattern.kind]
            table.setdefault(pattern.core, []).append(pattern)
        self._prefix_lengths = sorted({len(core) for core in self._prefix})
        self._has_compounds = any(
            p.compound
            for table in (self._exact, self._inflected, self._prefix)
            for patterns_ in table.values()
            for p in patterns_
        )
        self._cache: dict[str, tuple[WordMatch, ...]] = {}

    def matches(self, word: str) -> tuple[WordMatch, ...]:
        """The patterns ``word`` (lower case) matches, whole or as a compound's end."""
        found = self._cache.get(word)
        if found is None:
            found = tuple(self._find(word))
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def matches_of(self, words: list[str]) -> list[tuple[WordMatch, ...]]:
        """``matches`` for each of ``words``; words met before cost one lookup."""
        found: list[tuple[WordMatch, ...] | None] = list(map(self._cache.get, words))
        if None in found:
            return [
                m if m is not None else self.matches(w)
                for m, w in zip(found, words, strict=True)
            ]
        return found  # type: ignore[return-value]  # no None in it

    def _find(self, word: str) -> Iterable[WordMatch]:
        seen: set[WordPattern] = set()
        for pattern in self._whole(word):
            seen.add(pattern)
            yield WordMatch(pattern, "")
        if not self._has_compounds or len(word) > LONGEST_COMPOUND:
            return
        for start in range(MODIFIER_MIN, len(word) - 2):
            for pattern in self._whole(word[start:]):
                if (
                    pattern.compound
                    and pattern not in seen
                    and len(pattern.core) >= HEAD_MIN
                ):
                    seen.add(pattern)
                    yield WordMatch(pattern, word[:start].rstrip("-"))

    def _whole(self, word: str) -> Iterable[WordPattern]:
        if word.isdigit() or word in _NUMBER_WORDS:
            yield _ANY_NUMBER
        yield from self._exact.get(word, ())
        for ending in ENDINGS:
            if word.endswith(ending) and len(word) > len(ending):
                stem = word[: len(word) - len(ending)] if ending else word
                yield from self._inflected.get(stem, ())
        for length in self._prefix_lengths:
            if length > len(word):
                break
            yield from self._prefix.get(word[:length], ())


_ANY_NUMBER = _alternative(NUMBER)
