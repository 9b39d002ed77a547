"""Baselines and the paths CI systems see: stable wherever oppdrag is started.

SARIF, GitLab Code Quality, GitHub annotations and baselines give each file's
path from the project's top folder (the git repository's), so annotations land
on the right file and a baseline keeps matching. A baseline entry is "fixed"
only when this run could have reported it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
# A valid proposal with two warnings (no actors, no instruments) and a thin challenge.
WARNED = GOOD.replace("minimal-mission", "warned-mission")


@pytest.fixture
def repository(in_tmp: Path) -> Path:
    """A git repository with proposals in a subfolder."""
    (in_tmp / ".git").mkdir()
    write(in_tmp / "proposals/a.yaml", GOOD)
    write(in_tmp / "proposals/b.yaml", WARNED)
    return in_tmp


@pytest.mark.parametrize(
    ("start", "path"),
    [
        (".", "proposals/a.yaml"),
        (".", "./proposals/a.yaml"),
        ("proposals", "a.yaml"),
        ("proposals", "../proposals/a.yaml"),
        (".", "<absolute>"),
    ],
)
def test_ci_paths_are_from_the_repository_top(
    run_cli: RunCli,
    repository: Path,
    monkeypatch: pytest.MonkeyPatch,
    start: str,
    path: str,
) -> None:
    """However the file was named, SARIF, GitLab and GitHub get proposals/a.yaml."""
    monkeypatch.chdir(repository / start)
    named = str(repository / "proposals/a.yaml") if path == "<absolute>" else path
    out = repository / "out"

    result = run_cli(
        "check",
        named,
        "-f",
        "github",
        "-f",
        f"sarif:{out}/a.sarif",
        "-f",
        f"gitlab:{out}/a.json",
        "--write-baseline",
        f"{out}/base.json",
    )

    assert result.exit_code == 0, render(result)
    sarif = json.loads((out / "a.sarif").read_text())["runs"][0]
    location = sarif["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "proposals/a.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (
        repository.resolve().as_uri() + "/"
    )
    gitlab = json.loads((out / "a.json").read_text())
    assert {issue["location"]["path"] for issue in gitlab} == {"proposals/a.yaml"}
    assert "::warning file=proposals/a.yaml," in result.stdout
    baseline = json.loads((out / "base.json").read_text())["findings"]
    assert {entry["file"] for entry in baseline} == {"proposals/a.yaml"}


def test_text_output_keeps_the_path_as_typed(
    run_cli: RunCli, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """People and editors read paths from where they are: text is as typed."""
    monkeypatch.chdir(repository / "proposals")

    result = run_cli("check", "a.yaml", "-f", "concise")

    assert result.stdout.startswith("a.yaml:")


def test_a_baseline_matches_from_another_folder(
    run_cli: RunCli, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written at the top, used from the subfolder: the same findings stay hidden."""
    run_cli("check", ".", "--write-baseline", "base.json")
    monkeypatch.chdir(repository / "proposals")

    result = run_cli("check", ".", "--baseline", "../base.json", "-f", "json")

    assert result.exit_code == 0, render(result)
    assert json.loads(result.stdout)["summary"]["warnings"] == 0
    assert "0 fixed" in result.stderr


def test_files_outside_the_run_are_not_fixed(run_cli: RunCli, repository: Path) -> None:
    """pre-commit checks one staged file: the other file's entries are not 'fixed'."""
    run_cli("check", ".", "--write-baseline", "base.json")

    result = run_cli("check", "proposals/a.yaml", "--baseline", "base.json")

    assert result.exit_code == 0, render(result)
    assert "0 fixed" in result.stderr
    assert "proposals/b.yaml" not in result.stderr


def test_rules_that_did_not_run_are_not_fixed(
    run_cli: RunCli, repository: Path
) -> None:
    """A mission that became invalid: its quality findings are unknown, not fixed."""
    run_cli("check", ".", "--write-baseline", "base.json")
    broken = WARNED.replace("  deadline: 2030\n", "")
    write(repository / "proposals/b.yaml", broken)

    result = run_cli("check", ".", "--baseline", "base.json")

    assert result.exit_code == 1  # the new S003
    assert "S003" in result.stdout
    assert "0 fixed" in result.stderr


def test_rules_left_out_by_select_are_not_fixed(
    run_cli: RunCli, repository: Path
) -> None:
    """--select Q101: the other rules did not run, so their entries are not fixed."""
    run_cli("check", ".", "--write-baseline", "base.json")

    result = run_cli("check", ".", "--baseline", "base.json", "--select", "Q101")

    assert "0 fixed" in result.stderr


def test_a_really_fixed_finding_is_listed(run_cli: RunCli, repository: Path) -> None:
    """A finding that this run could report and did not is fixed."""
    run_cli("check", ".", "--write-baseline", "base.json")
    write(
        repository / "proposals/b.yaml",
        WARNED + "instruments: [financing, procurement]\n",
    )

    result = run_cli("check", ".", "--baseline", "base.json")

    assert "1 fixed" in result.stderr
    assert "proposals/b.yaml Q114" in result.stderr


def test_writing_a_baseline_exits_0(run_cli: RunCli, repository: Path) -> None:
    """--write-baseline records today's findings: that is success, exit 0."""
    result = run_cli("check", ".", "--write-baseline", "base.json")

    assert result.exit_code == 0, render(result)
    assert os.path.getsize(repository / "base.json") > 0


def test_waiver_text_in_prose_is_not_a_waiver(run_cli: RunCli, in_tmp: Path) -> None:
    """'# oppdrag: ignore[…]' quoted inside a block of prose waives nothing."""
    text = GOOD.replace(
        "  summary: Emissions from transport are too high.\n",
        "  summary: |\n    Too high. # oppdrag: ignore[Q107] -- not a comment\n",
    )
    write(in_tmp / "p.yaml", text)

    result = run_cli("check", "p.yaml", "-f", "concise", "--exit-zero")

    assert "Q107" in result.stdout
    assert "O00" not in result.stdout


def test_a_backslash_in_a_file_name_is_not_a_folder(
    run_cli: RunCli, in_tmp: Path
) -> None:
    r"""On Linux 'proposals\good.yaml' is one file: CI formats must not say proposals/.

    Nor may 'bad\xff.yaml' (a name that is not UTF-8, shown with an escape)
    become bad/xff.yaml. A finding must point at the file it is about.
    """
    (in_tmp / ".git").mkdir()
    write(in_tmp / "proposals\\good.yaml", GOOD)
    write(in_tmp / os.fsdecode(b"bad\xff.yaml"), WARNED)

    result = run_cli(
        "check", ".", "-f", "github", "-f", "sarif:out.sarif", "-f", "gitlab:out.json"
    )

    assert result.exit_code == 0, render(result)
    sarif = json.loads((in_tmp / "out.sarif").read_text())["runs"][0]["results"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif
    }
    assert uris == {"proposals%5Cgood.yaml", "bad%5Cxff.yaml"}
    gitlab = json.loads((in_tmp / "out.json").read_text())
    assert {issue["location"]["path"] for issue in gitlab} == {
        "proposals\\good.yaml",
        "bad\\xff.yaml",
    }
    assert "::warning file=proposals\\good.yaml," in result.stdout
    assert "file=proposals/good.yaml" not in result.stdout


# Whose settings a run uses ---------------------------------------------------------------

# Settings that would let every proposal pass, whatever it holds.
LET_ALL_PASS = 'ignore = ["S", "Y", "Q", "C", "B"]\n'
BROKEN = "schema_version: 1\nid: broken-one\ntitle: t\n"


def test_outside_a_repository_a_strangers_settings_are_not_used(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/tmp/oppdrag.toml, written by anyone, does not decide a run in /tmp/work."""
    write(tmp_path / "shared-tmp/oppdrag.toml", LET_ALL_PASS)
    write(tmp_path / "shared-tmp/work/p.yaml", BROKEN)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "shared-tmp/work")

    result = run_cli("check", ".", "-f", "concise")

    assert result.exit_code == 1, render(result)
    assert "p.yaml:1:1: S003" in result.stdout


def test_outside_a_repository_settings_in_your_home_folder_are_used(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a project folder under your home folder, its settings file still counts."""
    write(tmp_path / "home/project/oppdrag.toml", LET_ALL_PASS)
    write(tmp_path / "home/project/proposals/p.yaml", BROKEN)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "home/project/proposals")

    result = run_cli("check", ".")

    assert result.exit_code == 0, render(result)


def test_settings_come_from_the_repository_checked(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'check /abs/repo' from another folder uses the repository's own settings.

    The current folder's settings belong to another project; paths in SARIF
    are from the top of the repository checked.
    """
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    write(repository / "oppdrag.toml", 'exclude = ["drafts/**"]\n')
    write(repository / "drafts/d.yaml", BROKEN)
    write(repository / "proposals/a.yaml", GOOD)
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "oppdrag.toml", "fail-on = 'info'\n")
    monkeypatch.chdir(elsewhere)

    result = run_cli("check", str(repository), "-f", f"sarif:{elsewhere}/a.sarif")

    assert result.exit_code == 0, render(result)
    sarif = json.loads((elsewhere / "a.sarif").read_text())["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["results"]
    }
    assert uris == {"proposals/a.yaml"}
