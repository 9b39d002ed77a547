"""Findings the reader makes: about a whole file, or at a place with its source line."""

from __future__ import annotations

from collections.abc import Sequence

from oppdrag.diagnostics import Finding, Position, Severity
from oppdrag.visible import visible


def file_finding(code: str, message_id: str, **args: object) -> Finding:
    """A finding about a file as a whole (no data path, no position)."""
    return Finding(code=code, severity=Severity.ERROR, message_id=message_id, args=args)


def located_finding(
    code: str, message_id: str, text: str, position: Position, **args: object
) -> Finding:
    """A finding at a place in the file, with the source line and a caret under it."""
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message_id=message_id,
        args=args,
        position=position,
        excerpt=excerpt(text.splitlines(), position),
    )


def excerpt(lines: Sequence[str], position: Position, width: int = 120) -> str | None:
    """The source line at ``position`` with a caret under the column."""
    if not 1 <= position.line <= len(lines):
        return None
    # A tab is shown as an arrow (one column, so the caret stays in place): as a
    # space it would hide the very character a message may be about.
    raw = lines[position.line - 1].replace("\t", "→")
    column = min(position.column, len(raw) + 1)
    # Other control characters are shown as escapes (an escape sequence in a
    # file must not act on the terminal); the caret moves along with them.
    before = visible(raw[: column - 1])
    line = before + visible(raw[column - 1 :])
    column = len(before) + 1
    start = max(0, column - 1 - width // 2) if len(line) > width else 0
    shown = line[start : start + width]
    return f"{shown}\n{' ' * (column - 1 - start)}^"
