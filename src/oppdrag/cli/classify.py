"""``oppdrag classify``, ``oppdrag explain`` and ``oppdrag eval``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oppdrag.cli.app import app
from oppdrag.cli.console import (
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
    OutputOption,
    Paths,
    SizeOption,
    StdinName,
    custom_rulebook,
    exit_code,
    language,
    parse_size,
    run_checks,
    settings,
)
from oppdrag.locale import Lang, text
from oppdrag.reporters import ClassifyFormat, EvalFormat, spelled

if TYPE_CHECKING:
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.engine.run import Options
    from oppdrag.report import MissionReport, RunReport


def _options(
    config: Path | None,
    max_file_size: str,
    stdin_name: str,
    jobs: int = 0,
) -> Options:
    from oppdrag.engine.run import Options, Plan  # noqa: PLC0415 -- lazy for start-up
    from oppdrag.source.shape import Limits  # noqa: PLC0415

    return Options(
        plan=Plan.CLASSIFY,
        limits=Limits(max_file_bytes=parse_size(max_file_size)),
        stdin_name=stdin_name,
        rulebook=custom_rulebook(settings(config)),
        jobs=jobs or None,
    )


@app.command()
def classify(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    output_format: Annotated[
        ClassifyFormat,
        typer.Option("--format", "-f", help=f"{spelled(ClassifyFormat)}."),
    ] = ClassifyFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
    max_file_size: SizeOption = "10MB",
    stdin_filename: StdinName = "<stdin>",
    jobs: JobsOption = 0,
) -> None:
    """Classify each mission as accelerating or transforming, with its top reasons.

    Invalid missions are reported as 'validate' reports them and are not
    classified; the rest of the batch is. Exit code 1 when a mission is invalid.
    """
    language_ = language(lang)
    report = run_checks(
        paths, _options(config, max_file_size, stdin_filename, jobs), language_
    )
    colored = use_color(color, to_terminal=output is None and stdout_is_terminal())
    write_output(_render(report, output_format, language_, colored), output, language_)
    raise typer.Exit(exit_code(report))


def _render(
    report: RunReport, output_format: ClassifyFormat, lang: Lang, color: bool
) -> str:
    from oppdrag.reporters import RenderContext, render  # noqa: PLC0415 -- lazy

    return render(report, output_format, RenderContext(lang, color=color))


@app.command()
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
    from oppdrag.reporters.explain import (  # noqa: PLC0415
        render_criteria,
        render_explanation,
    )

    language_ = language(lang)
    colored = use_color(color, to_terminal=output is None and stdout_is_terminal())
    options = _options(config, "10MB", "<stdin>")
    rulebook = options.rulebook or _shipped_rulebook()
    if criteria:
        content = render_criteria(rulebook, language_, color=colored)
        write_output(content, output, language_)
        raise typer.Exit(EXIT_OK)
    if file is None:
        msg = "give a FILE to explain, or --criteria for the rulebook"
        raise typer.BadParameter(msg, param_hint="FILE")
    report = run_checks([file], options, language_)
    unit = _chosen_unit(report, file, mission_id, language_)
    from oppdrag.classify.scorer import Scorer, verdict_change  # noqa: PLC0415

    assert unit.classification is not None  # _chosen_unit checks it
    change = verdict_change(unit.classification, Scorer(rulebook))
    content = render_explanation(file, unit, rulebook, change, language_, color=colored)
    write_output(content, output, language_)
    raise typer.Exit(EXIT_OK)


def _shipped_rulebook() -> Rulebook:
    from oppdrag.classify.rulebook import default_rulebook  # noqa: PLC0415

    return default_rulebook()


def _chosen_unit(
    report: RunReport, file: str, mission_id: str | None, lang: Lang
) -> MissionReport:
    missions = [u for f in report.files for u in f.units if u.kind != "strategy"]
    if report.problems:
        raise typer.Exit(EXIT_USAGE)
    ids = ", ".join(u.id or "?" for u in missions)
    if mission_id is not None:
        missions = [u for u in missions if u.id == mission_id]
        if not missions:
            error_line(
                text(lang, "explain.no_such_id", path=file, id=mission_id, ids=ids)
            )
            raise typer.Exit(EXIT_USAGE)
    if len(missions) != 1:
        error_line(
            text(lang, "explain.pick_one", path=file, count=len(missions), ids=ids)
        )
        raise typer.Exit(EXIT_USAGE)
    if missions[0].classification is None:
        error_line(text(lang, "explain.invalid", path=file))
        raise typer.Exit(1)
    return missions[0]


@app.command(name="eval")
def evaluate(  # noqa: PLR0913 -- one parameter per command-line option
    paths: Paths,
    output_format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help=f"{spelled(EvalFormat)}.")
    ] = EvalFormat.TEXT,
    output: OutputOption = None,
    lang: LangOption = None,
    color: ColorOption = ColorChoice.AUTO,
    config: ConfigOption = None,
) -> None:
    """Measure the rulebook on labelled proposals (their declared_type).

    Prints the accuracy, a confusion matrix, the accuracy without each criterion
    (ablation) and the missions classified differently from their label, so a
    county can calibrate the rulebook on its own proposals.
    """
    from oppdrag.engine.evaluate import evaluate as run_evaluation  # noqa: PLC0415

    language_ = language(lang)
    options = _options(config, "10MB", "<stdin>")
    report = run_checks(paths, options, language_)
    result = run_evaluation(report, options.rulebook or _shipped_rulebook())
    if not result.cases:
        error_line(text(language_, "eval.none_labelled"))
        raise typer.Exit(EXIT_USAGE)
    colored = use_color(color, to_terminal=output is None and stdout_is_terminal())
    if output_format is EvalFormat.JSON:
        from oppdrag.reporters.json import render_evaluation_json  # noqa: PLC0415

        content = render_evaluation_json(result)
    else:
        from oppdrag.reporters.evaluation import (  # noqa: PLC0415
            render_evaluation_text,
        )

        content = render_evaluation_text(result, language_, color=colored)
    write_output(content, output, language_)
    raise typer.Exit(exit_code(report))
