"""``oppdrag validate``: well-formed YAML in the proposal format."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.console import ColorChoice
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    ForceExcludeOption,
    JobsOption,
    LangOption,
    OutputOption,
    Paths,
    QuietOption,
    SizeOption,
    StdinName,
    run_settings,
)
from oppdrag.reporters import ValidateFormat, spelled


def validate(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format", "-f", help=f"Output format: {spelled(ValidateFormat)}."
        ),
    ] = ValidateFormat.TEXT,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
    quiet: QuietOption = False,
) -> None:
    """Check that proposals are well-formed YAML and follow the proposal format.

    Every problem is reported at once, as file:line:column with a plain-language
    message and a help line. A declared_type that the classification clearly
    contradicts is a warning (C001). Exit code 0: no errors; 1: errors found;
    2: a path could not be read or an option is wrong.
    """
    from oppdrag.cli.run import ValidateRequest, execute  # noqa: PLC0415

    shared = run_settings(
        lang=lang,
        color=color,
        config=config,
        max_file_size=max_file_size,
        stdin_filename=stdin_filename,
        jobs=jobs,
        force_exclude=force_exclude,
    )
    request = ValidateRequest(
        paths=paths,
        output_format=output_format,
        output=output,
        quiet=quiet,
        run=shared,
    )
    raise typer.Exit(execute(request))
