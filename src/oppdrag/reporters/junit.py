"""JUnit XML for CI test tabs: a suite per file, a test case per mission.

The document follows the Jenkins xUnit plugin's junit-10.xsd, which GitLab and
most CI systems also read: ``failures`` counts failed test cases, and the file
is an attribute of its suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from oppdrag.diagnostics import Severity, format_path
from oppdrag.locale import Lang, text
from oppdrag.report import FileReport, MissionReport, RunReport
from oppdrag.reporters.tabular import FlatFinding, flatten
from oppdrag.visible import visible

# Characters XML 1.0 cannot hold even escaped (control characters, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(report: RunReport, lang: Lang) -> str:
    """One ``<testsuite>`` per file and one ``<testcase>`` per mission.

    Each error is a ``<failure>``; warnings and infos go to ``<system-out>``.
    File-level findings get a test case of their own.

    Args:
        report: The run to render.
        lang: The language of the messages and test names.

    Returns:
        The XML document, with ``tests`` and ``failures`` counts that add up.
        ``time`` is 0: oppdrag does not time files, so that the same files
        give the same report on every run.
    """
    by_file: dict[str, list[FlatFinding]] = {}
    for item in flatten(report, lang):
        by_file.setdefault(item.file, []).append(item)
    root = ET.Element("testsuites", name="oppdrag")
    for file_report in report.files:
        root.append(_suite(file_report, by_file.get(file_report.path, []), lang))
    _set_counts(
        root,
        tests=sum(int(suite.get("tests", "0")) for suite in root),
        failures=sum(int(suite.get("failures", "0")) for suite in root),
    )
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _suite(file_report: FileReport, items: list[FlatFinding], lang: Lang) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(file_report.path))
    cases = [
        _case(file_report.path, name, group, lang)
        for name, group in _groups(file_report, items, lang)
    ]
    suite.extend(cases)
    # A test case fails once, however many errors it has.
    failures = sum(1 for case in cases if case.find("failure") is not None)
    _set_counts(suite, tests=len(cases), failures=failures)
    suite.set("file", _clean(file_report.path))
    return suite


def _groups(
    file_report: FileReport, items: list[FlatFinding], lang: Lang
) -> Iterator[tuple[str, list[FlatFinding]]]:
    """The test cases of a file: its own findings (if any), then each unit."""
    own = [item for item in items if item.unit is None]
    if own or not file_report.units:
        yield text(lang, "ui.file"), own
    for unit in file_report.units:
        yield _case_name(unit, lang), [item for item in items if item.unit is unit]


def _case_name(unit: MissionReport, lang: Lang) -> str:
    # An invalid mission's id may hold anything; XML keeps most control
    # characters out, but not a carriage return or a bidirectional control.
    if unit.id:
        return visible(unit.id)
    name = f"{text(lang, 'ui.document')} {unit.document + 1}"
    return f"{name} {visible(format_path(unit.path))}" if unit.path else name


def _case(path: str, name: str, items: list[FlatFinding], lang: Lang) -> ET.Element:
    case = ET.Element("testcase", classname=_clean(path), name=_clean(name))
    case.set("time", "0")
    others = []
    for item in items:
        finding = item.finding
        if finding.severity is Severity.ERROR:
            failure = ET.SubElement(
                case, "failure", message=_clean(item.message), type=finding.code
            )
            line = f"{item.where}: {finding.code} {item.message}"
            failure.text = _clean(f"{line}\n{item.help}" if item.help else line)
        else:
            severity = text(lang, f"ui.{finding.severity.value}")
            others.append(f"{item.where}: {finding.code} [{severity}] {item.message}")
    if others:
        ET.SubElement(case, "system-out").text = _clean("\n".join(others))
    return case


def _set_counts(element: ET.Element, *, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("time", "0")


def _clean(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)
