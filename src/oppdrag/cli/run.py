"""What each command does once its options are read: a request, a run, an exit code.

A command module reads the command line into a request (``ValidateRequest`` …);
``execute`` runs it and returns the exit code. Nothing here uses typer, so that
'oppdrag validate FILE…' can start without it (``oppdrag.cli.fast``). A
problem with an option that only shows once the settings are read (an unknown
rule code in --select) is a ``UsageError``; the command reports it as typer
reports a bad option.

What only one command needs (the scorer for explain, baselines for check) is
imported in that command's function: 'oppdrag validate FILE' in an editor
should not wait for it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from oppdrag import __version__
from oppdrag.check.settings import Selection
from oppdrag.cli.console import (
    EXIT_OK,
    EXIT_USAGE,
    ColorChoice,
    Content,
    error_line,
    stdout_is_terminal,
    table_width,
    use_color,
    write_output,
)
from oppdrag.config import CheckSettings, Settings, find_config, load_settings
from oppdrag.diagnostics import Severity
from oppdrag.engine.run import Keep, Options, Plan, check_paths
from oppdrag.errors import InputError, OppdragError
from oppdrag.locale import Lang, language_from_environment, text
from oppdrag.report import EXIT_FINDINGS, FileReport, MissionReport, RunReport
from oppdrag.reporters import (
    DEFAULT_MAX_FINDINGS,
    CheckFormat,
    ClassifyFormat,
    EvalFormat,
    ExplainFormat,
    RenderContext,
    ReportFormat,
    RunFormat,
    ValidateFormat,
    render_in_pieces,
)
from oppdrag.source.shape import Limits

if TYPE_CHECKING:
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.classify.scorer import Scorer, VerdictChange
    from oppdrag.reporters.json import JsonFiles
    from oppdrag.reporters.portfolio import Portfolio

DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


class UsageError(Exception):
    """An option that turns out wrong once the settings are read."""


# --- what the commands share -------------------------------------------------


def language(lang: str | None, loaded: Settings | None = None) -> Lang:
    """The message language: the option (en, nb, or nn for reports), else the rest.

    The rest is OPPDRAG_LANG, else the ``lang`` setting, else the locale.
    """
    chosen: dict[str | None, Lang] = {"en": "en", "nb": "nb", "nn": "nn"}
    setting = loaded.check.lang if loaded is not None and loaded.check else None
    return chosen.get(lang) or language_from_environment(setting=setting)


def here_language() -> Lang:
    """The language of a command that reads no proposals (rule, schema, new).

    As ``language``, with the settings found from the current folder; a
    settings file that cannot be read is that command's business to ignore.
    """
    try:
        found = find_config(Path.cwd(), here=Path.cwd(), home=_home())
        loaded = load_settings(found)
    except OppdragError:
        return language_from_environment()
    return language(None, loaded)


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
        raise ValueError(msg)
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "b").lower()])


def start_folder(paths: Sequence[str]) -> Path:
    """Where the settings and the project's top are looked for: the first path's folder.

    The current folder when no path is given (or only '-' for standard input).
    """
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        folder = path if path.is_dir() else path.parent
        return folder if folder.is_dir() else Path.cwd()
    return Path.cwd()


def settings(config: Path | None, start: Path | None = None) -> Settings:
    """The settings from --config or the nearest settings file; a bad one exits 2.

    The nearest file is looked for from ``start`` (see ``start_folder``).
    Exits with SystemExit, which both typer and the fast path pass on.
    """
    if config is not None and not config.is_file():
        error_line(f"{config}: no such settings file")
        raise SystemExit(EXIT_USAGE)
    try:
        if config is None:
            config = find_config(start or Path.cwd(), here=Path.cwd(), home=_home())
        loaded = load_settings(config)
        if loaded.changes_rulebook:
            loaded.rulebook()  # check the overrides now, with a clear message
    except OppdragError as error:
        error_line(str(error))
        raise SystemExit(EXIT_USAGE) from None
    return loaded


def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, KeyError):  # no home folder known
        return None


def project_root(loaded: Settings, start: Path | None = None) -> Path:
    """The project's top folder: the git repository's, else the settings', else here.

    The repository is the one holding ``start`` (the folder checked). CI
    systems resolve paths against the repository, so SARIF, GitLab, GitHub
    annotations and baselines give paths from its top folder, wherever
    oppdrag was started.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    if loaded.root is not None:
        return loaded.root.resolve()
    return Path.cwd().resolve()


def _rulebook(loaded: Settings) -> Rulebook | None:
    """The configured rulebook, or None for the shipped one (built only if needed)."""
    return loaded.rulebook() if loaded.changes_rulebook else None


def run_report(
    paths: list[str],
    options: Options,
    lang: Lang,
    progress: Callable[[int, int], None] | None = None,
    each: Callable[[FileReport], FileReport] | None = None,
) -> RunReport:
    """Run the engine over ``paths`` and report unusable paths on stderr.

    ``each`` gets every file's report as it is ready (see ``check_paths``).
    """
    stdin = read_stdin(options.limits.max_file_bytes, lang) if "-" in paths else None
    report = check_paths(paths, options, stdin, progress=progress, each=each)
    for problem in report.problems:
        error_line(
            text(lang, problem.message_id, path=problem.path, reason=problem.reason)
        )
    if report.skipped:
        shown = _some(report.skipped)
        message = text(lang, "ui.skipped", count=len(report.skipped), files=shown)
        error_line(message, prefix="oppdrag: ")
    if report.not_followed:
        folders = _some(report.not_followed)
        count = len(report.not_followed)
        message = text(lang, "ui.not_followed", count=count, folders=folders)
        error_line(message, prefix="oppdrag: ")
    return report


def _some(names: tuple[str, ...], shown: int = 5) -> str:
    """The first few names, and '…' when there are more."""
    return ", ".join(names[:shown]) + (", …" if len(names) > shown else "")


def read_stdin(limit: int, lang: Lang) -> bytes:
    """Standard input, up to one byte past ``limit`` (an endless stream stops there).

    Exits with code 2 when there is no standard input to read (it was closed).
    """
    try:
        if sys.stdin is None:
            raise OSError("closed")
        return sys.stdin.buffer.read(limit + 1)
    except (OSError, ValueError):  # ValueError: reading a closed file
        error_line(text(lang, "ui.stdin_closed"))
        raise SystemExit(EXIT_USAGE) from None


def _write_report(
    content: Content, output: Path | None, lang: Lang, report: RunReport
) -> bool:
    """Write a report, unless a path given could not be used (the run ends with 2).

    A report file then keeps what it held: a typo in a path ('deks' for
    'desk') must not replace a good portfolio with one of no missions.
    """
    if output is not None and report.problems:
        error_line(text(lang, "ui.report_kept", path=str(output)), prefix="oppdrag: ")
        return True
    return write_output(content, output, lang)


def _written(ok: bool, code: int) -> int:
    """The run's exit code, or 2 when its report could not be written."""
    return code if ok else EXIT_USAGE


def _screen(lang: Lang, choice: ColorChoice, output: Path | None) -> RenderContext:
    """Colour and width for output going to ``output`` (None: standard output)."""
    to_terminal = output is None and stdout_is_terminal()
    return RenderContext(
        lang,
        use_color(choice, to_terminal=to_terminal),
        width=table_width(to_terminal=to_terminal),
    )


@dataclass(frozen=True, slots=True)
class RunSettings:
    """The options every command that reads proposals shares."""

    lang: str | None = None
    color: ColorChoice = ColorChoice.AUTO
    config: Path | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    stdin_filename: str = "<stdin>"
    jobs: int = 0
    force_exclude: bool = False

    def options(
        self,
        plan: Plan,
        loaded: Settings,
        keep: Keep = Keep.EVERYTHING,
        start: Path | None = None,
    ) -> Options:
        """The engine's options for ``plan``, with the configured rulebook.

        Every command leaves out the same files (exclude, .gitignore).
        ``keep`` says what the command's output needs of each file; ``start``
        is the folder checked (see ``start_folder``).
        """
        configured = loaded.check
        return Options(
            keep=keep,
            plan=plan,
            limits=Limits(max_file_bytes=self.max_file_bytes),
            stdin_name=self.stdin_filename,
            check=configured,
            settings_root=loaded.root,
            force_exclude=self.force_exclude
            or (configured is not None and configured.force_exclude),
            rulebook=_rulebook(loaded),
            jobs=self.jobs or None,
            project_root=str(project_root(loaded, start)),
        )


# --- the requests ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    """'oppdrag validate'; the defaults are the command's."""

    paths: list[str]
    output_format: ValidateFormat = ValidateFormat.TEXT
    output: Path | None = None
    quiet: bool = False
    run: RunSettings = field(default_factory=RunSettings)


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """One requested output of 'check': a format and where it goes (None: stdout)."""

    format: CheckFormat
    path: Path | None


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """'oppdrag check'."""

    paths: list[str]
    outputs: list[OutputSpec]
    fail_on: Severity | None = None
    exit_zero: bool = False
    select: str | None = None
    extend_select: str | None = None
    ignore: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    statistics: bool = False
    quiet: bool = False
    max_findings: int = DEFAULT_MAX_FINDINGS
    run: RunSettings = field(default_factory=RunSettings)


@dataclass(frozen=True, slots=True)
class ClassifyRequest:
    """'oppdrag classify'."""

    paths: list[str]
    output_format: ClassifyFormat = ClassifyFormat.TABLE
    output: Path | None = None
    run: RunSettings = field(default_factory=RunSettings)


@dataclass(frozen=True, slots=True)
class ExplainRequest:
    """'oppdrag explain': the reasoning for missions, or (no paths) the rulebook."""

    paths: list[str]
    mission_id: str | None = None
    output_format: ExplainFormat = ExplainFormat.TEXT
    output: Path | None = None
    run: RunSettings = field(default_factory=RunSettings)


@dataclass(frozen=True, slots=True)
class EvalRequest:
    """'oppdrag eval'."""

    paths: list[str]
    output_format: EvalFormat = EvalFormat.TEXT
    output: Path | None = None
    run: RunSettings = field(default_factory=RunSettings)


@dataclass(frozen=True, slots=True)
class ReportOutput:
    """One requested output of 'report': a format and where it goes (None: stdout)."""

    format: ReportFormat
    path: Path | None


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """'oppdrag report': the portfolio as a web page, a workbook or Markdown."""

    paths: list[str]
    outputs: list[ReportOutput]
    title: str | None = None
    exit_zero: bool = False
    run: RunSettings = field(default_factory=RunSettings)


Request = (
    ValidateRequest
    | CheckRequest
    | ClassifyRequest
    | ExplainRequest
    | EvalRequest
    | ReportRequest
)


def execute(request: Request) -> int:
    """Run one command and return its exit code."""
    match request:
        case ValidateRequest():
            return _validate(request)
        case CheckRequest():
            return _check(request)
        case ClassifyRequest():
            return _classify(request)
        case ExplainRequest():
            return _explain(request)
        case EvalRequest():
            return _evaluate(request)
        case ReportRequest():
            return _report(request)
        case _:
            assert_never(request)


# --- validate, classify, eval ----------------------------------------------


def _validate(request: ValidateRequest) -> int:
    run = request.run
    fmt = request.output_format
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    options = run.options(Plan.VALIDATE, loaded, _keeps(fmt, Keep.FINDINGS), start)
    context = dataclasses.replace(
        _screen(lang, run.color, request.output), quiet=request.quiet
    )
    return _run_and_write(request.paths, options, context, fmt, request.output)


def _classify(request: ClassifyRequest) -> int:
    run = request.run
    fmt = request.output_format
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    options = run.options(Plan.CLASSIFY, loaded, _keeps(fmt, Keep.SUMMARY), start)
    context = _screen(lang, run.color, request.output)
    return _run_and_write(request.paths, options, context, fmt, request.output)


def _run_and_write(
    paths: list[str],
    options: Options,
    context: RenderContext,
    fmt: RunFormat,
    output: Path | None,
) -> int:
    """Run a command with one output and write it; the exit code."""
    lang = context.lang
    with _streamed_json(fmt == "json", lang) as spool:
        report = run_report(paths, options, lang, each=_adder(spool))
        content = _content(report, fmt, context, spool, options.plan.value)
        written = _write_report(content, output, lang, report)
    return _written(written, report.exit_code())


@contextlib.contextmanager
def _streamed_json(wanted: bool, lang: Lang) -> Iterator[JsonFiles | None]:
    """For a JSON report: where each file's part goes as the file is checked.

    The run then keeps only the findings of each file (for the summary, the
    other outputs and the exit code), so its memory does not grow with the
    number of files.
    """
    if not wanted:
        yield None
        return
    from oppdrag.reporters.json import JsonFiles  # noqa: PLC0415 -- only for JSON

    with JsonFiles(lang, Keep.FINDINGS) as spool:
        yield spool


def _adder(spool: JsonFiles | None) -> Callable[[FileReport], FileReport] | None:
    return None if spool is None else spool.add


def _content(
    report: RunReport,
    fmt: RunFormat,
    context: RenderContext,
    spool: JsonFiles | None,
    command: str,
) -> Content:
    """The report in ``fmt``: put together from the spool when it was streamed."""
    if spool is not None:
        return spool.document(report, command)
    return render_in_pieces(report, fmt, context)


def _keeps(fmt: RunFormat, otherwise: Keep) -> Keep:
    """What ``fmt`` needs of each file: the JSON formats show all the evidence."""
    return Keep.EVIDENCE if fmt == "json" else otherwise


def _evaluate(request: EvalRequest) -> int:
    from oppdrag.classify.rulebook import default_rulebook  # noqa: PLC0415
    from oppdrag.engine.evaluate import evaluate  # noqa: PLC0415
    from oppdrag.reporters.evaluation import render_evaluation  # noqa: PLC0415

    run = request.run
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    options = run.options(Plan.CLASSIFY, loaded, start=start)
    report = run_report(request.paths, options, lang)
    result = evaluate(report, options.rulebook or default_rulebook())
    if not result.cases:
        error_line(text(lang, "eval.none_labelled"))
        return EXIT_USAGE
    context = _screen(lang, run.color, request.output)
    content = render_evaluation(result, request.output_format, context)
    written = _write_report(content, request.output, lang, report)
    return _written(written, report.exit_code())


# --- report --------------------------------------------------------------------


def _report(request: ReportRequest) -> int:
    """The portfolio: read, validate, check and classify as check and classify do."""
    from oppdrag.classify.rulebook import default_rulebook  # noqa: PLC0415
    from oppdrag.reporters.portfolio import PortfolioBuilder  # noqa: PLC0415

    run = request.run
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    options = dataclasses.replace(
        run.options(Plan.REPORT, loaded, start=start), check=loaded.check_settings()
    )
    if loaded.check is not None and loaded.check.reference_year is not None:
        options = dataclasses.replace(
            options, reference_year=loaded.check.reference_year
        )
    # Each file becomes the portfolio's values as soon as it is checked.
    builder = PortfolioBuilder(options.rulebook or default_rulebook(), lang)
    report = run_report(request.paths, options, lang, each=builder.add)
    portfolio = builder.build(report, request.title)
    written = True
    for output in request.outputs:
        content = _portfolio_as(portfolio, output.format)
        written = _write_report(content, output.path, lang, report) and written
    # A report describes the proposals: the check's findings do not fail it,
    # but invalid proposals do, as in 'classify'.
    if report.incomplete:
        code = EXIT_USAGE
    elif request.exit_zero or all(f.valid for f in report.files):
        code = EXIT_OK
    else:
        code = EXIT_FINDINGS
    return _written(written, code)


def _portfolio_as(portfolio: Portfolio, fmt: ReportFormat) -> Content:
    from oppdrag.reporters.html import portfolio_html_pieces  # noqa: PLC0415
    from oppdrag.reporters.tabular import render_portfolio_markdown  # noqa: PLC0415
    from oppdrag.reporters.workbook import render_portfolio_xlsx  # noqa: PLC0415

    match fmt:
        case ReportFormat.HTML:
            return portfolio_html_pieces(portfolio)  # written as it is made
        case ReportFormat.XLSX:
            return render_portfolio_xlsx(portfolio)
        case ReportFormat.MARKDOWN:
            return render_portfolio_markdown(portfolio)
        case _:
            assert_never(fmt)


# --- explain -----------------------------------------------------------------


def _explain(request: ExplainRequest) -> int:
    """Every mission of the paths (or the one with --id), in the chosen format."""
    from oppdrag.classify.rulebook import default_rulebook  # noqa: PLC0415
    from oppdrag.reporters.explain import render_criteria  # noqa: PLC0415

    run = request.run
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    screen = _screen(lang, run.color, request.output)
    options = run.options(Plan.CLASSIFY, loaded, start=start)
    rulebook = options.rulebook or default_rulebook()
    if not request.paths:
        content = render_criteria(rulebook, screen)
        return _written(write_output(content, request.output, lang), EXIT_OK)
    report = run_report(request.paths, options, lang)
    chosen = _chosen_units(report, request, lang)
    if isinstance(chosen, int):
        return chosen
    explainable = [(f, u) for f, u in chosen if u.classification is not None]
    for path in dict.fromkeys(f.path for f, u in chosen if u.classification is None):
        error_line(text(lang, "explain.invalid", path=path))
    content = _explanations(explainable, rulebook, request.output_format, screen)
    written = (
        _write_report(content, request.output, lang, report) if explainable else True
    )
    unexplained = len(explainable) < len(chosen) or any(
        not f.units for f in report.files
    )
    if report.incomplete:
        code = EXIT_USAGE
    else:
        code = EXIT_FINDINGS if unexplained else EXIT_OK
    return _written(written, code)


Explained = list[tuple[FileReport, MissionReport]]


def _chosen_units(
    report: RunReport, request: ExplainRequest, lang: Lang
) -> Explained | int:
    """The missions to explain, or the exit code after saying why there are none.

    A file that could not be read as a proposal counts as an invalid mission,
    so that it is named rather than silently left out.
    """
    from oppdrag.reporters.portfolio import mission_units  # noqa: PLC0415

    units = mission_units(report)
    unreadable = [f for f in report.files if not f.units]
    for file in unreadable:
        error_line(text(lang, "explain.invalid", path=file.path))
    if request.mission_id is not None:
        known = list(dict.fromkeys(u.id or "?" for _, u in units))
        units = [(f, u) for f, u in units if u.id == request.mission_id]
        if not units:
            ids = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
            where = " ".join(request.paths)
            message = "explain.no_such_id"
            error_line(text(lang, message, path=where, id=request.mission_id, ids=ids))
            return EXIT_USAGE
    if not units:
        return EXIT_USAGE if report.problems or not unreadable else EXIT_FINDINGS
    return units


def _explanations(
    units: Explained, rulebook: Rulebook, fmt: ExplainFormat, screen: RenderContext
) -> str:
    from oppdrag.classify.scorer import Scorer  # noqa: PLC0415
    from oppdrag.reporters.explain import (  # noqa: PLC0415
        render_explanation,
        render_explanations_json,
        render_explanations_markdown,
    )
    from oppdrag.reporters.html import render_explanations_html  # noqa: PLC0415
    from oppdrag.reporters.portfolio import explained_missions  # noqa: PLC0415

    scorer = Scorer(rulebook)
    lang = screen.lang
    match fmt:
        case ExplainFormat.TEXT:
            return "\n".join(
                render_explanation(f.path, u, rulebook, _change(u, scorer), screen)
                for f, u in units
            )
        case ExplainFormat.JSON:
            triples = tuple((f.path, u, _change(u, scorer)) for f, u in units)
            return render_explanations_json(triples, lang)
        case ExplainFormat.MARKDOWN:
            views = explained_missions(units, rulebook, lang)
            return render_explanations_markdown(views, lang)
        case ExplainFormat.HTML:
            views = explained_missions(units, rulebook, lang)
            return render_explanations_html(views, lang, __version__)
        case _:
            assert_never(fmt)


def _change(unit: MissionReport, scorer: Scorer) -> VerdictChange | None:
    from oppdrag.classify.scorer import verdict_change  # noqa: PLC0415

    assert unit.classification is not None  # only classified missions are explained
    return verdict_change(unit.classification, scorer)


# --- check -------------------------------------------------------------------


def _check(request: CheckRequest) -> int:
    run = request.run
    start = start_folder(request.paths)
    loaded = settings(run.config, start)
    lang = language(run.lang, loaded)
    check_settings = _with_flags(loaded.check_settings(), request)
    json_out = any(spec.format == "json" for spec in request.outputs)
    keep = Keep.EVIDENCE if json_out else Keep.FINDINGS
    options = dataclasses.replace(
        run.options(Plan.CHECK, loaded, keep, start), check=check_settings
    )
    if check_settings.reference_year is not None:
        options = dataclasses.replace(
            options, reference_year=check_settings.reference_year
        )
    progress = _progress_bar() if sys.stderr.isatty() else None
    # A JSON report is written file by file as the run goes, but for a
    # baseline, which is compared with the whole run at its end.
    streams = json_out and not (request.baseline or request.write_baseline)
    with _streamed_json(streams, lang) as spool:
        found = run_report(request.paths, options, lang, progress, _adder(spool))
        selection = Selection(check_settings, loaded.root)
        report = _baselines(found, request, selection, lang)
        if isinstance(report, int):
            return report
        written = _write_check_outputs(report, request, lang, spool)
    if request.statistics:
        _print_statistics(report, to_stderr=_machine_format_on_stdout(request))
    code = report.exit_code(check_settings.fail_on)
    # Recording a baseline is the job asked for: its findings are not a failure.
    accepted = request.exit_zero or request.write_baseline is not None
    code = EXIT_OK if accepted and code == EXIT_FINDINGS else code
    return _written(written, code)


# Formats for people; anything else on standard output is read by a program,
# which extra lines (statistics) would break.
_FOR_PEOPLE = frozenset({CheckFormat.TEXT, CheckFormat.CONCISE, CheckFormat.GITHUB})


def _write_check_outputs(
    report: RunReport, request: CheckRequest, lang: Lang, spool: JsonFiles | None
) -> bool:
    """Write every output; False when one of them could not be written."""
    colored = use_color(request.run.color, to_terminal=stdout_is_terminal())
    written = True
    for spec in request.outputs:
        on_screen = colored and spec.path is None
        context = RenderContext(
            lang,
            on_screen,
            request.quiet,
            request.max_findings,
            table_width(to_terminal=spec.path is None and stdout_is_terminal()),
        )
        fmt = spec.format
        content = _content(
            report, fmt, context, spool if fmt == "json" else None, "check"
        )
        # A report that cannot be written must not stop the others.
        written = _write_report(content, spec.path, lang, report) and written
    return written


def _machine_format_on_stdout(request: CheckRequest) -> bool:
    return any(
        spec.path is None and spec.format not in _FOR_PEOPLE for spec in request.outputs
    )


def output_conflict(specs: list[OutputSpec]) -> str | None:
    """Why these outputs cannot all be written, or None when they can.

    Standard output takes one format, so that a program reading it gets one
    document; GitHub annotations may join the text, as the runner picks them
    out of the log. Two formats never go to the same file.
    """
    lang = language_from_environment()
    on_stdout = {spec.format for spec in specs if spec.path is None}
    if len(on_stdout) > 1 and not on_stdout <= _SHARE_STDOUT:
        return text(lang, "ui.one_stdout", formats=", ".join(sorted(on_stdout)))
    targets = [spec.path.resolve() for spec in specs if spec.path is not None]
    repeated = sorted({str(t) for t in targets if targets.count(t) > 1})
    if repeated:
        return text(lang, "ui.same_target", path=repeated[0])
    return None


# Formats that may share standard output: text, and annotations for the runner.
_SHARE_STDOUT = frozenset({CheckFormat.TEXT, CheckFormat.CONCISE, CheckFormat.GITHUB})


def default_outputs() -> list[CheckFormat]:
    """Text, and GitHub annotations when running in GitHub Actions."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return [CheckFormat.TEXT, CheckFormat.GITHUB]
    return [CheckFormat.TEXT]


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


def _with_flags(check_settings: CheckSettings, request: CheckRequest) -> CheckSettings:
    """The configured settings with the command-line flags on top."""
    from pydantic import ValidationError  # noqa: PLC0415

    update: dict[str, object] = {}
    if request.select is not None:
        update["select"] = _codes(request.select)
    if request.extend_select is not None:
        extended = check_settings.extend_select + _codes(request.extend_select)
        update["extend_select"] = extended
    if request.ignore is not None:
        update["ignore"] = check_settings.ignore + _codes(request.ignore)
    if request.fail_on is not None:
        update["fail_on"] = request.fail_on
    try:
        return type(check_settings).model_validate(
            {**check_settings.model_dump(), **update}
        )
    except ValidationError as error:
        detail = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
        raise UsageError(detail) from None


def _progress_bar() -> Callable[[int, int], None]:
    """A progress line on standard error for long batches (a terminal only)."""

    def show(done: int, total: int) -> None:
        if total >= 200:
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r{done}/{total} files{end}")
            sys.stderr.flush()

    return show


def _baselines(
    report: RunReport, request: CheckRequest, selection: Selection, lang: Lang
) -> RunReport | int:
    """The report without baselined findings (or the exit code for a bad baseline)."""
    from oppdrag.check.baseline import (  # noqa: PLC0415
        apply_baseline,
        baseline_json,
        load_baseline,
        rule_ran,
    )

    baseline, write_to = request.baseline, request.write_baseline

    if write_to is not None and not _write_report(
        baseline_json(report), write_to, lang, report
    ):
        return EXIT_USAGE
    if baseline is None:
        return report
    try:
        entries = load_baseline(baseline)
    except InputError as error:
        error_line(f"{baseline}: cannot use the baseline: {error}")
        return EXIT_USAGE

    def ran(file: FileReport, code: str) -> bool:
        return rule_ran(file, code) and selection.selects(code, file.path)

    report, fixed, hidden = apply_baseline(report, entries, ran)
    error_line(
        text(lang, "check.baseline", hidden=hidden, fixed=len(fixed)),
        prefix="oppdrag: ",
    )
    for entry in fixed:
        line = text(
            lang, "check.fixed", file=entry.file, code=entry.code, path=entry.path
        )
        error_line(line, prefix="  ")
    return report


def _print_statistics(report: RunReport, *, to_stderr: bool) -> None:
    from oppdrag.check.baseline import statistics  # noqa: PLC0415
    from oppdrag.rules.registry import by_code  # noqa: PLC0415

    for code, count in statistics(report):
        rule = by_code(code)
        name = rule.name if rule else ""
        stream = sys.stderr if to_stderr else sys.stdout
        stream.write(f"{count:>6}  {code}  {name}\n")
