r"""Text from input made visible: its control characters shown as escapes, never raw.

A proposal or a file name may hold characters a reader cannot see but a
terminal, a CI log or a spreadsheet acts on: a carriage return ends a line
in a GitHub log (and the next one may be read as a workflow command), an
escape sequence recolours or retitles a terminal, a bidirectional control
shows text in another order than it is stored. Every output shows such a
character as an escape (``\r``, ``\x1b``, ``\u202e``), which also tells the
reader it is there. Formats with escapes of their own (JSON, XML) keep the
data exact and escape by their own rules (see ``json_escaped``).
"""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL; the bidirectional controls, which show
# text in another order than it is stored (U+061C, U+200E, U+200F,
# U+202A-U+202E, U+2066-U+2069); the line and paragraph separators, which some
# programs end a line at; and lone surrogates (bytes of a file name that are
# not UTF-8, kept by the operating system as U+DC80-U+DCFF). str.isprintable()
# says no to each (they are Cc, Cf, Zl, Zp or Cs), so most text, printable,
# needs no search at all.
_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_CONTROLS_BUT_LINE_FEED = re.compile(
    f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]"
)
# What json.dumps(ensure_ascii=False) leaves raw of the characters above: it
# escapes only C0 (and the quote and the backslash).
_RAW_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# A line break or a tab in prose is only a space to a reader.
_PROSE_SPACES = re.compile("[\t\n]")


def visible(text: str) -> str:
    r"""``text`` with each control character as an escape: ``\r``, ``\x1b``, ``\u202e``.

    Ordinary text comes back as it is, not copied. A byte of a file name that
    is not UTF-8 is shown as that byte, ``\xff``.
    """
    if text.isprintable() or _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub(_escape, text)


def visible_lines(text: str) -> str:
    r"""As ``visible``, but line feeds stay: for cells that may hold several lines."""
    if text.isprintable() or _CONTROLS_BUT_LINE_FEED.search(text) is None:
        return text
    return _CONTROLS_BUT_LINE_FEED.sub(_escape, text)


def one_line(text: str) -> str:
    r"""Prose on one line: line breaks and tabs as spaces, other controls as escapes.

    For what a person wrote (titles, owners, quotes) where it is shown in a
    line or a cell; a last line break (``title: >`` in YAML) is left out. A
    carriage return is not a line break in YAML, so it is shown as ``\r``.
    """
    if text.isprintable() or _CONTROLS.search(text) is None:
        return text
    return visible(_PROSE_SPACES.sub(" ", text.rstrip("\n")))


def json_escaped(document: str) -> str:
    r"""JSON text with DEL, C1, the bidirectional controls and U+2028/9 as ``\uXXXX``.

    ``json.dumps(..., ensure_ascii=False)`` escapes only C0; the same data,
    escaped, is still valid JSON and the same when read, and no longer acts
    on a terminal or a log that shows the file. Outside strings JSON text is
    ASCII, so only characters inside strings are changed.
    """
    if _RAW_IN_JSON.search(document) is None:
        return document
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the operating system could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
