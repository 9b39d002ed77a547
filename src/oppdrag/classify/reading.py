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

from oppdrag.classify.rulebook import Negation

_WORD = re.compile(r"#?\w+(?:[-'’&]\w+)*")
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


# Not frozen: a text has hundreds of words, a frozen dataclass costs five times
# as much to make, and nothing changes a word once it is read.
@dataclass(slots=True, eq=False)
class Word:
    """A word of a text, lower-cased, and where it is."""

    text: str
    original: str
    start: int
    end: int
    sentence: int
    # A comma, a bracket or a dash stands between this word and the one before.
    after_mark: bool
    sentence_start: bool
    # A comma, a slash, a bullet or a dash (what separates the items of a list).
    after_list_mark: bool = False


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


class ReadText:
    """A text's words and sentences (character spans); marks come per sentence.

    Most sentences hold no concept at all, so names, lists and negation are
    worked out only for the sentences where the lexicon asks about a word.
    """

    def __init__(
        self,
        text: str,
        negation: Negation,
        names: Names,
        *,
        title_case: bool,
    ) -> None:
        words, sentences, firsts = _words(text)
        self.text = text
        self.words = tuple(words)
        self.sentences = tuple(sentences)
        self._negation = negation
        self._names = names
        self._title_case = title_case
        self._marks: dict[int, Marks] = {}
        self._done: set[int] = set()
        # Per sentence, the index of its first word (words come in sentence order).
        self._first = firsts

    def sentence_of(self, word: Word) -> str:
        """The sentence a word stands in, as written."""
        start, end = self.sentences[word.sentence]
        return self.text[start:end].strip()

    def marks(self, index: int) -> Marks:
        """How the word at ``index`` may count."""
        sentence = self.words[index].sentence
        if sentence not in self._done:
            self._mark_sentence(sentence)
        return self._marks[index]

    def _mark_sentence(self, sentence: int) -> None:
        first = self._first[sentence]
        after = sentence + 1
        end = self._first[after] if after < len(self._first) else len(self.words)
        part = self.words[first:end]
        masked = _masked(part, self._names, title_case=self._title_case)
        listed = _listed(part)
        negated, needed = _negation(part, self.text, self._negation)
        cues = _cue_words(self._negation.before)
        for offset, word in enumerate(part):
            self._marks[first + offset] = _marks(
                offset in masked,
                offset in listed,
                offset in negated and offset not in needed,
                offset in needed,
                _negates(word.text, cues),
            )
        self._done.add(sentence)


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


def _words(text: str) -> tuple[list[Word], list[tuple[int, int]], list[int]]:
    """The words, the sentences' spans, and the index of each sentence's first word."""
    words: list[Word] = []
    sentences: list[tuple[int, int]] = []
    firsts = [0]
    sentence = sentence_start = previous_end = 0
    previous = ""
    for match in _WORD.finditer(text):
        start, end = match.span()
        original = match.group()
        lower = original.lower()
        if start == previous_end + 1 and text[previous_end] == " ":
            # Most words follow one space: no sentence end, no mark between.
            words.append(Word(lower, original, start, end, sentence, False, not words))
        else:
            between = text[previous_end:start]
            ends = bool(words) and _ends_sentence(between, previous)
            if ends:
                sentences.append((sentence_start, previous_end + 1))
                sentence_start = start
                sentence += 1
                firsts.append(len(words))
            words.append(
                Word(
                    lower,
                    original,
                    start,
                    end,
                    sentence,
                    bool(_CLAUSE_MARK.search(between)),
                    not words or ends,
                    bool(_LIST_MARK.search(between)),
                )
            )
        previous_end, previous = end, lower
    sentences.append((sentence_start, len(text)))
    return words, sentences, firsts


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


def _masked(words: Sequence[Word], names: Names, *, title_case: bool) -> set[int]:
    """Words inside a known name, or (outside titles) a run of capitalised words."""
    masked: set[int] = set()
    texts = [w.text for w in words]
    for start, text in enumerate(texts):
        for name in names.get(text, ()):
            if tuple(texts[start : start + len(name)]) == name:
                masked.update(range(start, start + len(name)))
    if not title_case:
        masked.update(_capitalised_names(words))
    return masked


def _capitalised_names(words: Sequence[Word]) -> Iterable[int]:
    """A capitalised word inside a sentence is a name; so is the word it continues.

    Norwegian writes ordinary words in lower case, and English prose does too
    outside titles; acronyms (FoU, CCS, CO2) are not names.
    """
    for index, word in enumerate(words):
        first = word.original[0]
        if first != "#" and not first.isupper():
            continue  # most words: no call
        if not _capitalised(word.original) or word.sentence_start:
            continue
        yield index
        previous = index - 1
        if (
            previous >= 0
            and words[previous].sentence == word.sentence
            and _capitalised(words[previous].original)
            and not word.after_mark
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


def _listed(sentence: Sequence[Word]) -> set[int]:
    """All of a sentence that is a bare list of short terms; hashtags anywhere."""
    listed = {i for i, w in enumerate(sentence) if w.original.startswith("#")}
    segments = _segments(sentence)
    if len(segments) >= 3 and max(len(s) for s in segments) <= _LIST_ITEM_WORDS:
        listed.update(range(len(sentence)))
    return listed


def _segments(sentence: Sequence[Word]) -> list[list[int]]:
    """A sentence cut at commas, slashes and coordinators ('og', 'and', 'or')."""
    segments: list[list[int]] = [[]]
    for index, word in enumerate(sentence):
        if index and word.after_list_mark and segments[-1]:
            segments.append([])
        if word.text in _COORDINATORS:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(index)
    return [s for s in segments if s]


def _negation(
    words: Sequence[Word], text: str, negation: Negation
) -> tuple[set[int], set[int]]:
    """Words under a negation or a contrast, and words affirmed as needed."""
    negated: set[int] = set()
    needed: set[int] = set()
    texts = [w.text for w in words]
    cues = _cue_words(negation.before)
    contrast = _contrast_cues(tuple(negation.contrast))
    starts = _cue_starts(negation)
    for index, word in enumerate(words):
        if word.text not in starts and not word.text.endswith(_CONTRACTED_NOT):
            continue  # most words start no negation, contrast or hypothesis
        length = _contrast_at(texts, index, contrast)
        if length:
            negated.update(_scope(words, text, index + length, negation))
            continue
        if word.text in negation.hypothetical and _possible_only(
            words, index, negation
        ):
            negated.update(_scope(words, text, index + 1, negation))
            continue
        kind = _cue_kind(texts, index, cues, negation)
        if kind == "insufficient":
            # 'technology alone is not enough': technology is no answer on its own.
            negated.update(_negated_before(words, texts, index, negation))
            continue
        if kind != "negation":
            continue
        if word.text in negation.conditional:
            second = _second_negation(words, index, cues, negation)
            if second is not None:
                # 'without X we cannot …', 'utan at X, når vi ikkje …': X is needed.
                needed.update(range(index + 1, second))
                continue
        scope = list(_scope(words, text, index + 1, negation))
        negated.update(scope)
        negated.update(_negated_before(words, texts, index, negation))
    return negated, needed


def _possible_only(words: Sequence[Word], index: int, negation: Negation) -> bool:
    """'If residents later choose …, that would be welcome': a possibility only.

    'If we are to halve emissions, people must …' states a need instead, so an
    'if' counts only in a sentence that speaks of what might or would happen.
    """
    sentence = words[index].sentence
    return any(w.sentence == sentence and w.text in negation.possibility for w in words)


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


@cache
def _cue_starts(negation: Negation) -> frozenset[str]:
    """Every word that can start a negation, a contrast or a hypothesis."""
    contrast = (cue.split()[0] for cue in negation.contrast)
    return frozenset((*negation.before, *negation.hypothetical, *contrast))


@cache
def _cue_words(before: tuple[str, ...]) -> frozenset[str]:
    """The negation words, as a set made once per rulebook."""
    return frozenset(before)


@cache
def _contrast_cues(contrast: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The contrast cues by their first word."""
    cues: dict[str, list[tuple[str, ...]]] = {}
    for cue in contrast:
        parts = tuple(cue.split())
        cues.setdefault(parts[0], []).append(parts)
    return cues


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


def _scope(
    words: Sequence[Word], text: str, first: int, negation: Negation
) -> Iterable[int]:
    """From ``first`` to the end of the clause: a list after the cue stays inside.

    The scope ends with the sentence, at a word such as 'but' or 'men', or at a
    comma that starts a longer stretch (a new clause rather than a list item).
    """
    if first >= len(words):
        return
    sentence = words[first].sentence if first < len(words) else -1
    index = first
    while index < len(words) and words[index].sentence == sentence:
        word = words[index]
        if word.text in negation.clause_words:
            return
        if index > first and word.after_mark and _new_clause(words, index):
            return
        yield index
        index += 1


def _new_clause(words: Sequence[Word], index: int) -> bool:
    """After a comma: a new clause, unless the stretch continues a list.

    'ikkje nye vanar, endra haldningar eller mindre forbruk' is one list: a
    stretch up to the next comma that is short, or holds 'og', 'eller', 'or',
    goes on with the negation before it.
    """
    length = 0
    coordinated = False
    sentence = words[index].sentence
    for word in words[index:]:
        if word.sentence != sentence or (length and word.after_mark):
            break
        coordinated = coordinated or (length > 0 and word.text in _COORDINATORS)
        length += 1
    if coordinated:
        return length > _LIST_SEGMENT
    return length > _LONG_SEGMENT


def _second_negation(
    words: Sequence[Word], cue: int, cues: frozenset[str], negation: Negation
) -> int | None:
    """The next negation in the sentence after 'without', if one comes soon."""
    sentence = words[cue].sentence
    limit = cue + 1 + negation.window * 2
    for index in range(cue + 2, min(len(words), limit)):
        if words[index].sentence != sentence:
            return None
        if _negates(words[index].text, cues):
            return index
    return None


def _negated_before(
    words: Sequence[Word], texts: Sequence[str], cue: int, negation: Negation
) -> Iterable[int]:
    """'behavioural change is not needed': before 'is not', back to the clause start."""
    verb = cue - 1
    while verb >= 0 and texts[verb] in negation.verbs and cue - verb < 3:
        verb -= 1  # 'will not be', 'er ikke' (one or two verbs before the cue)
    verb += 1
    if verb == cue:
        return
    index = verb - 1
    sentence = words[cue].sentence
    while index >= 0 and words[index].sentence == sentence:
        yield index
        if words[index].after_mark or cue - index > negation.window:
            return
        index -= 1
