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
