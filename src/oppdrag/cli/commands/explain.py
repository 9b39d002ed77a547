"""``oppdrag explain``: one mission's reasoning, or the rulebook with --criteria."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.console import ColorChoice
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    LangOption,
    OutputOption,
    run_settings,
)


def explain(  # noqa: PLR0913 -- one parameter per command-line option
    file: Annotated[
        str | None,
        typer.Argument(help="The proposal or strategy file.", show_default=False),
    ] = None,
    mission_id: Annotated[
        str | None,
        typer.Option("--id", help="Which mission, when the file has several."),
    ] = None,
    criteria: Annotated[
        bool,
        typer.Option("--criteria", help="Show the rulebook instead: every criterion."),
    ] = False,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    output: OutputOption = None,
) -> None:
    """Show the full reasoning for one mission: criteria, scores and the evidence.

    Each quoted piece of evidence names the line it is on. With --criteria, show
    the rulebook itself: the criteria, their weights and signal words.
    """
    from oppdrag.cli.run import ExplainRequest, execute  # noqa: PLC0415

    if file is None and not criteria:
        msg = "give a FILE to explain, or --criteria for the rulebook"
        raise typer.BadParameter(msg, param_hint="FILE")
    request = ExplainRequest(
        file=None if criteria else file,
        mission_id=mission_id,
        output=output,
        run=run_settings(lang=lang, color=color, config=config),
    )
    raise typer.Exit(execute(request))
