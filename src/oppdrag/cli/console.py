"""Where output goes: colour decisions, stdout/stderr, writing reports to files."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from oppdrag.locale import Lang, text
from oppdrag.reporters import DEFAULT_WIDTH
from oppdrag.visible import visible

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


def table_width(*, to_terminal: bool) -> int:
    """How wide tables are: $COLUMNS, else the terminal's width, else a fixed width.

    The fixed width (for files and pipes) makes a written table the same on
    every machine.
    """
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    if to_terminal:
        size = shutil.get_terminal_size((DEFAULT_WIDTH, 24))
        return max(MIN_WIDTH, size.columns)
    return DEFAULT_WIDTH


# Narrower than this, tables are laid out at this width and the terminal wraps.
MIN_WIDTH = 40


def stdout_is_terminal() -> bool:
    """True when standard output is an interactive terminal."""
    return sys.stdout.isatty()


class OutputClosed(BaseException):
    """The reader of standard output went away (``oppdrag check . | head -1``).

    A BaseException, so that click does not turn it into its own exit code;
    ``oppdrag.cli.main`` ends the run quietly with exit code 2.
    """


class OutputFailed(BaseException):
    """Standard output cannot take more text (a full disk, a device that refuses it).

    ``oppdrag.cli.main`` says so in one line and exits with code 2: the report
    did not reach its reader, which is not a fault in oppdrag.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# A report as one text, as bytes (a workbook), or as pieces of text written
# one after another (a long JSON report).
Content = str | bytes | Iterable[str]


def write_output(content: Content, output: Path | None, lang: Lang) -> bool:
    """Write a report to ``output``, or to standard output when none is given.

    Returns False, after one line on standard error, when the file cannot be
    written; the report that was there before is then left as it was.
    """
    if output is None:
        try:
            if isinstance(content, bytes):
                sys.stdout.buffer.write(content)
            else:
                sys.stdout.writelines(_pieces(content))
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as error:
            raise OutputFailed(error.strerror or type(error).__name__) from None
        return True
    try:
        replace_file(output, content)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        error_line(text(lang, "ui.cannot_write", path=str(output), reason=reason))
        return False
    error_line(text(lang, "ui.wrote", path=str(output)), prefix="oppdrag: ")
    return True


def _pieces(content: str | Iterable[str]) -> Iterable[str]:
    return (content,) if isinstance(content, str) else content


def _encoded(content: Content) -> Iterable[bytes]:
    if isinstance(content, bytes):
        return (content,)
    return (piece.encode("utf-8") for piece in _pieces(content))


def replace_file(path: Path, content: Content) -> None:
    """Write ``content`` to ``path`` whole or not at all, creating its folders.

    The text goes to a temporary file beside the target, which then replaces
    it in one step: a full disk or a killed run never leaves half a report in
    place of the last good one. A target that is not a regular file (a device
    such as /dev/null, a pipe) is written to directly, never replaced.

    Raises:
        OSError: the file cannot be written (the message says why).
    """
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
    if path.exists() and not path.is_file():
        with path.open("wb") as stream:
            stream.writelines(_encoded(content))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.writelines(_encoded(content))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _file_mode(path: Path) -> int:
    """The old report's read and write permissions, or a new file's (0o666 less umask).

    Only read and write bits carry over, and only from a regular file: a report
    never becomes executable or setuid, and a link in its place does not lend
    it the mode of what it points to.
    """
    with contextlib.suppress(OSError):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode) & 0o666
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def error_line(message: str, prefix: str = "oppdrag: error: ") -> None:
    """One line about the run (not about a file's content) on standard error.

    A control character in it (from a path or a settings file) is shown as an
    escape, so the line stays one line and cannot act on the terminal.
    """
    sys.stderr.write(f"{prefix}{visible(message)}\n")
