"""Read a text as the classifier needs it: words, sentences, names, lists, negation.

Signals are looked for in words, but whether a word counts depends on where it
stands: inside the name of an organisation (*Innovasjon Norge*), in a bare list
of keywords or a hashtag, or under a negation or a contrast (*ikke … vaner eller
holdninger*, *rather than*, *i stedet for*). This module marks each word with
that once per text; the lexicon then only matches forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from oppdrag.classify.rulebook import Negation

# A word; in parentheses, so that splitting a text at words keeps them.
_WORD_SPLIT = re.compile(r"(#?\w+(?:[-'’&]\w+)*)")
# What ends a sentence between two words: a full stop, ! ? ; : before a space or
# the end, a blank line, or a line that starts a list item.
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)|\n\s*\n|\n\s*[-•*·]\s")
_CLAUSE_MARK = re.compile(r"[,()\[\]\"«»“”]|\s[–—-]\s")
_LIST_MARK = re.compile(r"[,/·•;]|\s[–—-]\s")
# Words a full stop follows without ending the sentence (f.eks., bl.a., e.g.).
_ABBREVIATIONS = frozenset(
    {
        "f",
        "eks",
        "bl",
        "a",
        "e",
        "g",
        "i",
        "osv",
        "mv",
        "dvs",
        "etc",
        "vs",
        "ca",
        "nr",
        "jf",
        "pkt",
        "kap",
        "st",
        "mr",
        "dr",
        "no",
        "fig",
    }
)
_COORDINATORS = frozenset({"og", "and", "eller", "or", "nor", "samt", "&"})
_LIST_ITEM_WORDS = 3
_LONG_SEGMENT = 4
# A list's last item ('…, endra haldningar eller mindre forbruk hos folk flest').
_LIST_SEGMENT = 8


@dataclass(frozen=True, slots=True)
class Marks:
    """How a word may count; worked out per sentence, only where a concept is found."""

    # Part of a name (an organisation, a programme, an actor): never a signal.
    masked: bool
    # Part of a bare list of terms or a hashtag: a claim without a statement.
    listed: bool
    # Under a negation or a contrast ('not', 'rather than'): counts for nothing.
    negated: bool
    # Named as needed by 'without X we cannot …': affirmed, not negated.
    needed: bool
    # A negation word itself ('ikke', 'not'): a form that holds it is not negated by it.
    cue: bool


@cache
def _marks(masked: bool, listed: bool, negated: bool, needed: bool, cue: bool) -> Marks:
    """One shared object per combination of marks."""
    return Marks(masked, listed, negated, needed, cue)


_PLAIN = _marks(False, False, False, False, False)


class ReadText:
    """A text's words and sentences; marks come per sentence, when asked for.

    A word is its index: the lists below hold, per word, what the classifier
    needs to know about it. A text has hundreds of words and a batch millions,
    so no object is made per word. Most sentences hold no concept at all, so
    names, lists and negation are worked out only for the sentences where the
    lexicon asks about a word.
    """

    def __init__(
        self,
        text: str,
        negation: Negation,
        names: Names,
        *,
        title_case: bool,
    ) -> None:
        self.text = text
        parts = _WORD_SPLIT.split(text)
        # parts: the text before the first word, the word, the text up to the
        # next word, the next word, …, the text after the last word.
        self.originals: list[str] = parts[1::2]
        # Each word in lower case: what patterns and cue lists are matched against.
        self.words: list[str] = [word.lower() for word in self.originals]
        offsets = list(accumulate(map(len, parts)))
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        count = len(self.originals)
        # A comma, a bracket or a dash stands between the word and the one before.
        self.after_mark = [False] * count
        # A comma, a slash, a bullet or a dash (what separates the items of a list).
        self.after_list_mark = [False] * count
        self.sentence_start = [False] * count
        # Per sentence, its character span and the index of its first word.
        self.sentences: list[tuple[int, int]] = []
        self._first: list[int] = [0]
        self._read_marks_between(parts[0:-1:2])
        # Per word, the index of its sentence.
        self.sentence: list[int] = _sentence_of_each_word(self._first, count)
        self._cues = _cues_of(negation)
        self._names = names
        self._title_case = title_case
        self._marks: list[Marks | None] = [None] * count

    def _read_marks_between(self, betweens: list[str]) -> None:
        """Sentence ends, clause marks and list marks in the text before each word."""
        sentence_start = 0
        words, ends = self.words, self.ends
        for index, between in enumerate(betweens):
            if between == " ":
                continue  # most words follow one space: no sentence end, no mark
            if index and _ends_sentence(between, words[index - 1]):
                self.sentences.append((sentence_start, ends[index - 1] + 1))
                sentence_start = self.starts[index]
                self._first.append(index)
                self.sentence_start[index] = True
            self.after_mark[index] = bool(_CLAUSE_MARK.search(between))
            self.after_list_mark[index] = bool(_LIST_MARK.search(between))
        if words:
            self.sentence_start[0] = True
        self.sentences.append((sentence_start, len(self.text)))

    def sentence_at(self, index: int) -> str:
        """The sentence the word at ``index`` stands in, as written."""
        start, end = self.sentences[self.sentence[index]]
        return self.text[start:end].strip()

    def marks(self, index: int) -> Marks:
        """How the word at ``index`` may count."""
        found = self._marks[index]
        if found is None:
            self._mark_sentence(self.sentence[index])
            found = self._marks[index]
            assert found is not None  # the sentence holds the word
        return found

    def _mark_sentence(self, sentence: int) -> None:
        first = self._first[sentence]
        after = sentence + 1
        end = self._first[after] if after < len(self._first) else len(self.words)
        part = _Sentence(
            self.words[first:end],
            self.originals[first:end],
            self.after_mark[first:end],
            self.after_list_mark[first:end],
            self.sentence_start[first:end],
        )
        masked = _masked(part, self._names, title_case=self._title_case)
        listed = _listed(part)
        negated, needed = _negation(part, self._cues)
        cues = self._cues.before
        cue_words = {i for i, word in enumerate(part.words) if _negates(word, cues)}
        marks = [_PLAIN] * (end - first)
        # Only the words with a mark need their own; the rest share the plain one.
        for offset in masked | listed | negated | needed | cue_words:
            marks[offset] = _marks(
                offset in masked,
                offset in listed,
                offset in negated and offset not in needed,
                offset in needed,
                offset in cue_words,
            )
        self._marks[first:end] = marks


class _Sentence(NamedTuple):
    """The words of one sentence, as the marking functions read them."""

    words: list[str]
    originals: list[str]
    after_mark: list[bool]
    after_list_mark: list[bool]
    sentence_start: list[bool]


def read(
    text: str,
    negation: Negation,
    names: Sequence[tuple[str, ...]] | Names = (),
    *,
    title_case: bool = False,
) -> ReadText:
    """The words of ``text``; ``names`` are lower-case word sequences to mask.

    ``title_case`` says the text may capitalise ordinary words (an English
    title), so capital letters are not taken as the sign of a name there.
    """
    index = names if isinstance(names, dict) else names_by_first_word(names)
    return ReadText(text, negation, index, title_case=title_case)


def _sentence_of_each_word(firsts: list[int], count: int) -> list[int]:
    sentence: list[int] = []
    bounds = [*firsts, count]
    for number in range(len(firsts)):
        sentence += [number] * (bounds[number + 1] - bounds[number])
    return sentence


def _ends_sentence(between: str, previous: str) -> bool:
    if not _SENTENCE_END.search(between):
        return False
    # 'f.eks. ' ends no sentence; a full stop after other words does.
    abbreviated = between.lstrip().startswith(".") and previous in _ABBREVIATIONS
    return not (abbreviated and "\n" not in between)


Names = dict[str, tuple[tuple[str, ...], ...]]


def names_by_first_word(names: Iterable[tuple[str, ...]]) -> Names:
    """Names (lower-case word sequences) indexed by their first word, made once."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        if name:
            index.setdefault(name[0], []).append(name)
    return {first: tuple(found) for first, found in index.items()}


def _masked(sentence: _Sentence, names: Names, *, title_case: bool) -> set[int]:
    """Words inside a known name, or (outside titles) a run of capitalised words."""
    masked: set[int] = set()
    texts = sentence.words
    for start, text in enumerate(texts):
        for name in names.get(text, ()):
            if tuple(texts[start : start + len(name)]) == name:
                masked.update(range(start, start + len(name)))
    if not title_case:
        masked.update(_capitalised_names(sentence))
    return masked


def _capitalised_names(sentence: _Sentence) -> Iterable[int]:
    """A capitalised word inside a sentence is a name; so is the word it continues.

    Norwegian writes ordinary words in lower case, and English prose does too
    outside titles; acronyms (FoU, CCS, CO2) are not names.
    """
    originals = sentence.originals
    for index, original in enumerate(originals):
        first = original[0]
        if first != "#" and not first.isupper():
            continue  # most words: no call
        if not _capitalised(original) or sentence.sentence_start[index]:
            continue
        yield index
        previous = index - 1
        if (
            previous >= 0
            and _capitalised(originals[previous])
            and not sentence.after_mark[index]
        ):
            yield previous


def _capitalised(original: str) -> bool:
    letters = original.lstrip("#")
    return (
        len(letters) > 1
        and letters[0].isupper()
        and not letters[1].isupper()
        and not letters[1].isdigit()
    )


def _listed(sentence: _Sentence) -> set[int]:
    """All of a sentence that is a bare list of short terms; hashtags anywhere."""
    listed = {i for i, o in enumerate(sentence.originals) if o.startswith("#")}
    segments = _segments(sentence)
    if len(segments) >= 3 and max(len(s) for s in segments) <= _LIST_ITEM_WORDS:
        listed.update(range(len(sentence.words)))
    return listed


def _segments(sentence: _Sentence) -> list[list[int]]:
    """A sentence cut at commas, slashes and coordinators ('og', 'and', 'or')."""
    segments: list[list[int]] = [[]]
    list_marks = sentence.after_list_mark
    for index, word in enumerate(sentence.words):
        if index and list_marks[index] and segments[-1]:
            segments.append([])
        if word in _COORDINATORS:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(index)
    return [s for s in segments if s]


def _negation(sentence: _Sentence, compiled: _Cues) -> tuple[set[int], set[int]]:
    """Words under a negation or a contrast, and words affirmed as needed."""
    negated: set[int] = set()
    needed: set[int] = set()
    texts = sentence.words
    negation, cues = compiled.negation, compiled.before
    contrast, starts = compiled.contrast, compiled.starts
    for index, word in enumerate(texts):
        if word not in starts and not word.endswith(_CONTRACTED_NOT):
            continue  # most words start no negation, contrast or hypothesis
        length = _contrast_at(texts, index, contrast)
        if length:
            negated.update(_scope(sentence, index + length, negation))
            continue
        if word in negation.hypothetical and _possible_only(texts, negation):
            negated.update(_scope(sentence, index + 1, negation))
            continue
        kind = _cue_kind(texts, index, cues, negation)
        if kind == "insufficient":
            # 'technology alone is not enough': technology is no answer on its own.
            negated.update(_negated_before(sentence, index, negation))
            continue
        if kind != "negation":
            continue
        if word in negation.conditional:
            second = _second_negation(texts, index, cues, negation)
            if second is not None:
                # 'without X we cannot …', 'utan at X, når vi ikkje …': X is needed.
                needed.update(range(index + 1, second))
                continue
        negated.update(_scope(sentence, index + 1, negation))
        negated.update(_negated_before(sentence, index, negation))
    return negated, needed


def _possible_only(words: Sequence[str], negation: Negation) -> bool:
    """'If residents later choose …, that would be welcome': a possibility only.

    'If we are to halve emissions, people must …' states a need instead, so an
    'if' counts only in a sentence that speaks of what might or would happen.
    """
    return any(word in negation.possibility for word in words)


def _contrast_at(
    texts: Sequence[str], index: int, contrast: dict[str, list[tuple[str, ...]]]
) -> int:
    """The length of a contrast cue ('rather than', 'i stedet for') starting here."""
    for parts in contrast.get(texts[index], ()):
        if tuple(texts[index : index + len(parts)]) == parts:
            return len(parts)
    return 0


# "don't", "isn’t": English negation by contraction, with either apostrophe.
_CONTRACTED_NOT = ("n't", "n’t")


def _negates(word: str, cues: frozenset[str]) -> bool:
    """True for a negation word ('ikke', 'not', "don't")."""
    return word in cues or word.endswith(_CONTRACTED_NOT)


class _Cues:
    """A rulebook's negation cues in the form the reading looks them up."""

    __slots__ = ("before", "contrast", "negation", "starts")

    def __init__(self, negation: Negation) -> None:
        self.negation = negation
        # The negation words.
        self.before = frozenset(negation.before)
        # The contrast cues by their first word.
        self.contrast: dict[str, list[tuple[str, ...]]] = {}
        for cue in negation.contrast:
            parts = tuple(cue.split())
            self.contrast.setdefault(parts[0], []).append(parts)
        # Every word that can start a negation, a contrast or a hypothesis.
        self.starts = frozenset(
            (*negation.before, *negation.hypothetical, *self.contrast)
        )


# Per rulebook: its cues, made once. Keyed by identity, because hashing the
# rulebook's model is costly and would be paid for every sentence.
_COMPILED: dict[int, _Cues] = {}
_RULEBOOKS_KEPT = 16


def _cues_of(negation: Negation) -> _Cues:
    compiled = _COMPILED.get(id(negation))
    if compiled is None or compiled.negation is not negation:
        if len(_COMPILED) > _RULEBOOKS_KEPT:
            _COMPILED.clear()
        compiled = _COMPILED[id(negation)] = _Cues(negation)
    return compiled


def _cue_kind(
    texts: Sequence[str], index: int, cues: frozenset[str], negation: Negation
) -> str:
    """'negation', 'insufficient' ('not enough'), or '' for no cue here.

    'ikke bare' and 'not only' negate nothing (the words count), nor does
    litotes ('ikke uviktig', 'far from unimportant').
    """
    word = texts[index]
    if not _negates(word, cues):
        return ""
    following = texts[index + 1 : index + 3]
    if following and following[0] in negation.not_after:
        return ""
    if any(f in negation.insufficient for f in following):
        return "insufficient"
    return "negation"


def _scope(sentence: _Sentence, first: int, negation: Negation) -> Iterable[int]:
    """From ``first`` to the end of the clause: a list after the cue stays inside.

    The scope ends with the sentence, at a word such as 'but' or 'men', or at a
    comma that starts a longer stretch (a new clause rather than a list item).
    """
    words, after_mark = sentence.words, sentence.after_mark
    for index in range(first, len(words)):
        if words[index] in negation.clause_words:
            return
        if index > first and after_mark[index] and _new_clause(sentence, index):
            return
        yield index


def _new_clause(sentence: _Sentence, index: int) -> bool:
    """After a comma: a new clause, unless the stretch continues a list.

    'ikkje nye vanar, endra haldningar eller mindre forbruk' is one list: a
    stretch up to the next comma that is short, or holds 'og', 'eller', 'or',
    goes on with the negation before it.
    """
    length = 0
    coordinated = False
    after_mark = sentence.after_mark
    for position in range(index, len(sentence.words)):
        if length and after_mark[position]:
            break
        coordinated = coordinated or (
            length > 0 and sentence.words[position] in _COORDINATORS
        )
        length += 1
    if coordinated:
        return length > _LIST_SEGMENT
    return length > _LONG_SEGMENT


def _second_negation(
    words: Sequence[str], cue: int, cues: frozenset[str], negation: Negation
) -> int | None:
    """The next negation in the sentence after 'without', if one comes soon."""
    limit = cue + 1 + negation.window * 2
    for index in range(cue + 2, min(len(words), limit)):
        if _negates(words[index], cues):
            return index
    return None


def _negated_before(sentence: _Sentence, cue: int, negation: Negation) -> Iterable[int]:
    """'behavioural change is not needed': before 'is not', back to the clause start."""
    texts = sentence.words
    verb = cue - 1
    while verb >= 0 and texts[verb] in negation.verbs and cue - verb < 3:
        verb -= 1  # 'will not be', 'er ikke' (one or two verbs before the cue)
    verb += 1
    if verb == cue:
        return
    for index in range(verb - 1, -1, -1):
        yield index
        if sentence.after_mark[index] or cue - index > negation.window:
            return
