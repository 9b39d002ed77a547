"""Options shared by several commands, and the steps every checking command takes."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.console import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ColorChoice,
    error_line,
)
from oppdrag.locale import Lang, language_from_environment, text

if TYPE_CHECKING:
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.config import Settings
    from oppdrag.engine import Options
    from oppdrag.report import RunReport


class MessageLanguage(StrEnum):
    """``--lang``: the language of messages and reports."""

    EN = "en"
    NB = "nb"


Paths = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (searched for *.yaml and *.yml), or - for stdin.",
        show_default=False,
    ),
]
LangOption = Annotated[
    MessageLanguage | None,
    typer.Option(
        "--lang",
        help="Language of messages: en or nb (default: from the locale, LANG).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of the screen."),
]
ColorOption = Annotated[
    ColorChoice,
    typer.Option("--color", help="Colour the text output: auto, always or never."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file (default: the nearest oppdrag.toml, .oppdrag.toml or "
        "pyproject.toml with [tool.oppdrag], from the current folder upwards).",
    ),
]
SizeOption = Annotated[
    str, typer.Option("--max-file-size", help="Skip files larger than this.")
]
StdinName = Annotated[
    str, typer.Option("--stdin-filename", help="Name to show for standard input.")
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        help="Processes to use for large batches (0: choose from the CPUs and files).",
        min=0,
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Show findings only, no summary line.")
]


def language(lang: MessageLanguage | None) -> Lang:
    """The message language: the option, else the locale."""
    if lang is MessageLanguage.NB:
        return "nb"
    if lang is MessageLanguage.EN:
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
        raise typer.BadParameter(msg, param_hint="--max-file-size")
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "b").lower()])


def settings(config: Path | None) -> Settings:
    """The settings from --config or the nearest settings file; a bad one exits 2."""
    from oppdrag.config import find_config, load_settings  # noqa: PLC0415 -- lazy
    from oppdrag.errors import OppdragError  # noqa: PLC0415

    if config is not None and not config.is_file():
        error_line(f"{config}: no such settings file")
        raise typer.Exit(EXIT_USAGE)
    try:
        loaded = load_settings(config or find_config(Path.cwd()))
        if loaded.changes_rulebook:
            loaded.rulebook()  # check the overrides now, with a clear message
    except OppdragError as error:
        error_line(str(error))
        raise typer.Exit(EXIT_USAGE) from None
    return loaded


def custom_rulebook(loaded: Settings) -> Rulebook | None:
    """The configured rulebook, or None for the shipped one (built only if needed)."""
    return loaded.rulebook() if loaded.changes_rulebook else None


def run_checks(paths: list[str], options: Options, lang: Lang) -> RunReport:
    """Run the engine over ``paths`` and report unusable paths on stderr."""
    from oppdrag.engine import check_paths  # noqa: PLC0415 -- lazy for start-up

    stdin = sys.stdin.buffer.read() if "-" in paths else None
    report = check_paths(paths, options, stdin)
    for problem in report.problems:
        error_line(
            text(lang, problem.message_id, path=problem.path, reason=problem.reason)
        )
    return report


def exit_code(report: RunReport) -> int:
    """2 for unusable paths, 1 for errors in the files, else 0."""
    if report.problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if report.counts().errors else EXIT_OK
