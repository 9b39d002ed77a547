"""Findings for people: ``file:line:col: CODE message``, the source line, a help."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

from oppdrag.diagnostics import Finding, Severity, format_path
from oppdrag.locale import Lang, message_and_help, text
from oppdrag.report import Counts, FileReport, MissionReport, RunReport
from oppdrag.visible import visible

# A line is a list of (text, rich style) pieces; without colour the styles are dropped.
Piece = tuple[str, str]
Line = list[Piece]

_SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
}


def render_text(
    report: RunReport, lang: Lang, *, color: bool, quiet: bool = False
) -> str:
    """All findings, file by file, then a summary line (unless ``quiet``)."""
    return "".join(text_pieces(report, lang, color=color, quiet=quiet))


def text_pieces(
    report: RunReport, lang: Lang, *, color: bool, quiet: bool = False
) -> Iterator[str]:
    """The text of ``render_text`` a file at a time, to write as it comes.

    The findings of a long run are then never all turned into text at once.
    """
    write = _writer(color=color)
    for file_report in report.files:
        lines = list(_file_lines(file_report, lang))
        if lines:
            yield write(lines)
    if not quiet:
        yield write([_summary_line(report.counts(), lang)])


def _file_lines(file_report: FileReport, lang: Lang) -> Iterator[Line]:
    stopped = file_report.readable is False
    for unit, finding in file_report.all_findings():
        yield from _finding_lines(line_safe(file_report.path), unit, finding, lang)
        if stopped and unit is None and finding in file_report.findings:
            # The reader stopped here: say that the rest went unchecked.
            note = text(lang, "ui.read_stopped")
            yield [(f"    = {text(lang, 'ui.note')}: ", "cyan"), (note, "")]
            stopped = False


def _finding_lines(
    path: str, unit: MissionReport | None, finding: Finding, lang: Lang
) -> Iterator[Line]:
    message, help_text = message_and_help(lang, finding.message_id, finding.args)
    where = path
    if finding.position is not None:
        where += f":{finding.position.line}:{finding.position.column}"
    # The keys of a data path and an invalid mission's id come from the input.
    data_path = visible(format_path(finding.path))
    severity = text(lang, f"ui.{finding.severity.value}")
    head: Line = [
        (f"{where}: ", "bold"),
        (finding.code, _SEVERITY_STYLE[finding.severity]),
        (f" {severity}: ", _SEVERITY_STYLE[finding.severity]),
        (message, ""),
    ]
    if data_path:
        head.append((f"  [{data_path}]", "dim"))
    elif unit is not None and unit.id:
        head.append((f"  [{visible(unit.id)}]", "dim"))
    yield head
    if finding.excerpt and finding.position is not None:
        yield from _excerpt_lines(finding.excerpt, finding.position.line)
    if help_text:
        yield [(f"    = {text(lang, 'ui.help')}: ", "cyan"), (help_text, "")]


def _excerpt_lines(excerpt: str, line_number: int) -> Iterator[Line]:
    source, _, caret = excerpt.partition("\n")
    gutter = f"{line_number:>5} | "
    yield [(gutter, "blue"), (source, "")]
    yield [(" " * (len(gutter) - 2) + "| ", "blue"), (caret, "bold red")]


def _summary_line(counts: Counts, lang: Lang) -> Line:
    summary, findings = summary_parts(counts, lang)
    if counts.errors or counts.warnings or counts.infos:
        return [
            (summary, "bold"),
            ("; ", ""),
            (findings, "bold red" if counts.errors else ""),
        ]
    return [(summary, "bold green")]


def _writer(*, color: bool) -> Callable[[list[Line]], str]:
    """What turns lines into text: plain, or with rich's colour codes."""
    if not color:
        return _plain
    from rich.console import Console  # noqa: PLC0415 -- only coloured output needs rich
    from rich.text import Text  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, color_system="standard", width=10_000
    )

    def coloured(lines: list[Line]) -> str:
        buffer.seek(0)
        buffer.truncate()
        for line in lines:
            console.print(Text.assemble(*line), soft_wrap=True, highlight=False)
        return buffer.getvalue()

    return coloured


def _plain(lines: list[Line]) -> str:
    return "".join("".join(piece for piece, _ in line) + "\n" for line in lines)


def summary_parts(counts: Counts, lang: Lang) -> tuple[str, str]:
    """The run's summary: files and missions, then the findings by severity."""
    summary = text(
        lang,
        "ui.summary",
        files=counts.files,
        units=counts.units,
        valid=counts.valid,
        invalid=counts.invalid,
    )
    if counts.unchecked:
        unchecked = text(lang, "ui.summary_unchecked", count=counts.unchecked)
        summary = f"{summary}; {unchecked}"
    findings = text(
        lang,
        "ui.summary_findings",
        errors=counts.errors,
        warnings=counts.warnings,
        infos=counts.infos,
    )
    return summary, findings


def line_safe(path: str) -> str:
    """A path that cannot start a CI runner's command when it begins a line.

    GitHub Actions reads any log line starting with '::' as a workflow command;
    a file named '::error::x.yaml' would otherwise forge an annotation.
    """
    return f"./{path}" if path.startswith("::") else path
