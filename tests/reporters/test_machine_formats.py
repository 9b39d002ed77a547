"""The machine-readable finding formats: SARIF, GitHub, GitLab, JUnit, CSV and more."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
import xmlschema
from jsonschema import Draft7Validator

from oppdrag import __version__
from oppdrag.diagnostics import Finding, Position, Severity
from oppdrag.engine.run import Options, check_paths
from oppdrag.locale import Lang
from oppdrag.report import FileReport, RunReport
from oppdrag.report import MissionReport as Unit
from oppdrag.reporters import CheckFormat, RenderContext, render
from oppdrag.reporters.concise import render_concise
from oppdrag.reporters.github import render_github
from oppdrag.reporters.gitlab import render_gitlab
from oppdrag.reporters.junit import render_junit
from oppdrag.reporters.sarif import artifact_uri, render_sarif
from oppdrag.reporters.tabular import (
    CSV_COLUMNS,
    render_findings_csv,
    render_findings_jsonl,
    render_findings_markdown,
)
from oppdrag.source.discover import PathProblem
from tests.conftest import CORPORA, DATA

SARIF_SCHEMA = CORPORA / "sarif" / "sarif-schema-2.1.0.json"
INPUTS = ["six-faults.yaml", "strategy-with-faults.yaml", "classify/"]
EXTENSIONS = {
    "concise": "txt",
    "sarif": "sarif",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "junit": "xml",
    "csv": "csv",
    "excel-csv": "excel.csv",
    "jsonl": "jsonl",
    "markdown": "md",
}
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$"
)
GITLAB_KEYS = {"description", "check_name", "fingerprint", "severity", "location"}


@pytest.fixture
def report(monkeypatch: pytest.MonkeyPatch) -> RunReport:
    """The sample files checked from tests/data, so paths in the output are relative."""
    monkeypatch.chdir(DATA)
    return check_paths(INPUTS, Options())


def _unit(findings: tuple[Finding, ...], mission_id: str | None = "odd") -> Unit:
    return Unit("proposal", 0, None, 1, (), mission_id, "Odd", None, findings)


def _odd_report() -> RunReport:
    """A file-level finding with no position, and a message with a comma and newline."""
    empty = Finding("Y008", Severity.ERROR, "file.empty")
    odd_key = Finding(
        "Y002",
        Severity.ERROR,
        "yaml.duplicate_key",
        {"key": "a,\nb|c"},
        position=Position(3, 2),
    )
    note = Finding("Q999", Severity.INFO, "no.such.message", path=("title",))
    files = (
        FileReport("odd, name.yaml", (empty,), ()),
        FileReport("sub/odd.yaml", (), (_unit((odd_key, odd_key, note)),)),
    )
    return RunReport(files, (), __version__)


def _empty_report() -> RunReport:
    return RunReport((FileReport("ok.yaml", (), (_unit(()),)),), (), __version__)


def _all_findings(report: RunReport) -> list[Finding]:
    return [f for file in report.files for _, f in file.all_findings()]


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_output_matches_golden(
    report: RunReport,
    golden: Callable[[str, str], None],
    fmt: str,
    lang: Lang,
) -> None:
    """Each finding format, in each language, is exactly the reviewed output."""
    output = render(report, CheckFormat(fmt), RenderContext(lang))

    golden(
        f"check/findings.{lang}.{EXTENSIONS[fmt]}",
        output.replace(__version__, "<version>"),
    )


def test_every_format_is_registered_and_deterministic(report: RunReport) -> None:
    """All nine formats can be chosen by name and give the same bytes every time."""
    assert {str(f) for f in CheckFormat} - {"text", "json"} == set(EXTENSIONS)
    for fmt in EXTENSIONS:
        first = render(report, CheckFormat(fmt), RenderContext("en"))
        assert first == render(report, CheckFormat(fmt), RenderContext("en"))
        assert first.endswith("\n")


@pytest.mark.parametrize("make", [_odd_report, _empty_report])
def test_sarif_validates_against_the_schema(make: Callable[[], RunReport]) -> None:
    """SARIF output is accepted by the official 2.1.0 schema, even for odd findings."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))

    Draft7Validator(schema).validate(json.loads(render_sarif(make(), "en")))


def test_sarif_of_the_samples_validates_against_the_schema(report: RunReport) -> None:
    """SARIF for real proposals is accepted by the official 2.1.0 schema."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))

    Draft7Validator(schema).validate(json.loads(render_sarif(report, "nb")))


def test_sarif_results_point_at_their_rules(report: RunReport) -> None:
    """Code-scanning tools find each result's rule, with its docs, by id and index."""
    run = json.loads(render_sarif(report, "en"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]

    assert len(run["results"]) == len(_all_findings(report))
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert all("```yaml" in rule["help"]["markdown"] for rule in rules)


def test_sarif_locates_findings_and_fingerprints_them(report: RunReport) -> None:
    """Each result names the file as given and its line, and has a fingerprint."""
    results = json.loads(render_sarif(report, "en"))["runs"][0]["results"]
    first = results[0]["locations"][0]["physicalLocation"]

    assert first["artifactLocation"]["uri"] == "six-faults.yaml"
    assert first["region"] == {"startLine": 4, "startColumn": 1}
    assert results[-1]["level"] == "warning"
    prints = [r["partialFingerprints"]["oppdrag/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_uris_work_on_every_platform() -> None:
    """Windows separators, spaces, Norwegian letters and drive letters give valid URIs."""
    assert artifact_uri("sub\\a ø.yaml", sep="\\") == "sub/a%20%C3%B8.yaml"
    assert artifact_uri("C:\\x\\a.yaml", sep="\\") == "file:///C:/x/a.yaml"
    assert artifact_uri("a:b.yaml") == "a%3Ab.yaml"


def test_a_backslash_in_a_posix_name_is_part_of_the_name() -> None:
    """On Linux 'sub\\a.yaml' is one file: its URI keeps the backslash, encoded."""
    assert artifact_uri("sub\\a.yaml", sep="/") == "sub%5Ca.yaml"


def test_sarif_rule_help_describes_examples_that_are_not_yaml() -> None:
    """A rule whose example is a description shows it as text, not as YAML."""
    binary = Finding("Y004", Severity.ERROR, "file.binary")
    report = RunReport((FileReport("x.yaml", (binary,), ()),), (), __version__)

    rule = json.loads(render_sarif(report, "en"))["runs"][0]["tool"]["driver"]["rules"][
        0
    ]

    assert "*(a PNG or Word file named .yaml)*" in rule["help"]["markdown"]
    assert "```" not in rule["help"]["markdown"]


def test_sarif_reports_paths_that_could_not_be_used() -> None:
    """A missing path marks the SARIF run as unsuccessful, with a notification."""
    report = RunReport((), (PathProblem("ui.path_missing", "nowhere.yaml"),), "1")

    invocation = json.loads(render_sarif(report, "en"))["runs"][0]["invocations"][0]

    assert invocation["executionSuccessful"] is False
    notification = invocation["toolExecutionNotifications"][0]
    assert "nowhere.yaml" in notification["message"]["text"]


def test_github_lines_are_workflow_commands(report: RunReport) -> None:
    """Every line is an annotation GitHub Actions understands, one per finding."""
    lines = render_github(report, "en").splitlines()

    assert len(lines) == len(_all_findings(report))
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert lines[-1].startswith("::warning file=classify/lavutslipp-agder.yaml,")


def test_github_escapes_commas_newlines_and_percent() -> None:
    """A comma in a file name and a newline in a message cannot break the annotation."""
    lines = render_github(_odd_report(), "en").splitlines()

    assert len(lines) == 4
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert lines[0].startswith("::error file=odd%2C name.yaml,line=1,col=1,")
    # The newline in the echoed key is shown as an escape; the one oppdrag puts
    # between the message and its help is encoded as GitHub asks.
    assert "::the key 'a,\\nb|c' appears twice" in lines[1]
    assert "in the same group%0AKeep one" in lines[1]
    assert lines[3].startswith("::notice file=sub/odd.yaml,line=1,col=1,title=Q999::")


def test_gitlab_issues_have_the_required_fields(report: RunReport) -> None:
    """GitLab's merge request widget gets a list of complete Code Quality issues."""
    issues = json.loads(render_gitlab(report, "en"))

    assert isinstance(issues, list)
    assert len(issues) == len(_all_findings(report))
    for issue in issues:
        assert set(issue) >= GITLAB_KEYS
        assert issue["location"]["lines"]["begin"] >= 1
        assert issue["severity"] in {"info", "minor", "major"}


def test_gitlab_fingerprints_are_unique_and_stable(report: RunReport) -> None:
    """GitLab sees the same issue as the same issue across runs, and never merges two."""
    again = check_paths(INPUTS, Options())
    prints = [i["fingerprint"] for i in json.loads(render_gitlab(report, "en"))]
    repeat = [i["fingerprint"] for i in json.loads(render_gitlab(again, "en"))]
    twins = [i["fingerprint"] for i in json.loads(render_gitlab(_odd_report(), "en"))]

    assert prints == repeat
    assert len(set(prints)) == len(prints)
    assert len(set(twins)) == len(twins) == 4


def test_junit_counts_add_up(report: RunReport) -> None:
    """Each error is a <failure>; 'failures' counts the test cases that failed."""
    root = ET.fromstring(render_junit(report, "en"))
    errors = [f for f in _all_findings(report) if f.severity is Severity.ERROR]
    failed = [c for c in root.iter("testcase") if c.find("failure") is not None]

    assert root.tag == "testsuites"
    assert len(root.findall(".//failure")) == len(errors)
    assert int(root.get("failures", "")) == len(failed) < len(errors)
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(
            1 for case in cases if case.find("failure") is not None
        )
        assert suite.get("time") == "0"
        assert all(case.get("time") == "0" for case in cases)
    assert int(root.get("tests", "")) == len(root.findall(".//testcase"))


def test_junit_is_valid_for_jenkins(report: RunReport) -> None:
    """The document validates against the Jenkins xUnit plugin's junit-10.xsd."""
    schema = xmlschema.XMLSchema(str(CORPORA / "junit" / "junit-10.xsd"))

    schema.validate(render_junit(report, "en"))
    schema.validate(render_junit(_odd_report(), "nb"))


def test_junit_gives_file_level_findings_a_test_case() -> None:
    """An empty file fails a test case of its own, named after the file."""
    root = ET.fromstring(render_junit(_odd_report(), "en"))
    first = root.findall("testsuite")[0]

    assert first.get("name") == "odd, name.yaml"
    case = first.findall("testcase")[0]
    assert case.get("name") == "file"
    assert case.findall("failure")[0].get("type") == "Y008"
    note = root.findall(".//system-out")[0].text or ""
    assert "Q999 [info]" in note


def test_csv_has_one_row_per_finding(report: RunReport) -> None:
    """Spreadsheets read one row per finding, with the documented columns."""
    rows = list(csv.DictReader(io.StringIO(render_findings_csv(report, "en"))))

    assert len(rows) == len(_all_findings(report))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["rule"] == "unknown-key"
    assert rows[4]["path"] == "objective.targets[0].year"


def test_csv_keeps_a_message_with_a_newline_in_one_row() -> None:
    """A newline echoed in a message is shown as an escape; a missing line stays empty."""
    rows = list(csv.DictReader(io.StringIO(render_findings_csv(_odd_report(), "en"))))

    assert len(rows) == 4
    assert rows[0]["line"] == ""
    assert "a,\\nb|c" in rows[1]["message"]


def test_jsonl_names_the_mission_of_each_finding(report: RunReport) -> None:
    """Each JSON line is one finding, with the id of the mission it is in."""
    records = [
        json.loads(line) for line in render_findings_jsonl(report, "en").splitlines()
    ]

    assert len(records) == len(_all_findings(report))
    assert records[0]["mission"] == "vestland-gronn-industri"
    assert set(records[0]) == {*CSV_COLUMNS, "mission"}


def test_markdown_says_when_there_is_nothing_to_fix() -> None:
    """A clean run posts a short comment saying no problems were found."""
    assert "No problems found." in render_findings_markdown(_empty_report(), "en")
    assert "Ingen problemer funnet." in render_findings_markdown(_empty_report(), "nb")


def test_markdown_table_survives_pipes_and_newlines() -> None:
    """A pipe or newline in a message cannot break the table in a pull request."""
    output = render_findings_markdown(_odd_report(), "en")
    rows = [line for line in output.splitlines() if line.startswith("| ")]

    assert len(rows) == 6  # errors, then the rest folded: two tables, two headers
    assert all(row.count(" | ") == 3 for row in rows), rows
    assert "a,\\\\nb\\|c" in output  # the newline echoed as an escape, shown as written


def test_concise_is_one_line_per_finding(report: RunReport) -> None:
    """Editors get exactly one ``path:line:col`` line per finding and no summary."""
    lines = render_concise(report, "en").splitlines()

    assert len(lines) == len(_all_findings(report))
    assert lines[0] == "six-faults.yaml:4:1: S002 [error] unknown key 'languag'"


def test_concise_places_unlocated_findings_and_translates_severity() -> None:
    """A finding with no position is shown at 1:1, and the severity is in bokmål."""
    lines = render_concise(_odd_report(), "nb").splitlines()

    assert len(lines) == 4
    assert lines[0].startswith("odd, name.yaml:1:1: Y008 [feil] ")
