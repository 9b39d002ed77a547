"""Tables take the terminal's width, stay readable at 80 columns, and never break names.

Standard output is not a terminal under the test runner, so the width comes
from $COLUMNS, as it would for a user who sets it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import EXAMPLES, RunCli, render, write

WIDTHS = [80, 100, 120, 160, 220]


def widest(output: str) -> int:
    return max(cell_len(line) for line in output.splitlines())


def names(run_cli: RunCli, *args: str) -> list[str]:
    """The files and ids of the missions classified, from the JSON output."""
    document = json.loads(run_cli("classify", "-f", "json", *args).stdout)
    return [
        value
        for file in document["files"]
        for unit in file["documents"]
        if unit["kind"] != "strategy"
        for value in (file["path"], unit["id"])
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_classify_table_fits_and_keeps_names_whole(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Every line fits the width; each file name and id stands whole on one line."""
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setenv("COLUMNS", str(width))
    result = run_cli("classify", ".")

    assert result.exit_code == 0, render(result)
    assert widest(result.stdout) <= width
    lines = result.stdout.splitlines()
    for name in names(run_cli, "."):
        assert any(name in line for line in lines), name


def test_wider_terminals_show_more_columns(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The least needed columns (reasons, then title) come back as the width grows."""
    monkeypatch.chdir(EXAMPLES)
    shown = {}
    for width in (80, 220):
        monkeypatch.setenv("COLUMNS", str(width))
        shown[width] = run_cli("classify", ".").stdout

    assert "top reasons" not in shown[80]
    assert "top reasons" in shown[220]
    assert "Trøndelag som" in shown[220]


@pytest.mark.parametrize("width", [80, 200])
def test_a_large_batch_fits_and_keeps_names_whole(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, in_tmp: Path, width: int
) -> None:
    """Over a hundred missions (plain columns): the same promises as the table."""
    text = (EXAMPLES / "kompetanseloft-gronne-verdikjeder-agder.yaml").read_text()
    for index in range(110):
        write(
            in_tmp / "a-folder-with-a-long-name" / f"proposal-number-{index:03d}.yaml",
            text.replace("agder-kompetanseloft-batteri", f"agder-mission-{index:03d}"),
        )
    monkeypatch.setenv("COLUMNS", str(width))
    result = run_cli("classify", ".")

    assert result.exit_code == 0, render(result)
    assert widest(result.stdout) <= width
    for name in names(run_cli, "."):
        assert name in result.stdout, name


@pytest.mark.parametrize("width", WIDTHS)
def test_explain_and_eval_fit_the_width(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """The explanation, the rulebook and the evaluation fit every width."""
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setenv("COLUMNS", str(width))
    for args in (["explain", "."], ["explain", "--criteria"], ["eval", "."]):
        result = run_cli(*args)
        assert result.exit_code == 0, render(result)
        assert widest(result.stdout) <= width, args


def test_a_file_gets_a_fixed_width_whatever_the_terminal(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, in_tmp: Path
) -> None:
    """Written with -o and no $COLUMNS, the table is 120 columns wide on any machine."""
    monkeypatch.delenv("COLUMNS")
    result = run_cli("classify", str(EXAMPLES), "-o", "table.txt")

    assert result.exit_code == 0, render(result)
    written = (in_tmp / "table.txt").read_text(encoding="utf-8")
    assert widest(written) <= 120
    assert "county" in written
