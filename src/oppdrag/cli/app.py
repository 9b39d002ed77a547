"""The typer application: parse options, run, render, choose the exit code."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag import __version__
from oppdrag.cli.console import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ColorChoice,
    error_line,
    stdout_is_terminal,
    use_color,
    write_output,
)
from oppdrag.locale import Lang, language_from_environment, text
from oppdrag.reporters import OutputFormat

if TYPE_CHECKING:
    from oppdrag.report import RunReport

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


class MessageLanguage(StrEnum):
    """``--lang``: the language of messages and reports."""

    EN = "en"
    NB = "nb"


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


def _language(lang: MessageLanguage | None) -> Lang:
    if lang is MessageLanguage.NB:
        return "nb"
    if lang is MessageLanguage.EN:
        return "en"
    return language_from_environment()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.IGNORECASE)
_UNITS = {
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
}


def parse_size(value: str) -> int:
    """Read a size such as ``10MB``, ``512kB`` or ``1048576`` (bytes)."""
    match = _SIZE.match(value)
    if match is None:
        msg = f"'{value}' is not a size; write for example 10MB or 500kB"
        raise typer.BadParameter(msg)
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "b").lower()])


@app.command()
def validate(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched for *.yaml and *.yml), or - for stdin.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="Output format: text or json."),
    ] = OutputFormat.TEXT,
    output: OutputOption = None,
    lang: LangOption = None,
    color: Annotated[
        ColorChoice,
        typer.Option("--color", help="Colour the text output: auto, always or never."),
    ] = ColorChoice.AUTO,
    max_file_size: Annotated[
        str, typer.Option("--max-file-size", help="Skip files larger than this.")
    ] = "10MB",
    stdin_filename: Annotated[
        str, typer.Option("--stdin-filename", help="Name to show for standard input.")
    ] = "<stdin>",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show findings only, no summary line.")
    ] = False,
) -> None:
    """Check that proposals are well-formed YAML and follow the proposal format.

    Every problem is reported at once, as file:line:column with a plain-language
    message and a help line. Exit code 0: all valid; 1: problems found; 2: a path
    could not be read or an option is wrong.
    """
    from oppdrag.engine import Options, check_paths  # noqa: PLC0415 -- lazy for start-up
    from oppdrag.source.yaml import Limits  # noqa: PLC0415

    language = _language(lang)
    options = Options(
        limits=Limits(max_file_bytes=parse_size(max_file_size)),
        stdin_name=stdin_filename,
    )
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    report = check_paths(paths, options, stdin)
    for problem in report.problems:
        error_line(
            text(language, problem.message_id, path=problem.path, reason=problem.reason)
        )
    to_terminal = output is None and stdout_is_terminal()
    write_output(
        _render(
            report,
            output_format,
            language,
            use_color(color, to_terminal=to_terminal),
            quiet,
        ),
        output,
        language,
    )
    if report.problems:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if report.counts().errors else EXIT_OK)


def _render(
    report: RunReport, output_format: OutputFormat, lang: Lang, color: bool, quiet: bool
) -> str:
    if output_format is OutputFormat.JSON:
        from oppdrag.reporters.json import render_json  # noqa: PLC0415

        return render_json(report, lang, "validate")
    from oppdrag.reporters.text import render_text  # noqa: PLC0415

    return render_text(report, lang, color=color, quiet=quiet)


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
