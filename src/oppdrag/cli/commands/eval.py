"""``oppdrag eval``: the rulebook measured on proposals with a declared type."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.console import ColorChoice
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    JobsOption,
    LangOption,
    OutputOption,
    Paths,
    run_settings,
)
from oppdrag.reporters import EvalFormat, spelled


def evaluate(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    output_format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help=f"{spelled(EvalFormat)}.")
    ] = EvalFormat.TEXT,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    jobs: JobsOption = 0,
) -> None:
    """Measure the rulebook on labelled proposals (their declared_type).

    Prints the accuracy, a confusion matrix, the accuracy without each criterion
    (ablation) and the missions classified differently from their label, so a
    county can calibrate the rulebook on its own proposals.
    """
    from oppdrag.cli.run import EvalRequest, execute  # noqa: PLC0415

    request = EvalRequest(
        paths=paths,
        output_format=output_format,
        output=output,
        run=run_settings(lang=lang, color=color, config=config, jobs=jobs),
    )
    raise typer.Exit(execute(request))
