"""The ``oppdrag`` command; start-up stays light until a command needs more."""

from __future__ import annotations

import os
import signal
import sys

from oppdrag.cli.console import OutputClosed
from oppdrag.cli.fast import is_plain, run_plain


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
    try:
        _main()
    except _Interrupted:
        from oppdrag.locale import language_from_environment, text  # noqa: PLC0415

        message = text(language_from_environment(), "ui.interrupted")
        sys.stderr.write(f"\noppdrag: {message}\n")
        sys.exit(130)
    except (BrokenPipeError, OutputClosed):
        _quiet_exit_after_broken_pipe()
    except Exception as error:  # a fault in oppdrag itself: see _report_fault
        if _debugging():
            raise
        _report_fault(error)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_exit_after_broken_pipe()


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
