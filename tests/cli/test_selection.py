"""Which files a run checks: the same rules for every command, and no CI files.

Folders are searched for *.yaml and *.yml, leaving out hidden files and
folders, what .gitignore and ``exclude`` say, and YAML that is plainly not a
proposal (mkdocs.yml); a file named on the command line is checked unless
``--force-exclude`` (as the pre-commit hooks pass it) says otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import DATA, ROOT, RunCli, git, needs_git, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")


def project(root: Path) -> None:
    """A proposals repository with the YAML files such repositories also hold."""
    write(root / "proposals/a.yaml", GOOD)
    write(root / "proposals/b.yaml", GOOD.replace("minimal-mission", "other-mission"))
    write(root / ".pre-commit-config.yaml", "repos:\n  - repo: local\n")
    write(root / ".gitlab-ci.yml", "stages: [test]\n")
    write(root / "mkdocs.yml", "site_name: Oppdrag\nnav:\n  - index.md\n")
    write(root / ".github/workflows/ci.yml", "on: push\njobs: {}\n")


def files_checked(run_cli: RunCli, *args: str) -> list[str]:
    result = run_cli(*args, "-f", "json")
    return sorted(f["path"] for f in json.loads(result.stdout)["files"])


@pytest.mark.parametrize("command", ["validate", "check", "classify"])
def test_a_folder_walk_leaves_out_ci_and_site_files(
    run_cli: RunCli, in_tmp: Path, command: str
) -> None:
    """'check .' checks the proposals, not .pre-commit-config.yaml or mkdocs.yml."""
    project(in_tmp)

    result = run_cli(command, ".", "-f", "json")

    checked = sorted(f["path"] for f in json.loads(result.stdout)["files"])
    assert checked == ["proposals/a.yaml", "proposals/b.yaml"], render(result)
    assert json.loads(result.stdout)["skipped"] == ["mkdocs.yml"]
    assert "left out 1 YAML file(s) that are not proposals" in result.stderr


def test_a_named_file_is_always_checked(run_cli: RunCli, in_tmp: Path) -> None:
    """Naming mkdocs.yml checks it: the user asked for it."""
    project(in_tmp)

    result = run_cli("validate", "mkdocs.yml")

    assert result.exit_code == 1
    assert "mkdocs.yml:1:1: S002 error: unknown key 'site_name'" in result.stdout


def test_a_draft_with_misspelt_keys_is_still_checked(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """'titel:' is a typo of a proposal key: the file is a proposal with a mistake."""
    write(in_tmp / "drafts/draft.yaml", "titel: Grønn industri\ndeadlin: 2030\n")

    result = run_cli("validate", "drafts")

    assert result.exit_code == 1
    assert "unknown key 'titel'" in result.stdout
    assert "Did you mean 'title'?" in result.stdout


@pytest.mark.parametrize("command", ["validate", "check", "classify"])
def test_every_command_leaves_out_what_git_ignores_and_exclude(
    run_cli: RunCli, in_tmp: Path, command: str
) -> None:
    """One file selection for every command: .gitignore and exclude apply to all."""
    project(in_tmp)
    (in_tmp / ".git").mkdir()
    write(in_tmp / ".gitignore", "proposals/a.yaml\n")
    write(in_tmp / "proposals/c.yaml", GOOD.replace("minimal-mission", "c"))
    write(in_tmp / "oppdrag.toml", 'exclude = ["proposals/c.yaml"]\n')

    assert files_checked(run_cli, command, ".") == ["proposals/b.yaml"]


@pytest.mark.parametrize("command", ["validate", "check"])
def test_force_exclude_applies_exclude_to_named_files(
    run_cli: RunCli, in_tmp: Path, command: str
) -> None:
    """pre-commit names each staged file; --force-exclude keeps excluded drafts out."""
    write(in_tmp / "drafts/d.yaml", "title: x\n")
    write(in_tmp / "ok.yaml", GOOD)
    write(in_tmp / "oppdrag.toml", 'exclude = ["drafts/**"]\n')

    named = run_cli(command, "drafts/d.yaml", "ok.yaml")
    forced = run_cli(command, "--force-exclude", "drafts/d.yaml", "ok.yaml")

    assert named.exit_code == 1  # checked: named on the command line
    assert forced.exit_code == 0, render(forced)
    assert "drafts/d.yaml" not in forced.stdout


def test_force_exclude_can_be_a_setting(run_cli: RunCli, in_tmp: Path) -> None:
    """force-exclude = true in the settings does the same for every run."""
    write(in_tmp / "drafts/d.yaml", "title: x\n")
    write(in_tmp / "oppdrag.toml", 'exclude = ["drafts/**"]\nforce-exclude = true\n')

    result = run_cli("check", "drafts/d.yaml")

    assert result.exit_code == 0, render(result)


def test_the_hooks_pass_force_exclude() -> None:
    """Every per-file hook leaves out what the settings exclude."""
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    per_file = [hook for hook in hooks if hook.get("pass_filenames", True)]

    assert per_file
    assert all("--force-exclude" in hook["entry"] for hook in per_file)


# What git tracks is checked ----------------------------------------------------------

BROKEN = "schema_version: 1\nid: hidden-one\ntitle: t\n"


def commit_everything(root: Path, *init: str) -> None:
    """Make ``root`` a git repository and commit all it holds, ignored files too."""
    git(root, "init", "-q", *init)
    git(root, "add", "-f", ".")
    git(root, "commit", "-q", "-m", "proposals")


@needs_git
@pytest.mark.parametrize("index", ["2", "3", "4", "sha256"])
def test_a_committed_file_that_gitignore_lists_is_checked(
    run_cli: RunCli, in_tmp: Path, index: str
) -> None:
    """A pull request cannot hide a proposal behind a .gitignore: git tracks it.

    git leaves .gitignore aside for files it tracks; so does oppdrag, in each
    format of git's index (versions 2, 3 and 4, SHA-1 and SHA-256).
    """
    write(in_tmp / "proposals/a.yaml", GOOD)
    write(in_tmp / "proposals/evil.yaml", BROKEN)
    write(in_tmp / "proposals/.gitignore", "evil.yaml\nscratch.yaml\nlater.yaml\n")
    commit_everything(
        in_tmp, *(["--object-format=sha256"] if index == "sha256" else [])
    )
    # Added with 'intent to add' (git add -N): tracked, and an index of version 3.
    write(in_tmp / "proposals/later.yaml", BROKEN.replace("hidden-one", "later"))
    git(in_tmp, "add", "-N", "-f", "proposals/later.yaml")
    if index != "sha256":
        git(in_tmp, "update-index", "--index-version", index)
    write(in_tmp / "proposals/scratch.yaml", BROKEN.replace("hidden-one", "scratch"))

    result = run_cli("check", ".", "-f", "concise")

    assert result.exit_code == 1, render(result)
    assert "proposals/evil.yaml:1:1: S003" in result.stdout
    assert "proposals/later.yaml:1:1: S003" in result.stdout
    assert "scratch.yaml" not in result.stdout  # untracked and ignored: left out


@needs_git
def test_a_committed_file_in_an_ignored_folder_is_checked(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """'.gitignore: drafts/' leaves out the drafts, but not one git tracks."""
    write(in_tmp / "proposals/a.yaml", GOOD)
    write(in_tmp / "drafts/deep/evil.yaml", BROKEN)
    write(in_tmp / ".gitignore", "drafts/\n")
    commit_everything(in_tmp)
    write(in_tmp / "drafts/notes.yaml", BROKEN.replace("hidden-one", "notes"))

    result = run_cli("check", ".", "-f", "concise")

    assert result.exit_code == 1, render(result)
    assert "drafts/deep/evil.yaml:1:1: S003" in result.stdout
    assert "notes.yaml" not in result.stdout


@needs_git
@pytest.mark.parametrize("index", ["split", "damaged"])
def test_when_git_index_cannot_be_read_ignored_files_are_checked(
    run_cli: RunCli, in_tmp: Path, index: str
) -> None:
    """A gate does not pass what it could not see: without the index, check them all."""
    write(in_tmp / "proposals/a.yaml", GOOD)
    write(in_tmp / ".gitignore", "scratch.yaml\n")
    commit_everything(in_tmp)
    if index == "split":
        git(in_tmp, "update-index", "--split-index")
    else:
        (in_tmp / ".git/index").write_bytes(b"DIRC\0\0\0\2garbage")
    write(in_tmp / "proposals/scratch.yaml", BROKEN)

    result = run_cli("check", ".", "-f", "concise")

    assert result.exit_code == 1, render(result)
    assert "proposals/scratch.yaml:1:1: S003" in result.stdout


@pytest.mark.parametrize("order", ["folder-first", "file-first"])
def test_a_named_file_is_checked_when_a_walk_finds_it_too(
    run_cli: RunCli, in_tmp: Path, order: str
) -> None:
    """'check . proposals/sneaky.yaml' checks sneaky.yaml, proposal-like or not."""
    write(in_tmp / "proposals/a.yaml", GOOD)
    write(in_tmp / "proposals/sneaky.yaml", "site_name: Oppdrag\n")
    paths = [".", "proposals/sneaky.yaml"]

    result = run_cli(
        "check", *(paths if order == "folder-first" else paths[::-1]), "-f", "concise"
    )

    assert result.exit_code == 1, render(result)
    assert "proposals/sneaky.yaml:1:1: S002" in result.stdout
    assert "left out" not in result.stderr


# Links out of the repository -----------------------------------------------------------

SECRET = "[default]\naws_secret_access_key = AKIAEXAMPLESECRET\n"


@pytest.fixture
def linked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose proposals link to a secret and a folder beside it."""
    repository = tmp_path / "repo"
    write(repository / "proposals/a.yaml", GOOD)
    (repository / ".git").mkdir()
    write(tmp_path / "home/.aws/credentials", SECRET)
    write(tmp_path / "home/shared/s.yaml", BROKEN)
    os.symlink(tmp_path / "home/.aws/credentials", repository / "proposals/x.yaml")
    os.symlink("/proc/self/environ", repository / "proposals/env.yaml")
    os.symlink(tmp_path / "home/shared", repository / "proposals/shared")
    monkeypatch.chdir(repository)
    return repository


def test_a_link_out_of_the_repository_is_reported_not_read(
    run_cli: RunCli, linked_out: Path
) -> None:
    """A proposal linking to ~/.aws/credentials gets Y014; no line of it is shown."""
    result = run_cli("check", ".")

    assert result.exit_code == 1, render(result)
    for name in ("x.yaml", "env.yaml"):
        assert f"proposals/{name}: Y014 error: this file is a link to a file" in (
            result.stdout
        )
    assert "AKIA" not in result.stdout + result.stderr
    assert "shared" not in result.stdout  # the linked folder is not followed …
    assert (  # … and said so
        "left out 1 linked folder(s) that lead outside the repository (or the folder "
        "checked): proposals/shared"
    ) in result.stderr


def test_a_named_link_out_of_the_repository_is_reported(
    run_cli: RunCli, linked_out: Path
) -> None:
    """pre-commit names the files: a named link out is a finding, the hook fails."""
    result = run_cli("check", "--force-exclude", "proposals/x.yaml", "-f", "concise")

    assert result.exit_code == 1, render(result)
    assert result.stdout.startswith("proposals/x.yaml:1:1: Y014 [error]")
    assert "AKIA" not in result.stdout + result.stderr


def test_a_named_folder_linking_out_of_the_repository_is_not_searched(
    run_cli: RunCli, linked_out: Path
) -> None:
    """'check proposals/shared', a link out of the repository: exit 2 and why."""
    result = run_cli("check", "proposals/shared")

    assert result.exit_code == 2, render(result)
    assert "proposals/shared: skipped, the link leads outside the repository" in (
        result.stderr
    )


def test_outside_a_repository_links_stay_in_the_folder_checked(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """With no git repository, the folder checked is the bound: a link out is Y014."""
    write(in_tmp / "forslag/a.yaml", GOOD)
    write(in_tmp / "secret.yaml", SECRET)
    os.symlink("../secret.yaml", in_tmp / "forslag/x.yaml")

    result = run_cli("validate", "forslag")

    assert result.exit_code == 1, render(result)
    assert "forslag/x.yaml: Y014 error" in result.stdout
    assert "AKIA" not in result.stdout
