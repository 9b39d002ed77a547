"""The typer application: its root options, and every command registered by name."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from oppdrag import __version__
from oppdrag.cli.commands import (
    check,
    classify,
    config,
    eval,
    explain,
    new,
    report,
    rule,
    schema,
    validate,
)
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
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="When oppdrag itself fails, show where (for a bug report)."
        ),
    ] = False,
) -> None:
    """Validate, check and classify mission proposals."""


# In the order 'oppdrag --help' lists them: the daily commands first.
app.command()(check.check)
app.command()(classify.classify)
app.command()(explain.explain)
app.command(name="eval")(eval.evaluate)
app.command()(report.report)
app.command()(rule.rule)
app.command()(config.config)
app.command()(validate.validate)
app.command()(schema.schema)
app.command()(new.new)
