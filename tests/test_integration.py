"""The integrations as their users meet them: pre-commit, GitHub Actions, GitLab CI."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT
from tests.controls import forged_commands, raw_controls

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
    # Committed files named like options ('--config=evil.yaml') stay file names.
    assert "pre-commit try-repo: file names are never options" in result.stdout


def test_the_readme_activate_line_makes_oppdrag_the_command(tmp_path: Path) -> None:
    """'source .venv/bin/activate', as the README writes it, gives 'oppdrag' in bash."""
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    [line] = [b.split("#")[0].strip() for b in blocks if "bin/activate" in b]
    venv = Path(sys.prefix)
    (tmp_path / ".venv").symlink_to(venv)
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", f"{line} && oppdrag --version"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("oppdrag ")


def test_pre_commit_hooks_are_declared() -> None:
    """The hooks exist, run the right command, and see the whole batch at once."""
    hooks = {h["id"]: h for h in YAML_SAFE.load(ROOT / ".pre-commit-hooks.yaml")}

    # File names come after '--': a file named like an option stays a file. The
    # rules across files are left to the hook that sees every file.
    assert hooks["oppdrag-check"]["entry"] == (
        "oppdrag check --force-exclude --ignore B --"
    )
    assert hooks["oppdrag-check-across-files"]["entry"] == "oppdrag check --select B"
    assert hooks["oppdrag-check-across-files"]["pass_filenames"] is False
    assert hooks["oppdrag-validate"]["entry"] == "oppdrag validate --force-exclude --"
    # The whole repository, so rules across files (B201, B202) see every proposal.
    assert hooks["oppdrag-check-repository"]["entry"] == "oppdrag check"
    assert hooks["oppdrag-check-repository"]["pass_filenames"] is False
    assert all(h["require_serial"] and h["types"] == ["yaml"] for h in hooks.values())


def readme_block(first_line: str) -> str:
    """The README's YAML block that starts with ``first_line``, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)
    [block] = [b for b in blocks if b.startswith(first_line)]
    return block


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=ci@oppdrag.invalid", "-c", "user.name=ci", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_readme_pre_commit_snippet_works_as_written(tmp_path: Path) -> None:
    """The README's hooks, on a clone of this repository (only the address replaced):
    they install from the 'rev' written there, pass on the examples, and a copy of a
    proposal fails on its duplicate id, with every finding shown once."""
    pytest.importorskip("pre_commit")
    clone = tmp_path / "oppdrag"
    git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    snippet = readme_block("# .pre-commit-config.yaml")
    assert "<address of the oppdrag repository>" in snippet
    repository = tmp_path / "proposals-repository"
    shutil.copytree(ROOT / "examples", repository / "proposals")
    (repository / ".pre-commit-config.yaml").write_text(
        snippet.replace("<address of the oppdrag repository>", str(clone))
    )
    git("init", "--quiet", cwd=repository)
    git("add", ".", cwd=repository)
    git("commit", "--quiet", "-m", "proposals", cwd=repository)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)

    def pre_commit_run(*more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", *more],
            cwd=repository,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )

    first = pre_commit_run()
    assert first.returncode == 0, first.stdout + first.stderr
    copy = (repository / "proposals/lavutslippssamfunn-trondelag.yaml").read_text()
    (repository / "proposals/copy.yaml").write_text(copy)
    git("add", ".", cwd=repository)
    second = pre_commit_run("--verbose")
    findings = re.findall(
        r"^proposals/\S+:\d+:\d+: [A-Z]\d{3} .*$", second.stdout, re.M
    )

    assert second.returncode == 1, second.stdout + second.stderr
    assert "oppdrag check (mission proposals)" in second.stdout
    assert [line for line in findings if " B201 " in line] != [], second.stdout
    assert len(findings) == len(set(findings)), second.stdout  # each shown once


# The CI templates, run as shipped --------------------------------------------------
#
# Each test builds oppdrag from this checkout into a new virtual environment and
# runs the template's own script lines there, with pip kept offline: the new
# environment sees this one's packages, and pip installs oppdrag alone from its
# source. Nothing is downloaded.

EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


@pytest.fixture(scope="module")
def clean_environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment variables for a new virtual environment without oppdrag in it."""
    venv = tmp_path_factory.mktemp("ci") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    ours = [path for path in sys.path if path.endswith("site-packages")]
    (site / "_dependencies.pth").write_text("\n".join(ours) + "\n")
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "VIRTUAL_ENV": str(venv),
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_IGNORE_INSTALLED": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    for name in ("PYTHONPATH", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    return env


def project(root: Path, folder: str) -> Path:
    """A proposals repository: the examples and a draft with warnings in ``folder``."""
    shutil.copytree(ROOT / "examples", root / folder)
    shutil.copy(
        ROOT / "tests" / "data" / "valid-minimal.yaml", root / folder / "draft.yaml"
    )
    (root / ".git").mkdir()
    return root


def run_step(
    script: str, env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """One script as GitHub's 'shell: bash' and GitLab's runner run it."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def action_steps(context: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """The action's shell steps, with their env: expressions filled from ``context``."""
    action = YAML_SAFE.load(ROOT / "action.yml")
    steps = []
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue  # actions/setup-python: the test brings its own Python
        env = {
            name: EXPRESSION.sub(lambda m: context[m.group(1)], str(value))
            for name, value in (step.get("env") or {}).items()
        }
        steps.append((step["run"], env))
    return steps


@pytest.mark.slow
def test_github_action_runs_as_shipped(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """Installs from its own folder, checks a path with a space, annotates, summarises."""
    repository = project(tmp_path, "my proposals")
    summary = tmp_path / "step-summary.md"
    context = {
        "github.action_path": str(ROOT),
        "inputs.paths": "my proposals/\n",
        "inputs.args": "--fail-on error",
        "inputs.sarif": "out/oppdrag.sarif",
    }
    base = {
        **clean_environment,
        "GITHUB_ACTIONS": "true",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
    }

    runs = [
        run_step(script, {**base, **env}, repository)
        for script, env in action_steps(context)
    ]

    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert "::warning file=my proposals/" in runs[-1].stdout
    assert json.loads((repository / "out/oppdrag.sarif").read_text())["runs"]
    assert summary.read_text().startswith("### oppdrag")


@pytest.mark.slow
def test_github_action_inputs_cannot_run_commands(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """An input such as '--fail-on warning; echo …' is an argument, never a command."""
    repository = project(tmp_path, "proposals")
    context = {
        "github.action_path": str(ROOT),
        "inputs.paths": "proposals/ $(echo INJECTED-PATH)",
        "inputs.args": "--fail-on warning; echo INJECTED-ARGS",
        "inputs.sarif": "",
    }
    env = {**clean_environment, "RUNNER_TEMP": str(tmp_path)}
    install, check = action_steps(context)

    assert run_step(install[0], {**env, **install[1]}, repository).returncode == 0
    run = run_step(check[0], {**env, **check[1]}, repository)

    assert run.returncode == 2
    assert "INJECTED" not in run.stdout.replace("$(echo INJECTED-PATH)", "")
    assert all("${{" not in script for script, _ in action_steps(context))


# Hostile files in a proposals repository: names and values that would forge a
# workflow command or act on a terminal if they reached the log raw.
HOSTILE_FILES = {
    "cr\r::error::forged.yaml": "\r::error file=README.md,line=1::INJECTED",
    "::error::forged.yaml": "\r::stop-commands::x",
    "esc\x1b[2J.yaml": "\x1b]8;;file:///etc/passwd\x07x",
    "new\nline.yaml": "\u2028::error::INJECTED",
}


def hostile_project(root: Path) -> Path:
    """A repository whose proposals have hostile names and a hostile status each."""
    repository = project(root, "proposals")
    minimal = (ROOT / "tests" / "data" / "valid-minimal.yaml").read_text()
    for name, status in HOSTILE_FILES.items():
        quoted = json.dumps(status)  # a JSON string is a YAML double-quoted one
        text = minimal.replace("title:", f"status: {quoted}\ntitle:")
        (repository / "proposals" / name).write_text(text, encoding="utf-8")
    return repository


@pytest.mark.slow
def test_github_action_log_holds_only_its_own_annotations(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """Hostile file names and values cannot forge a workflow command in the log.

    The runner ends a line at a lone CR; every value and name is shown with
    escapes, so each line starting with '::' is one of oppdrag's annotations,
    and the step summary and the SARIF file hold no control character raw.
    """
    repository = hostile_project(tmp_path)
    summary = tmp_path / "step-summary.md"
    context = {
        "github.action_path": str(ROOT),
        "inputs.paths": "proposals/\n",
        "inputs.args": "",
        "inputs.sarif": "oppdrag.sarif",
    }
    base = {
        **clean_environment,
        "GITHUB_ACTIONS": "true",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
    }

    runs = [
        run_step(script, {**base, **env}, repository)
        for script, env in action_steps(context)
    ]

    log = runs[-1].stdout
    assert [run.returncode for run in runs] == [0, 1], runs[-1].stderr
    assert raw_controls(log + runs[-1].stderr) == []
    assert forged_commands(log) == []
    assert log.count("title=S005 invalid-choice::") == len(HOSTILE_FILES)
    assert raw_controls(summary.read_text(encoding="utf-8")) == []
    assert raw_controls((repository / "oppdrag.sarif").read_text("utf-8")) == []


def gitlab_job() -> tuple[dict[str, str], list[str]]:
    template = YAML_SAFE.load(ROOT / "ci" / "gitlab" / "oppdrag.gitlab-ci.yml")
    return dict(template["variables"]), list(template["oppdrag"]["script"])


@pytest.mark.slow
def test_gitlab_template_runs_as_shipped(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """With OPPDRAG_PACKAGE set, the job installs oppdrag and writes both reports."""
    repository = project(tmp_path, "proposals")
    variables, script = gitlab_job()
    env = {
        **clean_environment,
        **variables,
        "OPPDRAG_PACKAGE": str(ROOT),
        "OPPDRAG_PATHS": "proposals/",
    }

    runs = [run_step(line, env, repository) for line in script]

    assert [run.returncode for run in runs] == [0, 0, 0], runs[-1].stderr
    report = json.loads((repository / "gl-code-quality-report.json").read_text())
    assert {issue["location"]["path"][:10] for issue in report} == {"proposals/"}
    assert (repository / "oppdrag-junit.xml").read_text().startswith("<?xml")


@pytest.mark.slow
def test_gitlab_template_reads_every_file_name_as_a_file(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """OPPDRAG_PATHS '*.yaml' over a file named '--config=evil.yaml' (and evil.yaml
    ignoring every rule): the names are files, and the broken proposal fails the job."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "evil.yaml").write_text('ignore = ["ALL"]\n')
    shutil.copy(
        ROOT / "tests" / "data" / "valid-minimal.yaml", tmp_path / "--config=evil.yaml"
    )
    (tmp_path / "bad.yaml").write_text("schema_version: 1\nid: Not An Id\n")
    variables, script = gitlab_job()
    env = {
        **clean_environment,
        **variables,
        "OPPDRAG_PACKAGE": str(ROOT),
        "OPPDRAG_PATHS": "*.yaml",
    }

    runs = [run_step(line, env, tmp_path) for line in script]

    assert [run.returncode for run in runs] == [0, 0, 1], runs[-1].stderr
    assert "bad.yaml:2:5: S007" in runs[-1].stdout
    report = json.loads((tmp_path / "gl-code-quality-report.json").read_text())
    assert {issue["location"]["path"] for issue in report} >= {
        "bad.yaml",
        "--config=evil.yaml",
    }


@pytest.mark.slow
def test_gitlab_reports_hold_no_control_character_raw(
    clean_environment: dict[str, str], tmp_path: Path
) -> None:
    """Code Quality JSON and JUnit XML show hostile names and values with escapes."""
    repository = hostile_project(tmp_path)
    variables, script = gitlab_job()
    env = {
        **clean_environment,
        **variables,
        "OPPDRAG_PACKAGE": str(ROOT),
        "OPPDRAG_PATHS": "proposals/",
    }

    runs = [run_step(line, env, repository) for line in script]

    assert runs[-1].returncode == 1, runs[-1].stderr
    for report in ("gl-code-quality-report.json", "oppdrag-junit.xml"):
        assert raw_controls((repository / report).read_text("utf-8")) == [], report
    issues = json.loads((repository / "gl-code-quality-report.json").read_text())
    assert sum(i["check_name"] == "S005" for i in issues) == len(HOSTILE_FILES)


def test_gitlab_template_installs_nothing_by_default(tmp_path: Path) -> None:
    """Without OPPDRAG_PACKAGE the job stops at once: no name is guessed."""
    variables, script = gitlab_job()

    assert variables["OPPDRAG_PACKAGE"] == ""
    run = run_step(script[0], {**os.environ, **variables}, tmp_path)

    assert run.returncode == 2
    assert "set OPPDRAG_PACKAGE" in run.stderr


def test_github_action_annotates_and_writes_sarif() -> None:
    """The action is composite and runs check with annotations and SARIF."""
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
