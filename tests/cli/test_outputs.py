"""Where reports go, and what the exit code and summary say, as a CI maintainer meets them.

Exit codes follow ruff's convention: 0 clean, 1 findings, 2 oppdrag could not do
its job (here: write a report). A report that cannot be written never replaces
the last good one, and never stops the other outputs.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
FAULTY = (DATA / "six-faults.yaml").read_text(encoding="utf-8")
OPPDRAG = [sys.executable, "-m", "oppdrag"]


def no_traceback(text: str) -> None:
    assert "Traceback" not in text, text


# Writing reports ---------------------------------------------------------------------


def test_report_into_a_missing_folder_creates_it(run_cli: RunCli, in_tmp: Path) -> None:
    """-o reports/today/out.sarif makes the folders, as CI jobs expect."""
    write(in_tmp / "p.yaml", GOOD)

    result = run_cli("check", "p.yaml", "-f", "sarif:reports/today/out.sarif")

    assert result.exit_code == 0, render(result)
    assert json.loads((in_tmp / "reports/today/out.sarif").read_text())["runs"]


@pytest.mark.parametrize("option", ["-o", "-f", "--write-baseline"])
def test_a_folder_as_the_target_is_exit_2_and_one_line(
    run_cli: RunCli, in_tmp: Path, option: str
) -> None:
    """A report aimed at a folder: one clear line, exit 2, no traceback."""
    write(in_tmp / "p.yaml", GOOD)
    (in_tmp / "out").mkdir()
    target = "json:out" if option == "-f" else "out"

    result = run_cli("check", "p.yaml", option, target, "--exit-zero")

    assert result.exit_code == 2, render(result)
    assert "out: cannot write the report (it is a folder)" in result.stderr
    no_traceback(result.stderr)


def test_a_failed_write_keeps_the_old_report_and_writes_the_others(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while writing one report: the old one stays, the next is written."""
    write(in_tmp / "p.yaml", GOOD)
    write(in_tmp / "old.sarif", "the last good report\n")
    real_fsync = os.fsync
    calls = iter(range(100))

    def full_disk_once(descriptor: int) -> None:
        if next(calls) == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", full_disk_once)

    result = run_cli(
        "check", "p.yaml", "-f", "sarif:old.sarif", "-f", "json:new.json", "--exit-zero"
    )

    assert result.exit_code == 2, render(result)
    assert "No space left on device" in result.stderr
    assert (in_tmp / "old.sarif").read_text() == "the last good report\n"
    assert json.loads((in_tmp / "new.json").read_text())["command"] == "check"
    assert not list(in_tmp.glob(".old.sarif.*"))  # no temporary file left behind


def test_writing_to_a_device_writes_it_and_never_replaces_it(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """-o /dev/null writes into the device; the device itself stays a device."""
    write(in_tmp / "p.yaml", GOOD)

    result = run_cli("check", "p.yaml", "-o", os.devnull)

    assert result.exit_code == 0, render(result)
    assert not Path(os.devnull).is_file()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_exit_2_and_one_line(tmp_path: Path) -> None:
    """/dev/full answers every write with 'no space left': one line, exit 2."""
    write(tmp_path / "p.yaml", GOOD)

    run = subprocess.run(
        [*OPPDRAG, "check", "p.yaml", "-o", "/dev/full", "--exit-zero"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1
    assert "/dev/full: cannot write the report (No space left on device)" in run.stderr


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 64 kB file system of its own (root can mount one; others skip the test)."""
    folder = Path(tempfile.mkdtemp(prefix="oppdrag-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("mounting a small file system needs root")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    folder.rmdir()


def test_a_full_disk_keeps_the_old_report(small_disk: Path, tmp_path: Path) -> None:
    """A report larger than the space left: exit 2, one line, the old report intact."""
    for index in range(60):
        write(tmp_path / f"p{index}.yaml", FAULTY)
    write(small_disk / "report.json", "the last good report\n")

    run = subprocess.run(
        [*OPPDRAG, "check", ".", "-f", f"json:{small_disk / 'report.json'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 2, run.stderr
    assert "cannot write the report (No space left on device)" in run.stderr
    no_traceback(run.stderr)
    assert (small_disk / "report.json").read_text() == "the last good report\n"
    assert [p.name for p in small_disk.iterdir()] == ["report.json"]


def test_a_read_only_folder_is_exit_2_and_the_old_report_stays(
    small_disk: Path, tmp_path: Path
) -> None:
    """A folder nobody may write to: exit 2, one line, the old report untouched."""
    write(tmp_path / "p.yaml", GOOD)
    write(small_disk / "report.json", "old\n")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)

    run = subprocess.run(
        [*OPPDRAG, "check", "p.yaml", "-f", f"json:{small_disk / 'report.json'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 2, run.stderr
    assert "cannot write the report (Read-only file system)" in run.stderr
    no_traceback(run.stderr)
    assert (small_disk / "report.json").read_text() == "old\n"


# Standard output takes one format ----------------------------------------------------


def test_two_formats_on_the_screen_are_refused(run_cli: RunCli, in_tmp: Path) -> None:
    """json and sarif both to stdout would be two documents in one stream: exit 2."""
    write(in_tmp / "p.yaml", GOOD)

    result = run_cli("check", "p.yaml", "-f", "json", "-f", "sarif")

    assert result.exit_code == 2
    assert "only one format can be written to the screen (json, sarif)" in (
        result.stderr
    )


def test_text_and_github_annotations_may_share_the_screen(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """The runner picks annotations out of the log, so they may join the text."""
    write(in_tmp / "p.yaml", FAULTY)

    result = run_cli("check", "p.yaml", "-f", "text", "-f", "github")

    assert result.exit_code == 1
    assert "::error file=p.yaml" in result.stdout
    assert "p.yaml:4:1: S002 error" in result.stdout


def test_the_same_file_twice_is_refused(run_cli: RunCli, in_tmp: Path) -> None:
    """-f sarif:x -f json:x would silently keep only the second: exit 2 instead."""
    write(in_tmp / "p.yaml", GOOD)

    result = run_cli("check", "p.yaml", "-f", "sarif:x", "-f", "json:./x")

    assert result.exit_code == 2
    assert "two formats would be written to the same file" in result.stderr
    assert not (in_tmp / "x").exists()


def test_statistics_go_to_stderr_when_a_program_reads_stdout(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """--statistics with -f json: stdout stays one JSON document."""
    write(in_tmp / "p.yaml", FAULTY)

    result = run_cli("check", "p.yaml", "-f", "json", "--statistics")

    assert json.loads(result.stdout)["command"] == "check"
    assert "S002  unknown-key" in result.stderr


def test_statistics_follow_the_text_on_stdout(run_cli: RunCli, in_tmp: Path) -> None:
    """With the text format, statistics are part of what a person reads."""
    write(in_tmp / "p.yaml", FAULTY)

    result = run_cli("check", "p.yaml", "--statistics", "-q")

    assert "S002  unknown-key" in result.stdout


# A fault in oppdrag ------------------------------------------------------------------

FAULT = """
import sys
import oppdrag.cli.run as run
def boom(*args, **kwargs):
    raise ZeroDivisionError("a fault")
run.render_in_pieces = boom
sys.argv = ["oppdrag", *sys.argv[1:]]
from oppdrag.cli import main
main()
"""


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_fault_in_oppdrag_is_one_line_and_exit_2(
    tmp_path: Path, command: str
) -> None:
    """An unexpected error: what failed and how to report it; --debug shows more."""
    write(tmp_path / "p.yaml", GOOD)

    plain = subprocess.run(
        [sys.executable, "-c", FAULT, command, "p.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    debug = subprocess.run(
        [sys.executable, "-c", FAULT, "--debug", command, "p.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert plain.returncode == 2
    assert plain.stderr.startswith("oppdrag: error: oppdrag failed (ZeroDivisionError")
    assert "--debug" in plain.stderr
    no_traceback(plain.stderr)
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr or "ZeroDivisionError" in debug.stderr


# The summary and the exit code agree --------------------------------------------------


def test_a_file_that_cannot_be_read_to_the_end_has_no_valid_mission(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A tab after a key (Y011): the mission read so far is not counted valid."""
    write(in_tmp / "p.yaml", GOOD.replace("title: ", "title:\t"))

    result = run_cli("validate", "p.yaml")

    assert result.exit_code == 1
    assert "1 mission(s): 0 valid, 1 invalid; 1 error(s)" in result.stdout


def test_infos_are_in_the_summary(run_cli: RunCli, in_tmp: Path) -> None:
    """Infos are counted in the summary line like errors and warnings."""
    write(
        in_tmp / "p.yaml",
        GOOD
        + "  targets:\n    - {indicator: Utslipp, unit: kt, target: 5, year: 2030}\n",
    )

    result = run_cli("check", "p.yaml", "--select", "Q103")

    assert "0 error(s), 0 warning(s), 1 info(s)" in result.stdout


def test_an_unreadable_file_is_not_an_invalid_mission(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A file oppdrag cannot read is counted apart, not as an invalid mission."""
    write(in_tmp / "p.yaml", GOOD)
    os.mkfifo(in_tmp / "pipe.yaml")

    result = run_cli("validate", "p.yaml", "pipe.yaml")

    assert result.exit_code == 2
    assert "2 file(s), 1 mission(s): 1 valid, 0 invalid; 1 file(s) could not be" in (
        result.stdout
    )


def test_a_baseline_does_not_make_an_invalid_proposal_valid(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """Baselined format errors are hidden, but the proposal is still invalid."""
    write(in_tmp / "p.yaml", FAULTY)
    run_cli("check", "p.yaml", "--write-baseline", "base.json")

    result = run_cli("check", "p.yaml", "--baseline", "base.json", "-f", "json")

    summary = json.loads(result.stdout)["summary"]
    assert summary["errors"] == 0
    assert summary["invalid"] == 1
    assert summary["valid"] == 0


# Order --------------------------------------------------------------------------------


def test_findings_within_a_file_are_in_line_order(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """Waiver and batch findings are not appended at the end: line order holds."""
    text = GOOD.replace(
        "title: A minimal mission", "title: A minimal mission  # oppdrag: ignore[Q999]"
    )
    write(in_tmp / "a.yaml", text)
    write(in_tmp / "b.yaml", GOOD)

    result = run_cli("check", "a.yaml", "b.yaml", "-f", "concise", "--exit-zero")

    for name in ("a.yaml", "b.yaml"):
        lines = [
            int(line.split(":")[1])
            for line in result.stdout.splitlines()
            if line.startswith(name)
        ]
        assert lines == sorted(lines), result.stdout
    assert "O003" in result.stdout
    assert "B201" in result.stdout


# Messages an analyst meets first -------------------------------------------------------


def test_a_tab_used_for_indentation_is_y011_and_shown(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A tab at the start of a line: Y011 (as the README says), the tab made visible."""
    write(in_tmp / "p.yaml", GOOD.replace("  deadline:", "\tdeadline:"))

    result = run_cli("validate", "p.yaml")

    assert "p.yaml:8:1: Y011 error: a tab character is used for layout" in (
        result.stdout
    )
    assert "8 | →deadline: 2030" in result.stdout


def test_a_colon_in_a_title_says_to_quote_it_in_bokmal(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """'title: Havvind: …' gets a message in the user's language at the colon."""
    write(in_tmp / "p.yaml", GOOD.replace("A minimal mission", "Havvind: ny næring"))

    result = run_cli("validate", "--lang", "nb", "p.yaml")

    assert "p.yaml:3:15: Y001 feil: kolon fulgt av mellomrom inne i en verdi" in (
        result.stdout
    )
    assert "Sett hele verdien i anførselstegn" in result.stdout
    assert "mapping values" not in result.stdout


# A pull-request comment --------------------------------------------------------------


def test_markdown_for_a_thousand_findings_fits_a_comment(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """1,000 and more findings: errors first, under GitHub's 65,536 limit, counted."""
    for index in range(100):
        write(in_tmp / f"bad{index:03}.yaml", FAULTY.replace("vestland", f"v{index}"))
        write(in_tmp / f"ok{index:03}.yaml", GOOD.replace("minimal", f"m{index}"))

    result = run_cli("check", ".", "-f", "markdown", "--max-findings", "5000")
    capped = run_cli("check", ".", "-f", "markdown", "--max-findings", "5")

    comment = result.stdout
    rows = [line for line in comment.splitlines() if line.startswith("| bad")]
    assert len(comment) < 65_536
    assert len(rows) > 100
    assert comment.index("| bad") < comment.find("| ok") or "| ok" not in comment
    assert "more finding(s), not listed here" in comment
    capped_rows = [line for line in capped.stdout.splitlines() if line.startswith("| ")]
    assert len(capped_rows) == 5 + 1  # five findings and the header
    assert "error" in capped_rows[-1]


def test_markdown_lists_everything_when_it_fits(run_cli: RunCli, in_tmp: Path) -> None:
    """A few findings: all listed, warnings in <details>, no 'more' line."""
    write(in_tmp / "p.yaml", GOOD)

    result = run_cli("check", "p.yaml", "-f", "markdown")

    assert "<details>" in result.stdout
    assert "not listed here" not in result.stdout


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_a_file_name_cannot_forge_a_workflow_command(
    run_cli: RunCli, in_tmp: Path, fmt: str
) -> None:
    """A file named '::error::…' never starts a line in text output."""
    write(in_tmp / "::error::forged.yaml", FAULTY)

    result = run_cli("check", "::error::forged.yaml", "-f", fmt)

    assert result.exit_code == 1
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert "./::error::forged.yaml:4:1: S002" in result.stdout
