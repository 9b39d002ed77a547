"""A run writes each file as it finishes and keeps little of it: same output, less memory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from oppdrag.engine.run import Keep, Options, Plan, check_paths
from oppdrag.reporters.json import render_json
from tests.conftest import DATA, RunCli, render, write
from tests.processes import run_measured

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture
def batch(in_tmp: Path) -> Path:
    """The examples, copies with new ids, a repeated id and a copied objective, a bad file.

    Sixty files: more than two pieces of work, so two processes share them.
    """
    folder = in_tmp / "batch"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, folder / example.name)
    source = (EXAMPLES / "lavutslippssamfunn-trondelag.yaml").read_text("utf-8")
    for index in range(50):
        text = source.replace("id: ", f"id: kopi-{index:02}-", 1)
        write(folder / f"kopi-{index:02}.yaml", text)
    write(folder / "zz-same-id.yaml", source)  # the id and objective of an example
    write(folder / "zz-broken.yaml", "schema_version: 1\nid: [unclosed\n")
    return folder


def _whole_run(paths: list[str], plan: Plan, command: str) -> str:
    """The JSON report as it is written when the whole run is kept to the end."""
    report = check_paths(paths, Options(plan=plan, jobs=1, keep=Keep.EVERYTHING))
    return render_json(report, "en", command)


@pytest.mark.parametrize(
    ("command", "plan"),
    [("validate", Plan.VALIDATE), ("classify", Plan.CLASSIFY), ("check", Plan.CHECK)],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_written_file_by_file_is_the_whole_run_byte_for_byte(
    run_cli: RunCli, batch: Path, command: str, plan: Plan, jobs: str
) -> None:
    """The JSON report is the same whether files are written as they finish or at the end."""
    result = run_cli(command, "batch", "-f", "json", "-j", jobs)

    assert result.exit_code == 1, render(result)  # the broken file, the repeated id
    assert result.stdout == _whole_run(["batch"], plan, command)


def test_json_report_with_standard_input_among_the_files(
    run_cli: RunCli, batch: Path
) -> None:
    """Standard input takes its place among the files, in the order they were named."""
    proposal = (EXAMPLES / "industriell-symbiose-vestland.yaml").read_text("utf-8")
    paths = ["batch/kopi-00.yaml", "-", "batch/kopi-01.yaml"]

    result = run_cli("classify", *paths, "-f", "json", "--lang", "nb", input=proposal)

    assert result.exit_code == 0, render(result)
    listed = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert listed == ["batch/kopi-00.yaml", "<stdin>", "batch/kopi-01.yaml"]
    assert '"classification"' in result.stdout  # the evidence is all there


@pytest.mark.parametrize("command", ["validate", "classify", "check"])
def test_json_report_of_a_run_without_files(
    run_cli: RunCli, in_tmp: Path, command: str
) -> None:
    """A folder without proposals gives a complete document with an empty list."""
    (in_tmp / "empty").mkdir()

    result = run_cli(command, "empty", "-f", "json")

    assert '"files": []\n}\n' in result.stdout
    assert result.stdout == _whole_run(["empty"], Plan(command), command)


def test_check_json_and_sarif_together_as_when_written_alone(
    run_cli: RunCli, batch: Path
) -> None:
    """A JSON report written as the run goes leaves the other outputs as they were."""
    run_cli("check", "batch", "-f", "json:alone.json")
    run_cli("check", "batch", "-f", "sarif:alone.sarif")
    run_cli("check", "batch", "-f", "json:both.json", "-f", "sarif:both.sarif")

    assert Path("both.json").read_bytes() == Path("alone.json").read_bytes()
    assert Path("both.sarif").read_bytes() == Path("alone.sarif").read_bytes()


@pytest.mark.parametrize(
    ("keep", "models", "classifications", "evidence"),
    [
        (Keep.FINDINGS, False, False, False),
        (Keep.SUMMARY, False, True, False),
        (Keep.EVIDENCE, False, True, True),
        (Keep.EVERYTHING, True, True, True),
    ],
)
def test_a_run_keeps_only_what_its_output_needs(
    keep: Keep, models: bool, classifications: bool, evidence: bool
) -> None:
    """What a long run holds per file: no models, and evidence only for JSON."""
    options = Options(plan=Plan.CLASSIFY, jobs=1, keep=keep)
    report = check_paths([str(EXAMPLES)], options)
    missions = [u for f in report.files for u in f.units if u.kind != "strategy"]

    assert len(missions) == 9
    assert all(u.facts is not None for u in missions)  # ids, counties, declared types
    assert all((u.fields is not None) == models for u in missions)
    assert all((u.classification is not None) == classifications for u in missions)
    found = [bool(u.classification.evidence) for u in missions if u.classification]
    assert any(found) == evidence


def _proposals(folder: Path, count: int) -> Path:
    """``count`` minimal proposals, one a file, each with its own id."""
    good = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
    for index in range(count):
        text = good.replace("minimal-mission", f"mission-{index:05}")
        write(folder / f"p{index:05}.yaml", text)
    return folder


@pytest.mark.slow
def test_report_memory_stays_flat_as_files_are_added(tmp_path: Path) -> None:
    """'oppdrag report' keeps a few values per mission, not the whole mission.

    Each mission's model, classification and evidence took 30 kB until the
    page was made: 50,000 proposals needed 2.9 GB. Now each file becomes the
    portfolio's values as soon as it is checked, and the page is written as
    it is made. Going from 200 to 2,000 files must cost little memory.
    """
    peaks = []
    for count in (200, 2_000):
        folder = _proposals(tmp_path / f"f{count}", count)
        run = run_measured(["report", "-o", f"r{count}.html", folder.name], tmp_path)
        assert run.exit_code == 0, run.stderr
        assert f"{count} missions in {count} files" in (
            (tmp_path / f"r{count}.html").read_text(encoding="utf-8")
        )
        peaks.append(run.peak_megabytes)

    assert peaks[1] - peaks[0] < 25, f"{peaks[0]:.0f} MB, then {peaks[1]:.0f} MB"
