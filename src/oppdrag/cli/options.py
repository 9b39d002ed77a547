"""The command-line options several commands share, as typer declares them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.console import ColorChoice

if TYPE_CHECKING:
    from oppdrag.cli.run import RunSettings


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
ForceExcludeOption = Annotated[
    bool,
    typer.Option(
        "--force-exclude",
        help="Leave out excluded files even when named (for pre-commit hooks).",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Show findings only, no summary line.")
]


def lang_value(lang: StrEnum | None) -> str | None:
    """The --lang option as the request carries it (None: from the locale)."""
    return lang.value if lang is not None else None


def size(value: str) -> int:
    """Read a size such as ``10MB``; a bad one is a usage error for --max-file-size."""
    from oppdrag.cli.run import parse_size  # noqa: PLC0415 -- the core, when run

    try:
        return parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--max-file-size") from None


def run_settings(  # noqa: PLR0913 -- the shared options, each named
    *,
    lang: StrEnum | None,
    color: ColorChoice,
    config: Path | None,
    max_file_size: str = "10MB",
    stdin_filename: str = "<stdin>",
    jobs: int = 0,
    force_exclude: bool = False,
) -> RunSettings:
    """The options every command that reads proposals shares, read."""
    from oppdrag.cli.run import RunSettings  # noqa: PLC0415 -- the core, when run

    return RunSettings(
        lang=lang_value(lang),
        color=color,
        config=config,
        max_file_bytes=size(max_file_size),
        stdin_filename=stdin_filename,
        jobs=jobs,
        force_exclude=force_exclude,
    )
