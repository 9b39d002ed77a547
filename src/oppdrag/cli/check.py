"""``oppdrag check``: the format, quality rules and classification."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.app import app
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
from oppdrag.cli.options import (
    ColorOption,
    ConfigOption,
    JobsOption,
    LangOption,
    QuietOption,
    SizeOption,
    StdinName,
    custom_rulebook,
    language,
    parse_size,
    run_checks,
    settings,
)
from oppdrag.diagnostics import Severity
from oppdrag.locale import Lang, text
from oppdrag.reporters import CheckFormat

if TYPE_CHECKING:
    from oppdrag.config import CheckSettings, Settings
    from oppdrag.report import RunReport


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """One requested output: a format and where it goes (None: standard output)."""

    name: CheckFormat
    path: Path | None


def parse_outputs(
    values: list[str] | None, default_output: Path | None
) -> list[OutputSpec]:
    """Read ``--format`` values such as ``text`` or ``sarif:report.sarif``."""
    if not values:
        values = (
            [CheckFormat.TEXT, CheckFormat.GITHUB]
            if os.environ.get("GITHUB_ACTIONS") == "true"
            else [CheckFormat.TEXT]
        )
    specs = []
    for value in values:
        name, _, target = value.partition(":")
        name = name.strip().lower()
        try:
            chosen = CheckFormat(name)
        except ValueError:
            msg = f"'{name}' is not one of {', '.join(CheckFormat)}"
            raise typer.BadParameter(msg, param_hint="--format") from None
        specs.append(OutputSpec(chosen, Path(target) if target else None))
    if default_output is not None and specs[0].path is None:
        specs[0] = OutputSpec(specs[0].name, default_output)
    return specs


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


@app.command()
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
    quiet: QuietOption = False,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
) -> None:
    """Check proposals: the format, the quality rules and the classification.

    This is the command for CI and pre-commit. Rules are chosen and tuned in
    [tool.oppdrag] (pyproject.toml) or oppdrag.toml; single findings are waived
    in the file with '# oppdrag: ignore[CODE] -- reason'. Exit code 0: nothing
    at or above --fail-on (default error); 1: findings; 2: usage or settings.
    """
    language_ = language(lang)
    outputs = parse_outputs(formats, output)
    loaded = settings(config)
    check_settings = _with_flags(
        loaded.check_settings(), select, extend_select, ignore, fail_on
    )
    report = _run(
        paths or ["."],
        loaded,
        check_settings,
        language_,
        max_file_size,
        stdin_filename,
        jobs,
    )
    report = _baselines(report, baseline, write_baseline, language_)
    colored = use_color(color, to_terminal=stdout_is_terminal())
    for spec in outputs:
        content = render(
            report, spec.name, language_, colored and spec.path is None, quiet
        )
        write_output(content, spec.path, language_)
    if statistics:
        _print_statistics(report)
    raise typer.Exit(_exit_code(report, check_settings.fail_on, exit_zero=exit_zero))


def _with_flags(
    check_settings: CheckSettings,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    fail_on: Severity | None,
) -> CheckSettings:
    """The configured settings with the command-line flags on top."""
    from pydantic import ValidationError  # noqa: PLC0415 -- lazy for start-up

    update: dict[str, object] = {}
    if select is not None:
        update["select"] = _codes(select)
    if extend_select is not None:
        update["extend_select"] = check_settings.extend_select + _codes(extend_select)
    if ignore is not None:
        update["ignore"] = check_settings.ignore + _codes(ignore)
    if fail_on is not None:
        update["fail_on"] = fail_on
    try:
        return type(check_settings).model_validate(
            {**check_settings.model_dump(), **update}
        )
    except ValidationError as error:
        detail = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
        raise typer.BadParameter(detail) from None


def _run(  # noqa: PLR0913 -- the run's inputs, passed through
    paths: list[str],
    loaded: Settings,
    check_settings: CheckSettings,
    lang: Lang,
    max_file_size: str,
    stdin_filename: str,
    jobs: int,
) -> RunReport:
    from oppdrag.engine.run import Options, Plan  # noqa: PLC0415 -- lazy
    from oppdrag.source.shape import Limits  # noqa: PLC0415

    options = Options(
        plan=Plan.CHECK,
        limits=Limits(max_file_bytes=parse_size(max_file_size)),
        stdin_name=stdin_filename,
        check=check_settings,
        settings_root=loaded.root,
        rulebook=custom_rulebook(loaded),
        jobs=jobs or None,
    )
    if check_settings.reference_year is not None:
        options = dataclasses.replace(
            options, reference_year=check_settings.reference_year
        )
    progress = _progress_bar() if sys.stderr.isatty() else None
    return run_checks(paths, options, lang, progress)


def _progress_bar() -> Callable[[int, int], None]:
    """A progress line on standard error for long batches (a terminal only)."""

    def show(done: int, total: int) -> None:
        if total >= 200:
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r{done}/{total} files{end}")
            sys.stderr.flush()

    return show


def _baselines(
    report: RunReport, baseline: Path | None, write_to: Path | None, lang: Lang
) -> RunReport:
    from oppdrag.check.baseline import (  # noqa: PLC0415
        apply_baseline,
        baseline_json,
        load_baseline,
    )
    from oppdrag.errors import InputError  # noqa: PLC0415

    if write_to is not None:
        write_to.write_text(baseline_json(report), encoding="utf-8")
        error_line(text(lang, "ui.wrote", path=str(write_to)), prefix="oppdrag: ")
    if baseline is None:
        return report
    try:
        entries = load_baseline(baseline)
    except InputError as error:
        error_line(f"{baseline}: cannot use the baseline: {error}")
        raise typer.Exit(EXIT_USAGE) from None
    report, fixed, hidden = apply_baseline(report, entries)
    error_line(
        text(lang, "check.baseline", hidden=hidden, fixed=len(fixed)),
        prefix="oppdrag: ",
    )
    for entry in fixed:
        error_line(
            text(
                lang, "check.fixed", file=entry.file, code=entry.code, path=entry.path
            ),
            prefix="  ",
        )
    return report


def render(
    report: RunReport, name: CheckFormat, lang: Lang, color: bool, quiet: bool
) -> str:
    """The report in one output format."""
    from oppdrag.reporters import RenderContext  # noqa: PLC0415 -- lazy
    from oppdrag.reporters import render as render_report  # noqa: PLC0415

    context = RenderContext(lang, color=color, quiet=quiet)
    return render_report(report, name, context)


def _print_statistics(report: RunReport) -> None:
    from oppdrag.check.baseline import statistics  # noqa: PLC0415
    from oppdrag.rules import by_code  # noqa: PLC0415

    for code, count in statistics(report):
        rule = by_code(code)
        name = rule.name if rule else ""
        sys.stdout.write(f"{count:>6}  {code}  {name}\n")


def _exit_code(report: RunReport, fail_on: Severity, *, exit_zero: bool) -> int:
    code = report.exit_code(fail_on)
    return EXIT_OK if exit_zero and code == EXIT_FINDINGS else code
