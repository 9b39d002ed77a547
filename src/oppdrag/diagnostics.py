"""The vocabulary every layer speaks: severities, positions and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

DataPath = tuple[str | int, ...]


class Severity(StrEnum):
    """How serious a finding is; maps one to one onto SARIF levels."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file; ``line`` and ``column`` both start at 1."""

    line: int
    column: int

    @classmethod
    def from_mark(cls, mark: Any) -> Position:
        """The place of a YAML reader's mark, which counts lines and columns from 0.

        The one place where counting from 0 becomes counting from 1.
        """
        return cls(int(mark.line) + 1, int(mark.column) + 1)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in an input, located and explained.

    ``message_id`` and ``args`` name a message in the locale catalogues, so the
    same finding can be rendered in English or bokmål. ``path`` is the data
    path inside the document (empty for problems with the file itself).
    """

    code: str
    severity: Severity
    message_id: str
    args: dict[str, Any] = field(default_factory=dict)
    path: DataPath = ()
    position: Position | None = None
    excerpt: str | None = None
    # Locate the key at ``path`` rather than its value (unknown and missing keys).
    at_key: bool = False


def format_path(path: DataPath) -> str:
    """Render a data path the way analysts read it: ``objective.targets[0].year``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def json_pointer(path: DataPath) -> str:
    """Render a data path as a JSON Pointer (RFC 6901) for other tools."""
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "".join("/" + p for p in escaped)
