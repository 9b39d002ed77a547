"""``oppdrag check``: the format, the quality rules and the classification, for CI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.console import ColorChoice
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    ForceExcludeOption,
    JobsOption,
    LangOption,
    QuietOption,
    SizeOption,
    StdinName,
    run_settings,
)
from oppdrag.diagnostics import Severity
from oppdrag.reporters import DEFAULT_MAX_FINDINGS, CheckFormat

if TYPE_CHECKING:
    from oppdrag.cli.run import OutputSpec


def check(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders or - for stdin (default: the current folder).",
            show_default=False,
        ),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                f"Output format, optionally with a file: {', '.join(CheckFormat)}; "
                "e.g. -f sarif:out.sarif."
            ),
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File for the first format.")
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that fails the run: error, warning, info.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")
    ] = False,
    select: Annotated[
        str | None,
        typer.Option("--select", help="Only these rule codes (comma-separated)."),
    ] = None,
    extend_select: Annotated[
        str | None, typer.Option("--extend-select", help="Also these rule codes.")
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option("--ignore", help="Not these rule codes (comma-separated)."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not in this baseline."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in a file."),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show how many findings of each rule.")
    ] = False,
    max_findings: Annotated[
        int,
        typer.Option(
            "--max-findings",
            help="The most findings the markdown format lists; the rest are counted.",
            min=0,
        ),
    ] = DEFAULT_MAX_FINDINGS,
    quiet: QuietOption = False,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Check proposals: the format, the quality rules and the classification.

    This is the command for CI and pre-commit. Rules are chosen and tuned in
    [tool.oppdrag] (pyproject.toml) or oppdrag.toml; single findings are waived
    in the file with '# oppdrag: ignore[CODE] -- reason'. Exit code 0: nothing
    at or above --fail-on (default error); 1: findings; 2: usage or settings.
    """
    from oppdrag.cli.run import CheckRequest, UsageError, execute  # noqa: PLC0415

    request = CheckRequest(
        paths=paths or ["."],
        outputs=parse_outputs(formats, output),
        fail_on=fail_on,
        exit_zero=exit_zero,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        baseline=baseline,
        write_baseline=write_baseline,
        statistics=statistics,
        quiet=quiet,
        max_findings=max_findings,
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
    try:
        code = execute(request)
    except UsageError as error:
        raise typer.BadParameter(str(error)) from None
    raise typer.Exit(code)


def parse_outputs(
    values: list[str] | None, default_output: Path | None
) -> list[OutputSpec]:
    """Read ``--format`` values such as ``text`` or ``sarif:report.sarif``."""
    from oppdrag.cli.run import (  # noqa: PLC0415
        OutputSpec,
        default_outputs,
        output_conflict,
    )

    chosen: list[str] = list(values or default_outputs())
    specs = []
    for value in chosen:
        name, _, target = value.partition(":")
        name = name.strip().lower()
        try:
            fmt = CheckFormat(name)
        except ValueError:
            msg = f"'{name}' is not one of {', '.join(CheckFormat)}"
            raise typer.BadParameter(msg, param_hint="--format") from None
        specs.append(OutputSpec(fmt, Path(target) if target else None))
    if default_output is not None and specs[0].path is None:
        specs[0] = OutputSpec(specs[0].format, default_output)
    problem = output_conflict(specs)
    if problem is not None:
        raise typer.BadParameter(problem, param_hint="--format")
    return specs
