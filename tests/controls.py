"""Hostile characters for the tests, and what "none of them reaches an output raw" means."""

from __future__ import annotations

import re

# Every kind of character a reader cannot see but a terminal, a CI log or a
# spreadsheet acts on: a carriage return (ends a line in a GitHub log), escape
# sequences (a colour, and a terminal link: its ']' also closes the '[', as
# the YAML reader's bracket count wants), CSI and NEL of C1, DEL, NUL, the
# bidirectional controls, the line and paragraph separators, bell, backspace,
# vertical tab, form feed and tab; then a line feed and a forged command.
HOSTILE = (
    "\r\x1b[31m\x1b]8;;file:///etc/passwd\x07\x9b2J\x85\u202e\x00\x7f"
    "\u2028\u2029\u061c\u200e\u2066\x07\x08\x0b\x0c\t\n::error::forged"
)
# The same without line breaks, to stand inside a sentence.
INLINE = "\x1b[1m\x1b]0;title\x07\x9b2J\u202e\x00\x7f\u061c\u200e\u2066\x08"
# The characters no output may hold raw: all of the above but the line feed,
# which every text format ends its own lines with (and a CSV cell may hold).
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)
# What oppdrag's own GitHub annotations look like; any other line starting with
# '::' in a GitHub Actions log is a forged workflow command.
ANNOTATION = re.compile(
    r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,title=[A-Z]\d{3}[a-z -]*::"
)
# What rich writes for colour: the only escape sequences coloured output may hold.
COLOUR = re.compile("\x1b\\[[0-9;]*m")


def raw_controls(output: str) -> list[str]:
    """The control characters ``output`` holds raw (none, for a safe output)."""
    return sorted(set(RAW.findall(output)))


def forged_commands(log: str) -> list[str]:
    """The lines of a GitHub Actions log that are workflow commands but not ours."""
    lines = log.split("\n")
    return [
        line for line in lines if line.startswith("::") and not ANNOTATION.match(line)
    ]


def yaml_quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar, its control characters as escapes.

    The bidirectional controls stay raw: YAML allows them in a file as they are.
    """
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif char in "\u2028\u2029":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
