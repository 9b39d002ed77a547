"""The project's own gates: ruff, mypy --strict and the import-layer contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_ruff_lint_is_clean() -> None:
    """ruff finds nothing in src, tests and benchmarks."""
    result = run(
        "ruff", "check", "--output-format", "concise", "src", "tests", "benchmarks"
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_format_is_clean() -> None:
    """Every Python file is formatted as ruff formats it."""
    result = run("ruff", "format", "--check", "src", "tests", "benchmarks")

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    """mypy --strict (configured in pyproject.toml) accepts src/."""
    result = run("mypy", "src")

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_import_layers_hold() -> None:
    """Core modules never import typer, click or rich; layers only import downwards."""
    result = run("lint-imports")

    assert result.returncode == 0, result.stdout + result.stderr
