"""The ``lang`` setting: a project's language for every command and every person.

Hooks and CI often run with an English locale; a county's repository that sets
``lang = "nb"`` gets bokmål there too. ``--lang`` and OPPDRAG_LANG come first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
BROKEN = GOOD.replace("id: minimal-mission", "id: Not An Id")


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A repository whose settings ask for bokmål, with one broken proposal."""
    (in_tmp / ".git").mkdir()
    write(in_tmp / "pyproject.toml", '[tool.oppdrag]\nlang = "nb"\n')
    write(in_tmp / "proposals" / "p.yaml", BROKEN)
    return in_tmp


@pytest.mark.parametrize("command", ["validate", "check", "classify", "explain"])
def test_every_command_speaks_the_projects_language(
    run_cli: RunCli, project: Path, command: str
) -> None:
    """With an English locale, the setting gives bokmål messages and summaries."""
    result = run_cli(command, "proposals")

    assert result.exit_code == 1, render(result)
    shown = result.stdout + result.stderr
    assert any(word in shown for word in ("feil", "ugyldig", "ikke gyldig")), shown


def test_the_option_and_oppdrag_lang_come_first(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--lang en, or OPPDRAG_LANG=en, give English over the setting."""
    by_option = run_cli("validate", "--lang", "en", "proposals")
    monkeypatch.setenv("OPPDRAG_LANG", "en")
    by_environment = run_cli("validate", "proposals")

    assert "S007 error" in by_option.stdout, render(by_option)
    assert "S007 error" in by_environment.stdout, render(by_environment)


def test_commands_without_proposals_follow_the_setting(
    run_cli: RunCli, project: Path
) -> None:
    """'oppdrag new -o' says in bokmål that the file exists."""
    write(project / "taken.yaml", "x")
    result = run_cli("new", "-o", "taken.yaml")

    assert result.exit_code == 2
    assert "finnes allerede" in result.stderr, render(result)


def test_an_unknown_language_is_a_settings_error(run_cli: RunCli, in_tmp: Path) -> None:
    """lang = "se" is refused with the file named, exit 2."""
    write(in_tmp / "oppdrag.toml", 'lang = "se"\n')
    write(in_tmp / "p.yaml", GOOD)
    result = run_cli("validate", "p.yaml")

    assert result.exit_code == 2
    assert "oppdrag.toml" in result.stderr
    assert "lang" in result.stderr
