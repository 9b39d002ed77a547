"""The integrations as their users meet them: pre-commit, GitHub Actions, GitLab CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

YAML_SAFE = YAML(typ="safe")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_try_repo_passes_on_the_examples() -> None:
    """'pre-commit try-repo' runs oppdrag-check and oppdrag-validate on the examples."""
    pytest.importorskip("pre_commit")
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "pre-commit-try-repo.sh")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHON": sys.executable},
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "oppdrag check (mission proposals)" in result.stdout
    assert "Passed" in result.stdout
    # A second file with an id already used, staged alone: the repository hook
    # sees both files and fails on the duplicate.
    assert "B201 error: the id 'trondelag-lavutslippssamfunn' is also used at copy" in (
        result.stdout
    )


def test_pre_commit_hooks_are_declared() -> None:
    """The hooks exist, run the right command, and see the whole batch at once."""
    hooks = {h["id"]: h for h in YAML_SAFE.load(ROOT / ".pre-commit-hooks.yaml")}

    assert hooks["oppdrag-check"]["entry"] == "oppdrag check --force-exclude"
    assert hooks["oppdrag-validate"]["entry"] == "oppdrag validate --force-exclude"
    # The whole repository, so rules across files (B201, B202) see every proposal.
    assert hooks["oppdrag-check-repository"]["entry"] == "oppdrag check"
    assert hooks["oppdrag-check-repository"]["pass_filenames"] is False
    assert all(h["require_serial"] and h["types"] == ["yaml"] for h in hooks.values())


def test_github_action_annotates_and_writes_sarif() -> None:
    """The action installs this package and runs check with annotations and SARIF."""
    action = YAML_SAFE.load(ROOT / "action.yml")
    script = action["runs"]["steps"][-1]["run"]

    assert action["runs"]["using"] == "composite"
    assert "-f github" in script
    assert "sarif:" in script


def test_gitlab_template_reports_code_quality_and_junit() -> None:
    """The GitLab job writes Code Quality JSON and JUnit XML as report artifacts."""
    template = YAML_SAFE.load(ROOT / "ci" / "gitlab" / "oppdrag.gitlab-ci.yml")
    job = template["oppdrag"]
    script = " ".join(job["script"])

    assert "gitlab:gl-code-quality-report.json" in script
    assert job["artifacts"]["reports"] == {
        "codequality": "gl-code-quality-report.json",
        "junit": "oppdrag-junit.xml",
    }
