"""What the commands share, without typer: settings, runs, exit codes, validate itself.

Kept free of typer so that 'oppdrag validate FILE…' can start without it (see
``oppdrag.cli.main``); the typer commands call the same functions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from oppdrag.cli.console import (
    EXIT_USAGE,
    ColorChoice,
    error_line,
    stdout_is_terminal,
    use_color,
    write_output,
)
from oppdrag.locale import Lang, language_from_environment, text

if TYPE_CHECKING:
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.config import Settings
    from oppdrag.engine.run import Options
    from oppdrag.report import RunReport


def language(lang: str | None) -> Lang:
    """The message language: the option (en or nb), else the locale."""
    if lang == "nb":
        return "nb"
    if lang == "en":
        return "en"
    return language_from_environment()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.IGNORECASE)
_UNITS = {
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
}


def parse_size(value: str) -> int:
    """Read a size such as ``10MB``, ``512kB`` or ``1048576`` (bytes)."""
    match = _SIZE.match(value)
    if match is None:
        msg = f"'{value}' is not a size; write for example 10MB or 500kB"
        raise ValueError(msg)
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "b").lower()])


def settings(config: Path | None) -> Settings:
    """The settings from --config or the nearest settings file; a bad one exits 2.

    Exits with SystemExit, which both typer and the fast path pass on.
    """
    from oppdrag.config import find_config, load_settings  # noqa: PLC0415 -- lazy
    from oppdrag.errors import OppdragError  # noqa: PLC0415

    if config is not None and not config.is_file():
        error_line(f"{config}: no such settings file")
        raise SystemExit(EXIT_USAGE)
    try:
        loaded = load_settings(config or find_config(Path.cwd()))
        if loaded.changes_rulebook:
            loaded.rulebook()  # check the overrides now, with a clear message
    except OppdragError as error:
        error_line(str(error))
        raise SystemExit(EXIT_USAGE) from None
    return loaded


def custom_rulebook(loaded: Settings) -> Rulebook | None:
    """The configured rulebook, or None for the shipped one (built only if needed)."""
    return loaded.rulebook() if loaded.changes_rulebook else None


def run_checks(
    paths: list[str],
    options: Options,
    lang: Lang,
    progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Run the engine over ``paths`` and report unusable paths on stderr."""
    from oppdrag.engine.run import check_paths  # noqa: PLC0415 -- lazy for start-up

    stdin = read_stdin(options.limits.max_file_bytes, lang) if "-" in paths else None
    report = check_paths(paths, options, stdin, progress=progress)
    for problem in report.problems:
        error_line(
            text(lang, problem.message_id, path=problem.path, reason=problem.reason)
        )
    return report


def read_stdin(limit: int, lang: Lang) -> bytes:
    """Standard input, up to one byte past ``limit`` (an endless stream stops there).

    Exits with code 2 when there is no standard input to read (it was closed).
    """
    try:
        if sys.stdin is None:
            raise OSError("closed")
        return sys.stdin.buffer.read(limit + 1)
    except (OSError, ValueError):  # ValueError: reading a closed file
        error_line(text(lang, "ui.stdin_closed"))
        raise SystemExit(EXIT_USAGE) from None


def exit_code(report: RunReport) -> int:
    """2 for unusable paths and unchecked files, 1 for errors in the files, else 0."""
    return report.exit_code()


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    """What 'oppdrag validate' was asked to do; the defaults are the command's."""

    paths: list[str]
    output_format: str = "text"
    output: Path | None = None
    lang: str | None = None
    color: ColorChoice = ColorChoice.AUTO
    config: Path | None = None
    max_file_bytes: int = 10 * 1024 * 1024
    stdin_filename: str = "<stdin>"
    jobs: int = 0
    quiet: bool = False


def run_validate(request: ValidateRequest) -> int:
    """Validate the paths, write the report, and return the exit code."""
    from oppdrag.engine.run import Options  # noqa: PLC0415 -- lazy for start-up
    from oppdrag.source.shape import Limits  # noqa: PLC0415

    lang = language(request.lang)
    options = Options(
        limits=Limits(max_file_bytes=request.max_file_bytes),
        stdin_name=request.stdin_filename,
        rulebook=custom_rulebook(settings(request.config)),
        jobs=request.jobs or None,
    )
    report = run_checks(request.paths, options, lang)
    to_terminal = request.output is None and stdout_is_terminal()
    colored = use_color(request.color, to_terminal=to_terminal)
    content = _render_validation(
        report, request.output_format, lang, colored, quiet=request.quiet
    )
    write_output(content, request.output, lang)
    return exit_code(report)


def _render_validation(
    report: RunReport, output_format: str, lang: Lang, color: bool, *, quiet: bool
) -> str:
    from oppdrag.reporters import RenderContext, ValidateFormat, render  # noqa: PLC0415

    context = RenderContext(lang, color=color, quiet=quiet)
    return render(report, ValidateFormat(output_format), context)
