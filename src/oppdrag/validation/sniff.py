"""Whether a YAML file found by walking a folder may be a proposal, or is plainly not.

A folder of proposals often holds other YAML (mkdocs.yml, a CI file); such files
are left out of a folder walk. A walked file must never be left out when a YAML
reader could read a proposal in it, or a failing proposal could pass a CI gate
by hiding from the check. So the decision is made on what the reader read (keys
in any quoting or style, with escapes decoded), not on how the text looks; only
a file that cannot be read as YAML is judged by its text, and then a key that
cannot be read for certain counts as a proposal key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from oppdrag.model.proposal import Proposal, Strategy


def is_proposal_data(documents: Iterable[Any]) -> bool:
    """False only for YAML whose documents are groups of keys, none a proposal's.

    A document that is not a group of keys (a list, a value) is left to
    validation, which says what is wrong; empty documents do not count.
    """
    groups = 0
    for data in documents:
        if data is None:
            continue
        if not isinstance(data, dict):
            return True
        if any(_could_be_proposal_key(key) for key in data):
            return True
        groups += 1
    return groups == 0


def looks_like_proposal(text: str) -> bool:
    """The same decision for text that cannot be read as YAML, from its lines.

    In each document the top-level keys are the block keys at the indentation
    of its first key. A document without such keys (a flow mapping, a list)
    counts as a proposal, as does a key that is an alias, spans lines or
    cannot be read: only a text whose every top-level key is plainly not a
    proposal key is left out.
    """
    groups = 0
    for lines in _documents(text):
        keys = list(_top_level_keys(lines))
        if not keys:
            if any(_has_content(line) for line in lines):
                return True
            continue
        if any(key is None or _could_be_proposal_key(key) for key in keys):
            return True
        groups += 1
    return groups == 0


_SEPARATORS = re.compile(r"[\s-]+")


@cache
def _near_proposal_keys() -> tuple[frozenset[str], frozenset[str], int]:
    """Proposal keys and every word one typo from them; the longest such word.

    The first set holds the keys, each with a letter lost or two neighbours
    swapped; the second, each with a letter changed or added, where the changed
    or added letter is a NUL. A word one typo away from a key is then found by
    a few look-ups, however many keys a file has.
    """
    keys = {*Proposal.model_fields, *Strategy.model_fields}
    whole = set(keys)
    masked = set()
    for key in keys:
        for i in range(len(key)):
            whole.add(key[:i] + key[i + 1 :])
            masked.add(key[:i] + "\0" + key[i + 1 :])
            if i + 1 < len(key):
                whole.add(key[:i] + key[i + 1] + key[i] + key[i + 2 :])
        for i in range(len(key) + 1):
            masked.add(key[:i] + "\0" + key[i:])
    return frozenset(whole), frozenset(masked), max(map(len, keys)) + 1


def _could_be_proposal_key(key: Any) -> bool:
    """A proposal key, in any letter case or spelling, or one typo away from one.

    A draft with a misspelt key ('titel:') is a proposal with a mistake, and is
    checked so that the mistake is found. Words under four letters count only
    when exact ('id').
    """
    if not isinstance(key, str):
        return False
    word = _SEPARATORS.sub("_", key.strip().casefold())
    whole, masked, longest = _near_proposal_keys()
    if word in _exact_keys():
        return True
    if len(word) < 4 or len(word) > longest:
        return False
    return word in whole or any(
        word[:i] + "\0" + word[i + 1 :] in masked for i in range(len(word))
    )


@cache
def _exact_keys() -> frozenset[str]:
    return frozenset({*Proposal.model_fields, *Strategy.model_fields})


# --- reading keys from text that is not YAML ----------------------------------

_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)")
# Pieces of a block key line, each matched in time linear in the line: tags and
# anchors before a key, a quoted key, an alias, and where a plain key ends.
_PROPERTIES = re.compile(r"(?:[!&]\S*[ \t]+)*")
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_ALIAS = re.compile(r"\*\S+")
_PLAIN_END = re.compile(r":(?:[ \t]|$)|[ \t]#")
_VALUE_START = re.compile(r"[ \t]*:(?:[ \t]|$)")
_NOTHING_MORE = re.compile(r"[ \t]*(?:#.*)?$")
# A plain key cannot start with these (nor with '-', '?' or ':' and a space).
_INDICATORS = frozenset("#'\"{}[],&*!|>%@`")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _documents(text: str) -> Iterator[list[str]]:
    lines: list[str] = []
    for line in text.splitlines():
        if _DOCUMENT_MARK.match(line):
            yield lines
            lines = [line[3:]] if line.startswith("---") else []
        else:
            lines.append(line)
    yield lines


def _has_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "%"))


def _top_level_keys(lines: list[str]) -> Iterator[str | None]:
    """The document's top-level keys; None for one that cannot be read for sure.

    The first line with content decides: a block key sets the indentation of
    the top-level keys; anything else (a list item, a flow mapping, a value)
    makes the document's keys unreadable from its text.
    """
    indent: int | None = None
    for line in lines:
        if not _has_content(line):
            continue
        key = _key_line(line)
        if indent is None:
            if key is None:
                yield None
                return
            indent = key[0]
        if key is not None and key[0] == indent:
            yield key[1]


def _key_line(line: str) -> tuple[int, str | None] | None:
    """The indentation and key of a block key line (None: it is not one)."""
    rest = line.lstrip(" ")
    indent = len(line) - len(rest)
    explicit = rest[:1] == "?" and rest[1:2] in ("", " ", "\t")
    if explicit:
        rest = rest[1:].lstrip(" \t")
    properties = _PROPERTIES.match(rest)
    if properties is not None:
        rest = rest[properties.end() :]
    read = _leading_key(rest)
    if read is None:
        return (indent, None) if explicit else None
    key, after = read
    if explicit:
        return indent, key if _NOTHING_MORE.match(after) else None
    return (indent, key) if _VALUE_START.match(after) else None


def _leading_key(text: str) -> tuple[str | None, str] | None:
    """The key at the start of ``text`` and what follows (the key None: unreadable)."""
    for pattern, read in (
        (_DOUBLE_QUOTED, lambda m: _HEX_ESCAPE.sub(_unescape, m.group(1))),
        (_SINGLE_QUOTED, lambda m: m.group(1).replace("''", "'")),
        (_ALIAS, lambda m: None),
    ):
        match = pattern.match(text)
        if match is not None:
            return read(match), text[match.end() :]
    if (
        not text
        or text[0] in _INDICATORS
        or (text[0] in "-?:" and text[1:2] in ("", " ", "\t"))
    ):
        return None
    end = _PLAIN_END.search(text)
    if end is None or end.group().endswith("#"):
        return None
    return text[: end.start()].rstrip(" \t"), text[end.start() :]


def _unescape(escape: re.Match[str]) -> str:
    code = escape.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, "\\" + code)
