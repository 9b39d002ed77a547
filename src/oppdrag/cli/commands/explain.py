"""``oppdrag explain``: the reasoning for missions, or the rulebook with --criteria."""

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
    SizeOption,
    StdinName,
    run_settings,
)
from oppdrag.reporters import ExplainFormat, spelled


def explain(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Proposal or strategy files, or folders to search for them.",
            show_default=False,
        ),
    ] = None,
    mission_id: Annotated[
        str | None,
        typer.Option("--id", help="Explain only the mission with this id."),
    ] = None,
    output_format: Annotated[
        ExplainFormat,
        typer.Option("--format", "-f", help=f"{spelled(ExplainFormat)}."),
    ] = ExplainFormat.TEXT,
    criteria: Annotated[
        bool,
        typer.Option("--criteria", help="Show the rulebook instead: every criterion."),
    ] = False,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Show the full reasoning for each mission: criteria, scores and the evidence.

    Each quoted piece of evidence names the line it is on. Every mission in the
    files and folders is explained, or only the one named by --id. With
    --criteria, show the rulebook itself: the criteria, their weights and
    signal words.
    """
    from oppdrag.cli.run import ExplainRequest, execute  # noqa: PLC0415

    if not paths and not criteria:
        msg = "give a FILE or folder to explain, or --criteria for the rulebook"
        raise typer.BadParameter(msg, param_hint="PATHS")
    if criteria and output_format is not ExplainFormat.TEXT:
        msg = "the rulebook (--criteria) is shown as text; see 'oppdrag rule' for more"
        raise typer.BadParameter(msg, param_hint="--format")
    request = ExplainRequest(
        paths=[] if criteria else list(paths or []),
        mission_id=mission_id,
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
