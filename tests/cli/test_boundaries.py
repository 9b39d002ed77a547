"""Input and process boundaries: stdin, odd files and names, signals, settings, sizes.

Each test is one reproduction from a red-team run, through the command line:
no traceback, the documented exit code, and bounded time and memory. Runs that
could hang or crash the process (pipes, signals, endless input) go through a
child process (``tests/processes.py``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write
from tests.processes import run_measured

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
SUMMARY = "Emissions from transport are too high."


def proposal(**replace: str) -> str:
    """The minimal proposal with some of its text replaced."""
    text = GOOD
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


def assert_clean_failure(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


# Standard input --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "check"])
def test_endless_standard_input_stops_at_the_size_limit(
    command: str, tmp_path: Path
) -> None:
    """/dev/zero on stdin reads up to --max-file-size, then Y005; memory stays low."""
    with open("/dev/zero", "rb") as zero:
        run = run_measured([command, "-"], tmp_path, stdin=zero)

    assert_clean_failure(run.stderr)
    assert run.exit_code == 1
    assert b"<stdin>: Y005 error: standard input holds more than the limit" in (
        run.stdout
    )
    assert run.peak_megabytes < 300
    assert run.cpu_seconds < 10


def test_yes_piped_into_check_stops_at_the_size_limit(tmp_path: Path) -> None:
    """'yes | oppdrag check -': an endless pipe is cut at the limit too."""
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    assert yes.stdout is not None
    try:
        run = run_measured(
            ["check", "-", "--max-file-size", "1MB"], tmp_path, yes.stdout
        )
    finally:
        yes.kill()
        yes.wait()
        yes.stdout.close()

    assert run.exit_code == 1
    assert b"Y005" in run.stdout
    assert run.peak_megabytes < 300


def test_closed_standard_input_is_a_clear_error(tmp_path: Path) -> None:
    """'oppdrag validate - <&-': one line, exit code 2."""
    run = run_measured(["validate", "-"], tmp_path, stdin=None, before=_close_stdin)

    assert_clean_failure(run.stderr)
    assert run.exit_code == 2
    assert run.stderr == (
        "oppdrag: error: '-' asks to read standard input, but standard input is "
        "closed\n"
    )


def _close_stdin() -> None:
    os.close(0)


# Files that are not files ------------------------------------------------------------


@pytest.mark.parametrize("named", [True, False], ids=["named", "in-a-folder"])
def test_named_pipe_is_skipped_with_a_finding(named: bool, tmp_path: Path) -> None:
    """A FIFO called x.yaml is not opened (it would wait for ever): Y010, exit 2."""
    folder = tmp_path / "forslag"
    write(folder / "good.yaml", GOOD)
    os.mkfifo(folder / "x.yaml")
    paths = ["forslag/x.yaml", "forslag/good.yaml"] if named else ["forslag"]

    run = run_measured(["validate", *paths], tmp_path, timeout=20)

    assert_clean_failure(run.stderr)
    assert run.exit_code == 2
    assert run.stdout.startswith(
        b"forslag/x.yaml: Y010 error: this is not a regular file (a named pipe"
    )
    assert b"2 file(s), 1 mission(s): 1 valid" in run.stdout


def test_link_to_itself_in_a_checked_folder(run_cli: RunCli, in_tmp: Path) -> None:
    """'check' on a folder with a self-looping link: Y010 for it, exit 2."""
    write(in_tmp / "forslag" / "good.yaml", GOOD)
    os.symlink("loop.yaml", in_tmp / "forslag" / "loop.yaml")

    result = run_cli("check", "forslag")

    assert result.exit_code == 2, render(result)
    assert "forslag/loop.yaml: Y010 error: the file cannot be read" in result.stdout


def test_unreadable_file_is_exit_2(run_cli: RunCli, in_tmp: Path) -> None:
    """A file that cannot be opened is a job not done (exit 2), as the README says."""
    write(in_tmp / "good.yaml", GOOD)
    os.symlink("nowhere.yaml", in_tmp / "broken.yaml")

    result = run_cli("validate", "good.yaml", "broken.yaml")

    assert result.exit_code == 2, render(result)
    assert "broken.yaml: Y010 error" in result.stdout


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "output-file"])
def test_file_name_that_is_not_utf8(tmp_path: Path, to_file: bool) -> None:
    """A name with a byte that is not UTF-8 is shown with an escape and checked."""
    name = os.path.join(os.fsencode(tmp_path), b"forslag-\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(b"id: x\n")
    arguments = ["validate", "."] + (["-o", "report.txt"] if to_file else [])

    run = run_measured(arguments, tmp_path)

    assert_clean_failure(run.stderr)
    assert run.exit_code == 1
    output = (tmp_path / "report.txt").read_bytes() if to_file else run.stdout
    assert output.startswith(b"forslag-\\xff.yaml:1:1: S003 error")


# Signals and pipes -----------------------------------------------------------------


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 copies of an example: half a minute of work."""
    folder = tmp_path_factory.mktemp("many")
    source = DATA.parent.parent / "examples" / "lavutslippssamfunn-trondelag.yaml"
    text = source.read_text(encoding="utf-8")
    for index in range(10_000):
        (folder / f"p{index:04}.yaml").write_text(
            text.replace("id: ", f"id: p{index:04}-", 1), encoding="utf-8"
        )
    return folder


@pytest.mark.slow
def test_ctrl_c_is_one_line_and_exit_130(many_files: Path, tmp_path: Path) -> None:
    """Ctrl-C on 10,000 files (to the process group, as a terminal sends it)."""
    report = tmp_path / "report.sarif"
    report.write_text("the last good report\n")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "oppdrag", "check", "-j", "2", str(many_files)),
            *("-f", f"sarif:{report}"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "LANG": "C"},
    )
    _wait_for_workers(process.pid, 2)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)

    assert process.returncode == 130
    assert stderr.decode().strip() == "oppdrag: interrupted; no report was written"
    assert report.read_text() == "the last good report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]


@pytest.mark.slow
def test_workers_end_when_the_run_is_killed(many_files: Path) -> None:
    """Killing the main process ends its workers too; they do not run on."""
    process = subprocess.Popen(
        [sys.executable, "-m", "oppdrag", "check", "-j", "2", str(many_files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = _wait_for_workers(process.pid, 2)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(map(_running, workers)):
        time.sleep(0.05)

    assert not any(map(_running, workers))


def _wait_for_workers(pid: int, count: int) -> list[int]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children")
        found = (
            [int(c) for c in children.read_text().split()] if children.exists() else []
        )
        if len(found) >= count:
            return found
        time.sleep(0.02)
    pytest.fail("the workers did not start")


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in {"Z", "X"}


def test_closed_output_pipe_is_a_quiet_exit(tmp_path: Path) -> None:
    """'oppdrag validate … | head -1': no traceback when the reader goes away."""
    write(tmp_path / "bad.yaml", "id: x\n" * 1)
    for index in range(200):
        write(tmp_path / f"p{index}.yaml", "id: x\n")
    reader_gone = subprocess.Popen(["true"], stdin=subprocess.PIPE)
    reader_gone.wait()
    assert reader_gone.stdin is not None
    process = subprocess.Popen(
        [sys.executable, "-m", "oppdrag", "validate", "."],
        cwd=tmp_path,
        stdout=reader_gone.stdin,
        stderr=subprocess.PIPE,
    )
    reader_gone.stdin.close()
    _, stderr = process.communicate(timeout=60)

    assert stderr == b""
    assert process.returncode == 2


# Settings --------------------------------------------------------------------------


def test_settings_above_the_repository_are_not_used(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parent folder's oppdrag.toml (ignore = ALL) does not silence the repository."""
    write(in_tmp / "oppdrag.toml", 'ignore = ["ALL"]\n')
    (in_tmp / "repo" / ".git").mkdir(parents=True)
    write(in_tmp / "repo" / "bad.yaml", "id: x\n")
    monkeypatch.chdir(in_tmp / "repo")

    assert run_cli("check", ".").exit_code == 1
    shown = json.loads(run_cli("config").stdout)
    assert shown["source"] == "(defaults: no settings file found)"


def test_settings_inside_the_repository_are_used(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings at the repository root still apply from a folder below it."""
    (in_tmp / ".git").mkdir()
    write(in_tmp / "oppdrag.toml", 'ignore = ["ALL"]\n')
    write(in_tmp / "forslag" / "bad.yaml", "id: x\n")
    monkeypatch.chdir(in_tmp / "forslag")

    assert run_cli("check", ".").exit_code == 0
    assert json.loads(run_cli("config").stdout)["source"].endswith("oppdrag.toml")


@pytest.mark.parametrize("command", ["validate", "check", "classify"])
def test_deeply_nested_settings_file(
    run_cli: RunCli, in_tmp: Path, command: str
) -> None:
    """An oppdrag.toml nested thousands deep is a settings error, exit 2."""
    write(in_tmp / "oppdrag.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n")
    write(in_tmp / "good.yaml", GOOD)

    result = run_cli(command, "good.yaml")

    assert result.exit_code == 2, render(result)
    assert result.stderr.endswith(
        "oppdrag.toml: cannot read the configuration: it is nested too deeply\n"
    )


# Sizes -------------------------------------------------------------------------------


LONG_PROSE = [
    ("word-9MB", "x" * 9_000_000),
    ("a-space-9.9MB", "a " * 4_950_000),
]


@pytest.mark.parametrize("command", ["check", "classify"])
@pytest.mark.parametrize(("name", "prose"), LONG_PROSE, ids=[n for n, _ in LONG_PROSE])
def test_huge_prose_field_is_reported_quickly(
    tmp_path: Path, command: str, name: str, prose: str
) -> None:
    """Megabytes in one field: Y012 at the field, in bounded time and memory."""
    write(tmp_path / "long.yaml", proposal(**{SUMMARY: prose}))

    run = run_measured([command, "long.yaml"], tmp_path)

    assert_clean_failure(run.stderr)
    assert run.exit_code == 1
    assert b"long.yaml:5:12: Y012 error: this value is" in run.stdout
    assert run.cpu_seconds < 10
    assert run.peak_megabytes < 1000


@pytest.mark.parametrize("repeat", [4_000, 40_000])
def test_long_prose_under_the_limit_is_checked_in_linear_time(
    tmp_path: Path, repeat: int
) -> None:
    """Up to the limit, long prose is read, checked and classified in bounded time."""
    sentence = "Innbyggerne må endre vaner, og teknologi alene er ikke nok. "
    text = (sentence * repeat)[:99_000]
    write(tmp_path / "long.yaml", proposal(**{SUMMARY: text}))

    run = run_measured(["classify", "-f", "json", "long.yaml"], tmp_path)

    assert run.exit_code == 0, run.stderr
    assert run.cpu_seconds < 10


@pytest.mark.parametrize("count", [2_000, 20_000])
def test_many_waived_findings_are_matched_in_linear_time(
    tmp_path: Path, count: int
) -> None:
    """20,000 waivers, each on its own finding (Y101): all applied, quickly."""
    waived = "".join(
        "  - no  # oppdrag: ignore[Y101] -- agreed\n" for _ in range(count)
    )
    write(tmp_path / "p.yaml", GOOD + "tags:\n" + waived)

    run = run_measured(["check", "-f", "json", "p.yaml"], tmp_path)

    report = json.loads(run.stdout)
    codes = {f["code"] for f in report["files"][0]["documents"][0]["findings"]}
    assert "Y101" not in codes
    assert "O002" not in codes
    assert run.cpu_seconds < 10


def test_classify_table_cuts_a_long_invalid_title(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A 99,000-character title (invalid) is cut in the table, not printed whole."""
    write(in_tmp / "p.yaml", proposal(**{"A minimal mission": "Lang tittel " * 8000}))

    result = run_cli("classify", "p.yaml")

    assert "Lang tittel Lang tittel" in result.stdout
    assert len(result.stdout) < 5_000


# Outputs -----------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_would_be_formulas_are_escaped(
    run_cli: RunCli, in_tmp: Path, start: str
) -> None:
    """A title starting with =, +, - or @ gets an apostrophe (OWASP CSV injection)."""
    title = f'{start}HYPERLINK("http://x")'
    write(in_tmp / "p.yaml", proposal(**{"A minimal mission": f"'{title}'"}))

    result = run_cli("classify", "-f", "csv", "p.yaml")

    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["title"] == "'" + title
    assert row["score"].lstrip("-").replace(".", "").isdigit()  # numbers stay numbers


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN"])
def test_infinite_and_nan_amounts_are_out_of_range(
    run_cli: RunCli, in_tmp: Path, value: str
) -> None:
    """.inf and .nan are no amounts: S006 at the value."""
    write(in_tmp / "p.yaml", GOOD + f"budget:\n  amount: {value}\n  currency: NOK\n")

    result = run_cli("validate", "p.yaml")

    assert result.exit_code == 1
    assert "p.yaml:10:11: S006 error: amount is" in result.stdout
