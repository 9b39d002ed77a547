"""``oppdrag new`` templates and ``oppdrag --version``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli, render


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_template_validates_as_it_is(run_cli: RunCli, lang: str) -> None:
    """Each template is a valid proposal in its own language."""
    template = run_cli("new", "--lang", lang)
    result = run_cli("validate", "-", input=template.stdout)

    assert template.exit_code == 0
    assert f"language: {lang}" in template.stdout
    assert result.exit_code == 0, render(result)


def test_new_refuses_to_overwrite(run_cli: RunCli, in_tmp: Path) -> None:
    """An existing file is left alone unless --force is given."""
    (in_tmp / "p.yaml").write_text("mine\n")
    refused = run_cli("new", "-o", "p.yaml")
    forced = run_cli("new", "-o", "p.yaml", "--force")

    assert refused.exit_code == 2
    assert "already exists" in refused.stderr
    assert forced.exit_code == 0
    assert (in_tmp / "p.yaml").read_text().startswith("# Mal for et forslag")


def test_new_unknown_language(run_cli: RunCli) -> None:
    """A template language that does not exist is a usage error."""
    result = run_cli("new", "--lang", "sv")

    assert result.exit_code == 2
    assert "'sv' is not one of nb, nn, en" in result.stderr


def test_version(run_cli: RunCli) -> None:
    """--version prints the name and version."""
    result = run_cli("--version")

    assert result.exit_code == 0
    assert result.stdout.startswith("oppdrag 0.")
