"""'oppdrag validate|check|classify FILE…' start without typer and answer as with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"
BROKEN = Path(__file__).parents[1] / "fuzz" / "crashes"

# Imports typer would bring in; a plain command must not need them.
_PROBE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("typer loaded: %s\\n" % ("typer" in sys.modules)))
sys.argv = ["oppdrag", *sys.argv[1:]]
from oppdrag.cli import main
main()
"""


def _oppdrag(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LANG": "C", "NO_COLOR": "1", "COLUMNS": "100"}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "check", "classify"])
def test_plain_command_answers_as_the_full_command_without_typer(command: str) -> None:
    """Same output and exit code with and without an option that changes nothing."""
    paths = [str(EXAMPLES), str(BROKEN / "bool-tag.yaml")]

    plain = _oppdrag(command, *paths)
    full = _oppdrag(command, "--color", "auto", *paths)

    assert plain.returncode == full.returncode != 0  # the broken file
    assert plain.stdout == full.stdout
    assert plain.stderr.replace("typer loaded: False", "typer loaded: True") == (
        full.stderr
    )
    assert "typer loaded: False" in plain.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "jobs"),
    [("validate", ["-j", "1"]), ("check", ["--jobs", "2"]), ("classify", ["--jobs=1"])],
)
def test_a_number_of_processes_keeps_the_command_plain(
    command: str, jobs: list[str]
) -> None:
    """--jobs is read without typer too, and the answer is the full command's."""
    paths = [str(EXAMPLES), str(BROKEN / "bool-tag.yaml")]

    plain = _oppdrag(command, *jobs, *paths)
    full = _oppdrag(command, "--color", "auto", *jobs, *paths)

    assert plain.returncode == full.returncode != 0
    assert plain.stdout == full.stdout
    assert "typer loaded: False" in plain.stderr


@pytest.mark.parametrize("jobs", [["-j", "many"], ["--jobs=-1"], ["-j"]])
def test_a_bad_number_of_processes_is_left_to_typer(jobs: list[str]) -> None:
    """A --jobs value that is not a whole number gets typer's usage error, exit 2."""
    result = _oppdrag("validate", *jobs, str(EXAMPLES))

    assert result.returncode == 2
    assert "typer loaded: True" in result.stderr
    assert "--jobs" in result.stderr or "-j" in result.stderr
