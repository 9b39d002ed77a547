"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from oppdrag.diagnostics import Severity
from oppdrag.locale import Lang
from oppdrag.report import RunReport, posix_path
from oppdrag.reporters.tabular import FlatFinding, flatten
from oppdrag.visible import visible

_COMMAND = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def render_github(report: RunReport, lang: Lang) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` lines for a workflow log.

    The help follows the message on a second line of the annotation.

    Args:
        report: The run to render.
        lang: The language of the messages.

    Returns:
        One workflow command per finding, escaped as GitHub requires.
    """
    return "".join(
        _command(item) + "\n" for item in flatten(report, lang, from_root=True)
    )


def _command(item: FlatFinding) -> str:
    finding = item.finding
    title = f"{finding.code} {item.rule_name}".rstrip()
    properties = {
        "file": posix_path(item.file),
        "line": str(item.line),
        "col": str(item.column),
        "title": title,
    }
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items())
    message = f"{item.message}\n{item.help}" if item.help else item.message
    return f"::{_COMMAND[finding.severity]} {joined}::{escape_data(message)}"


def escape_data(value: str) -> str:
    """Escape the message of a workflow command (``%``, CR and LF).

    Args:
        value: The raw text.

    Returns:
        The text with ``%``, carriage returns and line feeds percent-encoded,
        and any other control character as a visible escape: the runner reads
        the line as it is, and must find no other line ending in it.
    """
    encoded = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(encoded)


def escape_property(value: str) -> str:
    """Escape a property value of a workflow command (also ``:`` and ``,``).

    Args:
        value: The raw text.

    Returns:
        The text escaped like a message, with ``:`` and ``,`` encoded too.
    """
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
