"""``oppdrag new``: a commented template for a new proposal."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.console import EXIT_USAGE, error_line, write_output
from oppdrag.cli.options import OutputOption
from oppdrag.locale import text

TemplateLang = Annotated[
    str,
    typer.Option("--lang", help="Language of the template: nb, nn or en."),
]


def new(
    lang: TemplateLang = "nb",
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the output file if it exists.")
    ] = False,
) -> None:
    """Print a commented template for a new proposal; it validates as it is."""
    from oppdrag.cli.run import here_language  # noqa: PLC0415 -- lazy
    from oppdrag.templates import TEMPLATE_LANGUAGES, template  # noqa: PLC0415

    messages = here_language()
    if lang not in TEMPLATE_LANGUAGES:
        msg = f"'{lang}' is not one of {', '.join(TEMPLATE_LANGUAGES)}"
        raise typer.BadParameter(msg, param_hint="--lang")
    if output is not None and output.exists() and not force:
        error_line(text(messages, "ui.exists", path=str(output)))
        raise typer.Exit(EXIT_USAGE)
    if not write_output(template(lang), output, messages):
        raise typer.Exit(EXIT_USAGE)
