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


# Imports every module of the package alone, each in a fresh set of oppdrag
# modules: an import cycle shows as an ImportError for the module that starts it.
IMPORT_EACH = """
import importlib, pkgutil, sys
import oppdrag
walked = pkgutil.walk_packages(oppdrag.__path__, "oppdrag.")
names = sorted(m.name for m in walked if m.name != "oppdrag.__main__")
failed = []
for name in names:
    for loaded in [k for k in sys.modules if k == "oppdrag" or k.startswith("oppdrag.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
print(len(names))
print("\\n".join(failed))
"""


@pytest.mark.slow
def test_every_module_imports_on_its_own() -> None:
    """No import cycle: each module can be the first one imported."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    count, *failures = result.stdout.splitlines()
    assert int(count) > 60
    assert not [line for line in failures if line]
