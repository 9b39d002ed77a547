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
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            help=(
                "File to write; its name says the format (.html, .xlsx, .md), "
                "or it takes the next -f without a file. Several may be given."
            ),
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
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit code 0 even when some proposals are invalid."
        ),
    ] = False,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Make the county portfolio: missions by county and type, what they cover, why.

    One web page that needs no network and no script (inline CSS and SVG, every
    chart with its numbers as a table), an Excel workbook, or Markdown. The
    proposals are read, checked and classified as 'check' and 'classify' do.
    Exit code 0 when the report was written (the check's findings do not fail
    it); 1 when a proposal is invalid, as with 'classify'; 2 when a path or
    file could not be used or a report could not be written.
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
        outputs=parse_report_outputs(formats, outputs or []),
        title=title,
        exit_zero=exit_zero,
        run=shared,
    )
    raise typer.Exit(execute(request))


def parse_report_outputs(
    values: list[str] | None, files: list[Path]
) -> list[ReportOutput]:
    """The outputs asked for by ``-f FORMAT[:FILE]`` and ``-o FILE``.

    A format without a file takes the next ``-o`` file; the other ``-o`` files
    are known by their names; a format left without a file goes to the screen.
    With neither, the page goes to the screen.
    """
    from oppdrag.cli.run import ReportOutput  # noqa: PLC0415

    outputs: list[ReportOutput] = []
    unpaired = list(files)
    for value in values or ([] if files else ["html"]):
        name, _, target = value.partition(":")
        fmt = _format(name)
        if target:
            outputs.append(ReportOutput(fmt, Path(target)))
        else:
            outputs.append(ReportOutput(fmt, unpaired.pop(0) if unpaired else None))
    outputs += [ReportOutput(_format_of(path), path) for path in unpaired]
    _check_outputs(outputs)
    return outputs


def _format(name: str) -> ReportFormat:
    try:
        return ReportFormat(name.strip().lower())
    except ValueError:
        msg = f"'{name}' is not one of {', '.join(ReportFormat)}"
        raise typer.BadParameter(msg, param_hint="--format") from None


def _format_of(path: Path) -> ReportFormat:
    """The format a file's name asks for."""
    name = _SUFFIXES.get(path.suffix.lower())
    if name is None:
        msg = (
            f"cannot tell the format of '{path}': name it .html, .xlsx or .md, "
            f"or give it as -f html:{path}"
        )
        raise typer.BadParameter(msg, param_hint="--output")
    return ReportFormat(name)


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
