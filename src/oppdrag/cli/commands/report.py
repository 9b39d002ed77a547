"""``oppdrag report``: the county portfolio as a web page, a workbook or Markdown."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.console import ColorChoice
from oppdrag.cli.options import (
    ConfigOption,
    ForceExcludeOption,
    JobsOption,
    Paths,
    SizeOption,
    run_settings,
)
from oppdrag.reporters import ReportFormat

if TYPE_CHECKING:
    from oppdrag.cli.run import ReportOutput


class ReportLanguage(StrEnum):
    """``report --lang``: the page's language (nynorsk too)."""

    EN = "en"
    NB = "nb"
    NN = "nn"


# The format a file's name asks for, when only -o is given.
_SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".md": "markdown"}


def report(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                f"Output format, optionally with a file: {', '.join(ReportFormat)}; "
                "e.g. -f xlsx:portfolio.xlsx. Several may be given."
            ),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File for the first format; without -f, its name says which.",
        ),
    ] = None,
    lang: Annotated[
        ReportLanguage | None,
        typer.Option(
            "--lang",
            help="Language of the report: en, nb or nn (default: from the locale).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The report's title.")
    ] = None,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Make the county portfolio: missions by county and type, what they cover, why.

    One web page that needs no network and no script (inline CSS and SVG, every
    chart with its numbers as a table), an Excel workbook, or Markdown. The
    proposals are read, checked and classified as 'check' and 'classify' do.
    Exit code 0 when the report was written (findings do not fail it); 2 when
    a path or file could not be used or a report could not be written.
    """
    from oppdrag.cli.run import ReportRequest, execute  # noqa: PLC0415

    shared = run_settings(
        lang=lang,
        color=ColorChoice.NEVER,
        config=config,
        max_file_size=max_file_size,
        jobs=jobs,
        force_exclude=force_exclude,
    )
    request = ReportRequest(
        paths=paths,
        outputs=parse_report_outputs(formats, output),
        title=title,
        run=shared,
    )
    raise typer.Exit(execute(request))


def parse_report_outputs(
    values: list[str] | None, default_output: Path | None
) -> list[ReportOutput]:
    """Read ``--format`` values such as ``html`` or ``xlsx:portfolio.xlsx``."""
    from oppdrag.cli.run import ReportOutput  # noqa: PLC0415

    if not values:
        suffix = default_output.suffix.lower() if default_output else ".html"
        values = [_SUFFIXES.get(suffix, "html")]
    outputs = []
    for value in values:
        name, _, target = value.partition(":")
        try:
            fmt = ReportFormat(name.strip().lower())
        except ValueError:
            msg = f"'{name}' is not one of {', '.join(ReportFormat)}"
            raise typer.BadParameter(msg, param_hint="--format") from None
        outputs.append(ReportOutput(fmt, Path(target) if target else None))
    if default_output is not None and outputs[0].path is None:
        outputs[0] = ReportOutput(outputs[0].format, default_output)
    _check_outputs(outputs)
    return outputs


def _check_outputs(outputs: list[ReportOutput]) -> None:
    on_screen = [o for o in outputs if o.path is None]
    if any(o.format is ReportFormat.XLSX for o in on_screen):
        msg = "a workbook needs a file: -f xlsx:portfolio.xlsx"
        raise typer.BadParameter(msg, param_hint="--format")
    if len(on_screen) > 1:
        msg = "only one format can be written to the screen; give the others a file"
        raise typer.BadParameter(msg, param_hint="--format")
    targets = [o.path.resolve() for o in outputs if o.path is not None]
    if len(set(targets)) < len(targets):
        msg = "two formats would be written to the same file"
        raise typer.BadParameter(msg, param_hint="--format")
