"""Git's ignore patterns (.gitignore), matched as git matches them, in linear time.

A regular expression built from a pattern such as ``*a*a*a*a*b`` backtracks
for minutes on a name of forty a's; git's own matcher is quick on it. This
module follows git's rules (gitignore(5) and wildmatch) on bytes, as git
does, and matches greedily: the pieces between two ``*`` (within a name) or
two ``**`` (across folders) each have a fixed length, so the leftmost place
where a piece fits is always as good as any later one, and no choice is ever
taken back. Matching a path costs at most its length times the pattern's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A token matches one byte: a literal byte, or the set of bytes a '?' or a
# bracket expression ('[a-z]', '[!0-9]', '[[:alpha:]]') allows.
Token = int | frozenset[int]
# A piece of a name between two '*': one token per byte it matches.
Chunk = tuple[Token, ...]

_SLASH = ord("/")
_ANY: frozenset[int] = frozenset(range(256)) - {_SLASH}


def _ascii(test: str) -> frozenset[int]:
    return frozenset(b for b in range(128) if getattr(chr(b), test)())


# The classes git knows ('[[:alpha:]]'); as in C's "C" locale, ASCII only.
_SPACE = frozenset(b" \t\n\r\v\f")
_PRINT = frozenset(range(0x20, 0x7F))
_ALNUM = _ascii("isalnum")
_CLASSES: dict[bytes, frozenset[int]] = {
    b"alnum": _ALNUM,
    b"alpha": _ascii("isalpha"),
    b"blank": frozenset(b" \t"),
    b"cntrl": frozenset([*range(0x20), 0x7F]),
    b"digit": frozenset(b"0123456789"),
    b"graph": _PRINT - _SPACE,
    b"lower": _ascii("islower"),
    b"print": _PRINT,
    b"punct": _PRINT - _ALNUM - _SPACE,
    b"space": _SPACE,
    b"upper": _ascii("isupper"),
    b"xdigit": frozenset(b"0123456789abcdefABCDEF"),
}


class _Unmatchable(Exception):
    """A pattern git never matches (an unclosed '[', an unknown '[:class:]')."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One name of a pattern (between two '/'): chunks between '*' wildcards.

    Without a '*' there is one chunk and it must cover the whole name;
    otherwise the first chunk starts the name, the last ends it, and the
    ones between may sit anywhere in order.
    """

    chunks: tuple[Chunk, ...]

    @property
    def has_star(self) -> bool:
        """True when the name pattern holds a '*'."""
        return len(self.chunks) > 1

    def matches(self, name: bytes) -> bool:
        """True when the name (one folder or file name, no '/') matches."""
        chunks = self.chunks
        first = chunks[0]
        if not self.has_star:
            return len(first) == len(name) and _fits(first, name, 0)
        last = chunks[-1]
        end = len(name) - len(last)
        if end < len(first) or not _fits(first, name, 0) or not _fits(last, name, end):
            return False
        at = len(first)
        for chunk in chunks[1:-1]:
            found = _leftmost(chunk, name, at, end)
            if found < 0:
                return False
            at = found + len(chunk)
        return True


def _fits(chunk: Chunk, name: bytes, at: int) -> bool:
    for offset, token in enumerate(chunk):
        byte = name[at + offset]
        if byte != token if isinstance(token, int) else byte not in token:
            return False
    return True


def _leftmost(chunk: Chunk, name: bytes, start: int, end: int) -> int:
    """The first place from ``start`` where ``chunk`` fits and ends by ``end``."""
    for at in range(start, end - len(chunk) + 1):
        if _fits(chunk, name, at):
            return at
    return -1


# A pattern's names: a Segment, or None for a whole-name '**' (any folders).
Names = tuple[Segment | None, ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One line of a .gitignore file.

    ``anchored`` patterns (with a '/' before the end) match the path from the
    .gitignore's folder; the others match the last name at any depth.
    ``base`` is how many names deep that folder is in the repository.
    """

    names: Names
    negative: bool
    folders_only: bool
    anchored: bool
    base: int
    text: str = ""

    def matches(self, path: Sequence[bytes], is_dir: bool) -> bool:
        """True when the path (names from the repository's top) matches.

        Only paths inside the pattern's folder (at least ``base + 1`` names)
        are given.
        """
        if self.folders_only and not is_dir:
            return False
        if not self.anchored:
            only = self.names[0]
            return only is not None and only.matches(path[-1])
        return _names_match(self.names, path, self.base)


def _names_match(names: Names, path: Sequence[bytes], start: int) -> bool:
    """Whether ``names`` match ``path[start:]``, None standing for any names."""
    groups: list[list[Segment]] = [[]]
    for name in names:
        if name is None:
            groups.append([])
        else:
            groups[-1].append(name)
    total = len(path)
    if len(groups) == 1:
        return total - start == len(names) and _group_fits(groups[0], path, start)
    first, middle, last = groups[0], groups[1:-1], groups[-1]
    end = total - len(last)
    if end < start + len(first) or not _group_fits(first, path, start):
        return False
    if not _group_fits(last, path, total - len(last)):
        return False
    at = start + len(first)
    for group in middle:
        found = _leftmost_group(group, path, at, end)
        if found < 0:
            return False
        at = found + len(group)
    return True


def _group_fits(group: list[Segment], path: Sequence[bytes], at: int) -> bool:
    return all(segment.matches(path[at + i]) for i, segment in enumerate(group))


def _leftmost_group(
    group: list[Segment], path: Sequence[bytes], start: int, end: int
) -> int:
    for at in range(start, end - len(group) + 1):
        if _group_fits(group, path, at):
            return at
    return -1


def parse_lines(data: bytes, base: int) -> list[Pattern]:
    r"""The patterns of a .gitignore file's bytes, for a folder ``base`` names deep.

    As git reads them: a UTF-8 byte order mark is skipped, lines end at LF
    (a CR before it is dropped), blank lines and lines starting with '#' are
    skipped, and spaces at the end are dropped unless escaped with '\'.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    patterns = []
    for raw in data.split(b"\n"):
        line = raw.removesuffix(b"\r").split(b"\0", 1)[0]
        if not line or line.startswith(b"#"):
            continue
        pattern = parse_pattern(_trim_trailing_spaces(line), base)
        if pattern is not None:
            patterns.append(pattern)
    return patterns


def _trim_trailing_spaces(line: bytes) -> bytes:
    last_space = -1
    index = 0
    while index < len(line):
        byte = line[index]
        if byte == ord(" "):
            if last_space < 0:
                last_space = index
        elif byte == ord("\\"):
            index += 1
            if index == len(line):
                return line
            last_space = -1
        else:
            last_space = -1
        index += 1
    return line if last_space < 0 else line[:last_space]


def parse_pattern(line: bytes, base: int = 0) -> Pattern | None:
    """One pattern, or None for one git never matches."""
    text = line.decode("utf-8", "backslashreplace")
    negative = line.startswith(b"!")
    body = line[1:] if negative else line
    folders_only = body.endswith(b"/")
    if folders_only:
        body = body[:-1]
    anchored = b"/" in body
    if body.startswith(b"/"):
        body = body[1:]
    if not body:
        return None
    try:
        names = _names(_tokens(body))
    except _Unmatchable:
        return None
    if not anchored:
        # Without a '/', '**' is a plain '*' (a name has no '/' in it).
        names = (_ANY_NAME,) if names[0] is None else names[:1]
    return Pattern(names, negative, folders_only, anchored, base, text)


# What a pattern is made of: a byte's token, a '*', or a '/' between names
# (written '/' or '\\/').
_STAR = "*"
_SEPARATOR = "/"
_ESCAPED_SEPARATOR = "\\/"
_Item = Token | str


def _tokens(body: bytes) -> list[_Item]:
    """The pattern's tokens; a '/' inside brackets belongs to the brackets."""
    items: list[_Item] = []
    index = 0
    while index < len(body):
        byte = body[index]
        index += 1
        if byte == _SLASH:
            items.append(_SEPARATOR)
        elif byte == ord("*"):
            items.append(_STAR)
        elif byte == ord("?"):
            items.append(_ANY)
        elif byte == ord("["):
            token, index = _bracket(body, index)
            items.append(token)
        elif byte == ord("\\"):
            if index == len(body):
                raise _Unmatchable  # a backslash at the end matches nothing
            escaped = body[index]
            index += 1
            # An escaped '/' still parts two names: names hold no '/'.
            items.append(_ESCAPED_SEPARATOR if escaped == _SLASH else escaped)
        else:
            items.append(byte)
    return items


def _names(items: list[_Item]) -> Names:
    """The pattern's names; '**' becomes None, for none or more names.

    As in git's wildmatch, a '**' at the end, or before an escaped '/',
    stands for one name or more: a name of its own (any name), then None.
    """
    names: list[Segment | None] = []
    current: list[_Item] = []
    for item in [*items, _ESCAPED_SEPARATOR]:
        if item not in (_SEPARATOR, _ESCAPED_SEPARATOR):
            current.append(item)
            continue
        name = _name(current)
        if name is None and item == _ESCAPED_SEPARATOR:
            names.append(_ANY_NAME)
        names.append(name)
        current = []
    return tuple(names)


def _name(items: list[_Item]) -> Segment | None:
    """One name's pattern; None when it is '**' (two or more '*' and nothing else)."""
    if len(items) >= 2 and all(item == _STAR for item in items):
        return None
    chunks: list[Chunk] = []
    chunk: list[Token] = []
    after_star = False
    for item in items:
        if item == _STAR:
            if not after_star:  # '**' within a name is one '*'
                chunks.append(tuple(chunk))
                chunk = []
            after_star = True
        else:
            assert not isinstance(item, str)
            chunk.append(item)
            after_star = False
    chunks.append(tuple(chunk))
    return Segment(tuple(chunks))


_ANY_NAME = Segment(((), ()))


def _at(body: bytes, index: int) -> int:
    """The byte at ``index``, or 0 past the end (as at the end of a C string)."""
    return body[index] if index < len(body) else 0


def _bracket(body: bytes, index: int) -> tuple[Token, int]:
    """A bracket expression from just after its '['; the set and where it ends."""
    negated = _at(body, index) in (ord("!"), ord("^"))
    if negated:
        index += 1
    allowed: set[int] = set()
    previous = 0
    first = True  # a ']' first in the brackets is one of the members
    while first or _at(body, index) != ord("]"):
        first = False
        members, previous, index = _member(body, index, previous)
        allowed.update(members)
        index += 1
    chosen = frozenset(range(256)) - allowed if negated else frozenset(allowed)
    return chosen - {_SLASH}, index + 1


def _member(body: bytes, index: int, previous: int) -> tuple[Iterable[int], int, int]:
    """The member of a bracket expression at ``index``.

    Returns the bytes it allows, the byte a '-' after it ranges from (0 for
    none), and the index of its last byte.
    """
    byte = _at(body, index)
    if byte == 0:
        raise _Unmatchable  # no closing ']'
    if byte == ord("\\"):
        byte = _escaped(body, index + 1)
        return (byte,), byte, index + 1
    if byte == ord("-") and previous and _at(body, index + 1) not in (0, ord("]")):
        high, index = _range_end(body, index + 1)
        return range(previous, high + 1), 0, index
    if byte == ord("[") and _at(body, index + 1) == ord(":"):
        known, end = _named_class(body, index)
        if known is not None:
            return known, 0, end
    return (byte,), byte, index


def _escaped(body: bytes, index: int) -> int:
    byte = _at(body, index)
    if byte == 0:
        raise _Unmatchable
    return byte


def _range_end(body: bytes, index: int) -> tuple[int, int]:
    high = _at(body, index)
    if high == ord("\\"):
        index += 1
        high = _escaped(body, index)
    return high, index


def _named_class(body: bytes, index: int) -> tuple[frozenset[int] | None, int]:
    """'[:alpha:]' at ``index``: its bytes and its end; None for a plain '['."""
    close = body.find(b"]", index + 2)
    if close < 0:
        raise _Unmatchable
    name = body[index + 2 : close]
    if not name.endswith(b":"):
        return None, index
    known = _CLASSES.get(name[:-1])
    if known is None:
        raise _Unmatchable  # git knows no such class
    return known, close
