"""The ``oppdrag`` command; start-up stays light until a command needs more."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from typing import TYPE_CHECKING

from oppdrag.cli.console import OutputClosed, OutputFailed
from oppdrag.cli.fast import is_plain, run_plain

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _Interrupted(BaseException):
    """Ctrl-C: not a KeyboardInterrupt, which click would turn into 'Aborted!'."""


def _interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


def main() -> None:
    """Run the command line; Ctrl-C and a closed pipe end it quietly.

    Ctrl-C prints one line and exits with 130, as shells expect. When the
    reader of the output goes away (``oppdrag check . | head -1``), the run
    stops without a word, as other Unix tools do, with exit code 2.
    """
    signal.signal(signal.SIGINT, _interrupt)
    _guard_stdout()
    try:
        _main()
    except _Interrupted:
        from oppdrag.locale import language_from_environment, text  # noqa: PLC0415

        message = text(language_from_environment(), "ui.interrupted")
        sys.stderr.write(f"\noppdrag: {message}\n")
        sys.exit(130)
    except (BrokenPipeError, OutputClosed):
        _quiet_exit_after_broken_pipe()
    except OutputFailed as failure:
        _exit_after_failed_output(failure.reason)
    except Exception as error:  # a fault in oppdrag itself: see _report_fault
        if _debugging():
            raise
        _report_fault(error)
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OutputClosed):
        _quiet_exit_after_broken_pipe()
    except OutputFailed as failure:
        _exit_after_failed_output(failure.reason)


class _GuardedOutput(io.RawIOBase):
    """Standard output's descriptor, whose failed writes say what failed.

    A write that fails (a full disk behind ``> /dev/full``) would otherwise
    surface wherever text happened to be written, typer's help included, and
    look like a fault in oppdrag.
    """

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def isatty(self) -> bool:
        return os.isatty(self._descriptor)

    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return os.write(self._descriptor, data)
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as error:
            raise OutputFailed(error.strerror or type(error).__name__) from None


def _guard_stdout() -> None:
    """Route standard output through ``_GuardedOutput`` (when it is a real file)."""
    stream = sys.stdout
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file: leave it alone
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_GuardedOutput(descriptor)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=bool(getattr(stream, "line_buffering", False)),
    )


def _debugging() -> bool:
    """True with --debug (before the command) or OPPDRAG_DEBUG=1: show tracebacks."""
    return "--debug" in sys.argv[1:] or os.environ.get("OPPDRAG_DEBUG") == "1"


def _report_fault(error: Exception) -> None:
    """One line for a fault in oppdrag, how to report it, and exit code 2.

    A traceback is for the maintainers; a policy analyst needs to know that
    the fault is not in their files and what to send.
    """
    from oppdrag.locale import language_from_environment, text  # noqa: PLC0415

    try:
        detail = f"{type(error).__name__}: {error}"[:300]
    except Exception:  # str() of the error itself failed
        detail = type(error).__name__
    message = text(language_from_environment(), "ui.internal_error", error=detail)
    sys.stderr.write(f"oppdrag: error: {message}\n")
    sys.exit(2)


def _exit_after_failed_output(reason: str) -> None:
    """One line on standard error when the report could not be written; exit 2."""
    from oppdrag.locale import language_from_environment, text  # noqa: PLC0415

    message = text(language_from_environment(), "ui.cannot_write_stdout", reason=reason)
    with contextlib.suppress(OSError):
        sys.stderr.write(f"oppdrag: error: {message}\n")
    _quiet_exit_after_broken_pipe()


def _quiet_exit_after_broken_pipe() -> None:
    # Python would report the failed final flush of stdout at exit; point stdout
    # at nothing first (the recipe in the signal module's documentation).
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(2)


def _main() -> None:
    """Run the command line; ``--version`` answers before anything heavy is imported."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from oppdrag import __version__  # noqa: PLC0415 -- keep --version instant

        sys.stdout.write(f"oppdrag {__version__}\n")
        return
    # pydantic scans every installed package for plugins at start-up; we use none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    arguments = sys.argv[1:]
    if is_plain(arguments):
        sys.exit(run_plain(arguments))
    from oppdrag.cli.app import app  # noqa: PLC0415 -- typer only when needed

    app()
