"""Long comments and runs of blank lines, cut short before the round-trip reader.

ruamel's round-trip reader keeps comments, and builds each one a character at
a time; past a few hundred thousand characters that takes time in the square of
the length. A comment line of a megabyte took 38 seconds, ten megabytes over
two minutes, and long runs of blank or comment lines (which it joins into one
comment) did the same. Comments mean nothing to the data either reader builds,
so before the second opinion (``source/second_opinion.py``):

- a comment longer than ``_LONG_COMMENT`` characters is cut to its '#', and a
  line of spaces as long is emptied;
- a run of more than ``_LONG_RUN`` lines that are blank or hold only a comment
  keeps its first and last lines only.

No proposal has either, so an ordinary file is read as before. Text inside
values, found from the fast reader's tokens, is never touched, and a place the
round-trip reader reports in the shortened text is moved back to the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ruamel.yaml.error import FileMark, YAMLError

_LONG_COMMENT = 1_000
_LONG_RUN = 100

# The characters that end a line, for both readers.
_BREAKS = "\n\r\x85\u2028\u2029"
_LINE_START = f"(?<![^{_BREAKS}])"
# A line that is neither blank nor only a comment, up to its first character.
_CONTENT_LINE = re.compile(f"{_LINE_START}[ ]*[^ #{_BREAKS}]")
_OTHER_BREAKS = re.compile(f"[{_BREAKS[1:]}]")
_SPACES = re.compile("[ ]*")
# A '#' that starts a comment, outside values: at a line's start or after a blank.
_COMMENT_MARK = re.compile(f"(?:(?<=[ \t])|{_LINE_START})#")
_BREAK = re.compile("\r\n?|[\n\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Shortened:
    """A text with its long comments and runs of blank lines cut short.

    ``cuts`` holds, per cut in order, where the text after it starts in the
    shortened text (offset, line) and how much was removed up to there
    (characters, lines).
    """

    text: str
    cuts: tuple[tuple[int, int, int, int], ...] = ()

    def restored(self, error: BaseException) -> BaseException:
        """``error`` with its places moved from the shortened text to the original."""
        if not self.cuts:
            return error
        for name in ("problem_mark", "context_mark"):
            mark = getattr(error, name, None)
            if mark is not None:
                setattr(error, name, self._mark(mark))
        offset = getattr(error, "position", None)
        if isinstance(offset, int):  # a reader error: an offset in the text
            error.position = self._offset(offset)  # type: ignore[attr-defined]
        return error

    def _mark(self, mark: Any) -> Any:
        line = mark.line + self._removed(mark.line, key=1, removed=3)
        return FileMark(mark.name, self._offset(mark.index), line, mark.column)

    def _offset(self, offset: int) -> int:
        return offset + self._removed(offset, key=0, removed=2)

    def _removed(self, place: int, *, key: int, removed: int) -> int:
        """What the cuts before ``place`` (an offset or a line) removed."""
        index = bisect.bisect_right([cut[key] for cut in self.cuts], place) - 1
        return self.cuts[index][removed] if index >= 0 else 0


def shorten(
    text: str, *, comment: int = _LONG_COMMENT, run: int = _LONG_RUN
) -> Shortened:
    """The text as the round-trip reader may read it: the same data, fewer comments.

    ``comment`` and ``run`` are the longest comment and run of quiet lines
    left as they are (tests lower them to cut every one).
    """
    long_lines = [m.span() for m in _long_line(comment).finditer(text)]
    runs = list(_long_runs(text, run))
    if not long_lines and not runs:
        return Shortened(text)
    values = _Values(text)
    cuts = [
        cut for start, end in runs for cut in _run_cuts(text, start, end, values, run)
    ]
    for start, end in long_lines:
        cut = _line_cut(text, start, end, values, comment)
        if cut is not None:
            cuts.append(cut)
    return _apply(text, sorted(cuts)) if cuts else Shortened(text)


@cache
def _long_line(length: int) -> re.Pattern[str]:
    """A whole line of more than ``length`` characters."""
    return re.compile(f"{_LINE_START}[^{_BREAKS}]{{{length + 1},}}")


def _long_runs(text: str, run: int) -> Iterator[tuple[int, int]]:
    """Stretches of more than ``run`` blank or comment lines.

    Found between the lines that hold something else, one step per such
    line: a regular expression over the quiet lines themselves takes a
    second per million of them.
    """
    if _lines_in(text, 0, len(text)) <= run:
        return
    previous = 0  # where the line after the last line with content starts
    for match in _CONTENT_LINE.finditer(text):
        start = match.start()
        if start - previous > run and _lines_in(text, previous, start) > run:
            yield previous, start
        previous = _line_start_at_or_after(text, match.end())
    end = len(text)
    if end - previous > run and _lines_in(text, previous, end) > run:
        yield previous, end


def _lines_in(text: str, start: int, end: int) -> int:
    r"""The line breaks between ``start`` and ``end``, '\r\n' counting as one."""
    count = text.count("\n", start, end)
    if _OTHER_BREAKS.search(text, start, end) is None:  # the usual case
        return count
    others = sum(text.count(char, start, end) for char in _BREAKS[1:])
    return count + others - text.count("\r\n", start, end)


def _run_cuts(
    text: str, start: int, end: int, values: _Values, run: int
) -> Iterator[tuple[int, int, str]]:
    """The lines between the first and the last of each long stretch outside values.

    The first and last lines stay as they are: a blank line right after a
    '|+' text would be part of it, a comment line would end it.
    """
    for free_start, free_end in values.outside(start, end):
        first = _line_start_at_or_after(text, free_start)
        after = _line_start_at_or_before(text, free_end)
        if first < after and _lines_in(text, first, after) > run:
            second = _line_start_at_or_after(text, first + 1)
            last = _previous_line_start(text, after)
            if second < last:
                yield second, last, ""


def _line_cut(
    text: str, start: int, end: int, values: _Values, comment: int
) -> tuple[int, int, str] | None:
    """Cut a long line's comment to its '#', or empty a long line of spaces."""
    if _SPACES.fullmatch(text, start, end) and not values.inside(start):
        return start, end, ""
    at = start
    while (mark := _COMMENT_MARK.search(text, at, end)) is not None:
        value_end = values.end_of_value_at(mark.start())
        if value_end is None:
            cut = mark.start() + 1
            return (cut, end, "") if end - cut > comment else None
        at = max(value_end, mark.start() + 1)
    return None


def _line_start_at_or_after(text: str, offset: int) -> int:
    if offset == 0 or text[offset - 1] in _BREAKS:
        return offset
    match = _BREAK.search(text, offset)
    return len(text) if match is None else match.end()


def _line_start_at_or_before(text: str, offset: int) -> int:
    return max(text.rfind(char, 0, offset) for char in _BREAKS) + 1


def _previous_line_start(text: str, line_start: int) -> int:
    """The start of the line before the one starting at ``line_start``."""
    before = line_start - (2 if text[line_start - 2 : line_start] == "\r\n" else 1)
    return _line_start_at_or_before(text, before)


def _apply(text: str, cuts: list[tuple[int, int, str]]) -> Shortened:
    """The text with the cuts made, and where each cut ends up (see Shortened)."""
    pieces: list[str] = []
    kept: list[tuple[int, int, int, int]] = []
    position = new_offset = new_line = removed_chars = removed_lines = 0
    for start, end, replacement in cuts:
        if start < position:  # inside a cut already made (a comment in a run)
            continue
        before = text[position:start]
        pieces += (before, replacement)
        new_offset += len(before) + len(replacement)
        new_line += _counted_lines(before) + _counted_lines(replacement)
        removed = text[start:end]
        removed_chars += len(removed) - len(replacement)
        removed_lines += _counted_lines(removed) - _counted_lines(replacement)
        kept.append((new_offset, new_line, removed_chars, removed_lines))
        position = end
    pieces.append(text[position:])
    return Shortened("".join(pieces), tuple(kept))


def _counted_lines(text: str) -> int:
    r"""The lines ruamel counts: a '\n', or a '\r' without one after it."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _Values:
    """Where the text's values are, from the fast reader's tokens, found once."""

    def __init__(self, text: str) -> None:
        spans = sorted(_value_spans(text))
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def end_of_value_at(self, offset: int) -> int | None:
        """The end of the value that holds ``offset``, or None outside values."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.ends[index]:
            return self.ends[index]
        return None

    def inside(self, offset: int) -> bool:
        return self.end_of_value_at(offset) is not None

    def outside(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The parts of ``start``..``end`` that no value covers."""
        index = max(0, bisect.bisect_right(self.starts, start) - 1)
        at = start
        while index < len(self.starts) and self.starts[index] < end:
            if self.ends[index] > at:
                if self.starts[index] > at:
                    yield at, self.starts[index]
                at = self.ends[index]
            index += 1
        if at < end:
            yield at, end


def _value_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each scalar's characters; a block text ('|', '>') from the line after it.

    Only text the fast reader accepted is shortened; should its scanner fail
    all the same, everything after the last scalar counts as a value.
    """
    from _ruamel_yaml import CParser  # noqa: PLC0415 -- the C reader's scanner

    parser = CParser(text)
    end = 0
    try:
        while (token := parser.get_token()) is not None:
            if type(token).__name__ != "ScalarToken":
                continue
            start, end = token.start_mark.index, token.end_mark.index
            if token.style in ("|", ">"):
                start = _line_start_at_or_after(text, start)
            if start < end:
                yield start, end
    except YAMLError:
        yield end, len(text)
    finally:
        parser.dispose()
