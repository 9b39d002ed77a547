"""``oppdrag validate``, ``oppdrag schema`` and ``oppdrag new``."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.app import app
from oppdrag.cli.common import ValidateRequest, run_validate
from oppdrag.cli.console import (
    EXIT_USAGE,
    ColorChoice,
    error_line,
    write_output,
)
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    JobsOption,
    LangOption,
    OutputOption,
    Paths,
    QuietOption,
    SizeOption,
    StdinName,
    parse_size,
)
from oppdrag.locale import language_from_environment, text
from oppdrag.reporters import ValidateFormat, spelled


@app.command()
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
    quiet: QuietOption = False,
) -> None:
    """Check that proposals are well-formed YAML and follow the proposal format.

    Every problem is reported at once, as file:line:column with a plain-language
    message and a help line. A declared_type that the classification clearly
    contradicts is a warning (C001). Exit code 0: no errors; 1: errors found;
    2: a path could not be read or an option is wrong.
    """
    request = ValidateRequest(
        paths=paths,
        output_format=output_format.value,
        output=output,
        lang=lang.value if lang is not None else None,
        color=color,
        config=config,
        max_file_bytes=parse_size(max_file_size),
        stdin_filename=stdin_filename,
        jobs=jobs,
        quiet=quiet,
    )
    raise typer.Exit(run_validate(request))


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the proposal format, for editors and other tools.

    Put '# yaml-language-server: $schema=<path to the schema>' at the top of a
    proposal to get completion and checks in VS Code.
    """
    from oppdrag.model.jsonschema import proposal_json_schema_text  # noqa: PLC0415

    write_output(proposal_json_schema_text(), output, language_from_environment())


TemplateLang = Annotated[
    str,
    typer.Option("--lang", help="Language of the template: nb, nn or en."),
]


@app.command()
def new(
    lang: TemplateLang = "nb",
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the output file if it exists.")
    ] = False,
) -> None:
    """Print a commented template for a new proposal; it validates as it is."""
    from oppdrag.templates import TEMPLATE_LANGUAGES, template  # noqa: PLC0415

    messages = language_from_environment()
    if lang not in TEMPLATE_LANGUAGES:
        msg = f"'{lang}' is not one of {', '.join(TEMPLATE_LANGUAGES)}"
        raise typer.BadParameter(msg, param_hint="--lang")
    if output is not None and output.exists() and not force:
        error_line(text(messages, "ui.exists", path=str(output)))
        raise typer.Exit(EXIT_USAGE)
    write_output(template(lang), output, messages)
