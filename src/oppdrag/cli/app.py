"""The typer application and its root options; each command lives in its own module."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from oppdrag import __version__
from oppdrag.cli.console import EXIT_OK

app = typer.Typer(
    name="oppdrag",
    help=(
        "Validate, check and classify mission proposals (målrettede samfunnsoppdrag) "
        "written in YAML."
    ),
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"oppdrag {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Show the version.",
        ),
    ] = False,
) -> None:
    """Validate, check and classify mission proposals."""


# Registering the commands: each module adds its commands to ``app``.
from oppdrag.cli import check as _check  # noqa: E402
from oppdrag.cli import classify as _classify  # noqa: E402
from oppdrag.cli import rules as _rules  # noqa: E402
from oppdrag.cli import validate as _validate  # noqa: E402

__all__ = ["_check", "_classify", "_rules", "_validate", "app"]
