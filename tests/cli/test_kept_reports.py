"""A run that cannot use a path given (exit 2) leaves every report file as it was.

A typo in a path ('deks' for 'desk') or an empty folder must not replace a good
portfolio, SARIF file or baseline with a report of nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")

# Each: the command line after the paths, and the report files it writes.
RUNS = {
    "report": (
        ["report"],
        ["-o", "keep.html", "-o", "keep.xlsx"],
        ["keep.html", "keep.xlsx"],
    ),
    "check -o": (["check"], ["-o", "keep.txt"], ["keep.txt"]),
    "check -f sarif:PATH": (["check"], ["-f", "sarif:keep.sarif"], ["keep.sarif"]),
    "check --write-baseline": (
        ["check"],
        ["--write-baseline", "keep.json"],
        ["keep.json"],
    ),
    "validate -o": (["validate"], ["-f", "json", "-o", "keep.json"], ["keep.json"]),
    "classify -o": (["classify"], ["-f", "csv", "-o", "keep.csv"], ["keep.csv"]),
}


@pytest.mark.parametrize("bad_path", ["deks", "empty"], ids=["typo", "empty-folder"])
@pytest.mark.parametrize(("command", "options", "files"), RUNS.values(), ids=list(RUNS))
def test_a_failed_run_keeps_the_last_good_report(
    run_cli: RunCli,
    in_tmp: Path,
    command: list[str],
    options: list[str],
    files: list[str],
    bad_path: str,
) -> None:
    """The good run writes its reports; the run with a bad path touches none of them."""
    write(in_tmp / "desk" / "p.yaml", GOOD)
    (in_tmp / "empty").mkdir()
    good = run_cli(*command, "desk", *options)
    assert good.exit_code in (0, 1), render(good)
    before = {name: (in_tmp / name).read_bytes() for name in files}

    failed = run_cli(*command, bad_path, *options)

    assert failed.exit_code == 2, render(failed)
    for name in files:
        assert (in_tmp / name).read_bytes() == before[name], name
        assert f"{name} was not written, as a path given could not be used" in (
            failed.stderr
        )


def test_a_report_to_the_screen_is_still_shown(run_cli: RunCli, in_tmp: Path) -> None:
    """Without a file, the run with a bad path still prints what it found."""
    write(in_tmp / "desk" / "p.yaml", GOOD)
    result = run_cli("validate", "desk", "deks")

    assert result.exit_code == 2
    assert "deks: no such file or directory" in result.stderr
    assert "1 file(s), 1 mission(s): 1 valid" in result.stdout
