"""Where output goes: colour decisions, stdout/stderr, writing reports to files."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

from oppdrag.locale import Lang, text

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class ColorChoice(StrEnum):
    """``--color``: decide from the terminal, or force it on or off."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_color(choice: ColorChoice, *, to_terminal: bool) -> bool:
    """Colour when asked, or on a terminal unless NO_COLOR or TERM=dumb say no."""
    if choice is ColorChoice.ALWAYS:
        return True
    if choice is ColorChoice.NEVER or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal and os.environ.get("TERM") != "dumb"


def stdout_is_terminal() -> bool:
    """True when standard output is an interactive terminal."""
    return sys.stdout.isatty()


class OutputClosed(BaseException):
    """The reader of standard output went away (``oppdrag check . | head -1``).

    A BaseException, so that click does not turn it into its own exit code;
    ``oppdrag.cli.main`` ends the run quietly with exit code 2.
    """


def write_output(content: str, output: Path | None, lang: Lang) -> None:
    """Write a report to ``output``, or to standard output when none is given."""
    if output is None:
        try:
            sys.stdout.write(content)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        return
    output.write_text(content, encoding="utf-8")
    error_line(text(lang, "ui.wrote", path=str(output)), prefix="oppdrag: ")


def error_line(message: str, prefix: str = "oppdrag: error: ") -> None:
    """One line about the run (not about a file's content) on standard error."""
    sys.stderr.write(f"{prefix}{message}\n")
