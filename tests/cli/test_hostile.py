"""Hostile input: each bad file gets a clear error; other files are still checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def json_run(run_cli: RunCli, *args: str) -> tuple[int, dict[str, object], str]:
    result = run_cli("validate", "-f", "json", *args)
    return result.exit_code, json.loads(result.stdout), result.stderr


def file_findings(report: dict[str, object], name: str) -> list[dict[str, object]]:
    files = report["files"]
    assert isinstance(files, list)
    [entry] = [f for f in files if f["path"].endswith(name)]
    found = list(entry["findings"])
    for unit in entry["documents"]:
        found.extend(unit["findings"])
    return found


@pytest.fixture
def good(in_tmp: Path) -> Path:
    return write(in_tmp / "good.yaml", (DATA / "valid-minimal.yaml").read_text())


CASES = [
    # Hostile files dressed as proposals (a folder walk leaves out YAML without a
    # proposal key, see tests/cli/test_selection.py).
    (
        "bomb.yaml",
        b"schema_version: 1\n" + BILLION_LAUGHS.encode(),
        "Y006",
        "expands to more than",
    ),
    ("binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Y004", "not a text file"),
    ("latin1.yaml", "title: Grønn\n".encode("latin-1"), "Y003", "not valid UTF-8"),
    ("utf16.yaml", "id: x\n".encode("utf-16"), "Y003", "UTF-16"),
    ("empty.yaml", b"", "Y008", "the file is empty"),
    ("comments.yaml", b"# only a comment\n", "Y008", "the file is empty"),
    (
        "deep.yaml",
        b"title: " + b"[" * 200 + b"]" * 200 + b"\n",
        "Y007",
        "nested more than",
    ),
    ("syntax.yaml", b'id: "unclosed\ntitle: x\n', "Y001", "never closed"),
    ("tag.yaml", b"id: !secret x\n", "Y009", "YAML tag"),
    ("loop.yaml", b"&a [*a]\n", "Y006", "contains itself"),
    ("list.yaml", b"- a\n- b\n", "S001", "a proposal is a group of keys"),
    ("control.yaml", b"id: a\x07b\n", "Y001", "control character"),
]


@pytest.mark.parametrize(("name", "content", "code", "words"), CASES)
def test_bad_file_is_a_clear_error_and_others_are_checked(
    run_cli: RunCli, good: Path, name: str, content: bytes, code: str, words: str
) -> None:
    """The bad file gets its code and message; the good file beside it passes."""
    write(good.parent / name, content)
    exit_code, report, stderr = json_run(run_cli, ".")

    assert exit_code == 1
    assert stderr == ""
    [finding] = [f for f in file_findings(report, name) if f["code"] == code]
    assert words in str(finding["message"])
    assert file_findings(report, "good.yaml") == []


def test_positions_of_syntax_errors_have_an_excerpt(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A syntax error is located and shown with the source line and a caret."""
    write(in_tmp / "bad.yaml", 'id: x\ntitle: "unclosed\n')
    result = run_cli("validate", "bad.yaml")

    assert result.exit_code == 1
    assert "bad.yaml:2:8: Y001" in result.stdout, render(result)  # the opening quote
    assert 'title: "unclosed' in result.stdout


def test_latin1_error_points_at_the_byte(run_cli: RunCli, in_tmp: Path) -> None:
    """The encoding error names the line and column of the first bad byte."""
    write(in_tmp / "l1.yaml", "id: x\ntitle: Grønn\n".encode("latin-1"))
    result = run_cli("validate", "l1.yaml")

    assert "l1.yaml:2:10: Y003" in result.stdout, render(result)
    assert "title: Gr\ufffdnn" in result.stdout


def test_file_over_the_size_limit(run_cli: RunCli, good: Path) -> None:
    """A 50 MB file is refused without being read, with the limit in the message."""
    big = good.parent / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    exit_code, report, _ = json_run(run_cli, ".")

    assert exit_code == 1
    [finding] = file_findings(report, "big.yaml")
    assert finding["code"] == "Y005"
    assert "more than the limit of 10485760 bytes" in str(finding["message"])


def test_size_limit_is_configurable(run_cli: RunCli, good: Path) -> None:
    """--max-file-size lowers the limit."""
    exit_code, report, _ = json_run(run_cli, "--max-file-size", "100", ".")

    assert exit_code == 1
    assert file_findings(report, "good.yaml")[0]["code"] == "Y005"


def test_missing_path_is_exit_2_and_the_rest_is_checked(
    run_cli: RunCli, good: Path
) -> None:
    """A path that does not exist is reported on stderr; other paths still run."""
    write(good.parent / "bad.yaml", "id: x\n")
    result = run_cli("validate", "nowhere.yaml", "good.yaml", "bad.yaml")

    assert result.exit_code == 2
    assert "nowhere.yaml: no such file or directory" in result.stderr
    assert "bad.yaml:1:1: S003" in result.stdout


def test_folder_without_yaml(run_cli: RunCli, in_tmp: Path) -> None:
    """A folder with no YAML files is exit code 2 with a message saying so."""
    write(in_tmp / "notes" / "readme.txt", "nothing here")
    result = run_cli("validate", "notes")

    assert result.exit_code == 2
    assert "no .yaml or .yml files" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loop(run_cli: RunCli, good: Path) -> None:
    """A link back to a parent folder is reported once and not followed forever."""
    folder = good.parent / "sub"
    write(folder / "inner.yaml", (DATA / "valid-minimal.yaml").read_text())
    os.symlink(good.parent, folder / "back")
    result = run_cli("validate", ".")

    assert result.exit_code == 2, render(result)
    assert "back: skipped, the link leads back" in result.stderr
    assert "2 file(s), 2 mission(s): 2 valid" in result.stdout


def test_hidden_folders_are_skipped(run_cli: RunCli, good: Path) -> None:
    """Folders starting with a dot (.git, .venv) are not searched."""
    write(good.parent / ".hidden" / "bad.yaml", "id: x\n")
    result = run_cli("validate", ".")

    assert result.exit_code == 0, render(result)


def test_duplicate_key_does_not_hide_other_problems(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A duplicate key is one finding among the others, not the end of the check."""
    write(in_tmp / "d.yaml", "schema_version: 1\nid: ab\nid: cd\n")
    exit_code, report, _ = json_run(run_cli, "d.yaml")

    codes = [f["code"] for f in file_findings(report, "d.yaml")]
    assert exit_code == 1
    assert "Y002" in codes
    assert codes.count("S003") == 3  # title, challenge, objective


def test_parallel_batch_gives_the_same_report(run_cli: RunCli, in_tmp: Path) -> None:
    """A batch checked in two processes reports exactly what one process reports."""
    minimal = (DATA / "valid-minimal.yaml").read_text()
    for index in range(120):
        text = minimal.replace("minimal-mission", f"mission-{index:03d}")
        if index % 7 == 0:
            text = text.replace("deadline: 2030", "deadline: soon")
        write(in_tmp / f"p{index:03d}.yaml", text)
    serial = run_cli("validate", "-f", "json", "--jobs", "1", ".")
    parallel = run_cli("validate", "-f", "json", "--jobs", "2", ".")

    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert json.loads(serial.stdout)["summary"]["invalid"] == 18
