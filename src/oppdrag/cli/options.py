"""Typer options shared by several commands (the shared steps are in ``common``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from oppdrag.cli.common import custom_rulebook, exit_code, run_checks, settings
from oppdrag.cli.common import language as common_language
from oppdrag.cli.common import parse_size as common_parse_size
from oppdrag.cli.console import ColorChoice
from oppdrag.locale import Lang

__all__ = [
    "ColorOption",
    "ConfigOption",
    "JobsOption",
    "LangOption",
    "MessageLanguage",
    "OutputOption",
    "Paths",
    "QuietOption",
    "SizeOption",
    "StdinName",
    "custom_rulebook",
    "exit_code",
    "language",
    "parse_size",
    "run_checks",
    "settings",
]


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
    return common_language(lang.value if lang is not None else None)


def parse_size(value: str) -> int:
    """Read a size such as ``10MB``; a bad one is a usage error for --max-file-size."""
    try:
        return common_parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--max-file-size") from None
