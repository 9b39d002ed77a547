"""``oppdrag classify``: accelerating or transforming, for each mission of a batch."""

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
    SizeOption,
    StdinName,
    run_settings,
)
from oppdrag.reporters import ClassifyFormat, spelled


def classify(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    output_format: Annotated[
        ClassifyFormat,
        typer.Option("--format", "-f", help=f"{spelled(ClassifyFormat)}."),
    ] = ClassifyFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Classify each mission as accelerating or transforming, with its top reasons.

    Invalid missions are reported as 'validate' reports them and are not
    classified; the rest of the batch is. Exit code 1 when a mission is invalid.
    """
    from oppdrag.cli.run import ClassifyRequest, execute  # noqa: PLC0415

    request = ClassifyRequest(
        paths=paths,
        output_format=output_format,
        output=output,
        run=run_settings(
            lang=lang,
            color=color,
            config=config,
            max_file_size=max_file_size,
            stdin_filename=stdin_filename,
            jobs=jobs,
            force_exclude=force_exclude,
        ),
    )
    raise typer.Exit(execute(request))
