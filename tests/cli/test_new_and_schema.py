"""``oppdrag new`` templates and ``oppdrag --version``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, RunCli, render


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


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_an_unfilled_template_does_not_pass_check(run_cli: RunCli, lang: str) -> None:
    """'oppdrag new' then 'oppdrag check': the template's own example text is Q108."""
    template = run_cli("new", "--lang", lang).stdout
    result = run_cli("check", "-", "-f", "concise", input=template)

    assert result.exit_code == 1, render(result)
    placeholders = [line for line in result.stdout.splitlines() if " Q108 " in line]
    assert len(placeholders) >= 6  # id, title, challenge, problems, goal, approach


def test_a_filled_in_template_passes(run_cli: RunCli) -> None:
    """Once the example texts are replaced, Q108 has nothing left to say."""
    template = run_cli("new", "--lang", "nb").stdout
    filled = (
        template.replace("mitt-fylke-nytt-oppdrag", "vestland-batteri")
        .replace("Navnet på oppdraget", "Batteriverdikjeden i Vestland")
        .replace("Beskriv samfunnsutfordringen", "For få fagfolk")
        .replace("Første delproblem", "Skolene mangler utstyr")
        .replace("Andre delproblem", "Bedriftene mangler ingeniører")
        .replace("Hva skal oppdraget oppnå", "2000 nye fagarbeidere")
        .replace("Det som måles", "Fagarbeidere")
        .replace("Hvordan skal oppdraget gjennomføres", "Tre piloter")
    )

    result = run_cli("check", "-", "-f", "concise", input=filled)

    assert " Q108 " not in result.stdout, result.stdout


def test_the_nynorsk_template_writes_nynorsk(run_cli: RunCli) -> None:
    """The nynorsk template declares its type in nynorsk, and it validates."""
    template = run_cli("new", "--lang", "nn").stdout

    assert "declared_type: akselererande" in template


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("akselererande", True), ("transformerande", True), ("transformerende", True)],
)
def test_mission_types_in_bokmal_and_nynorsk_are_accepted(
    run_cli: RunCli, in_tmp: Path, value: str, accepted: bool
) -> None:
    """declared_type may be written in bokmål or nynorsk."""
    text = (ROOT / "tests/data/valid-minimal.yaml").read_text()
    (in_tmp / "p.yaml").write_text(text + f"declared_type: {value}\n")

    result = run_cli("validate", "p.yaml")

    assert (result.exit_code == 0) is accepted, render(result)


def test_hele_landet_means_national(run_cli: RunCli, in_tmp: Path) -> None:
    """'county: Hele landet' is national, not 'did you mean Innlandet?'."""
    text = (ROOT / "tests/data/valid-minimal.yaml").read_text()
    (in_tmp / "p.yaml").write_text(text + "county: Hele landet\n")

    result = run_cli("validate", "p.yaml", "-f", "json")

    assert result.exit_code == 0, render(result)
    assert "Innlandet" not in result.stdout


def test_a_year_in_quotes_is_told_to_lose_the_quotes(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """deadline: "2050" says to remove the quotes, in the user's language."""
    text = (ROOT / "tests/data/valid-minimal.yaml").read_text()
    (in_tmp / "p.yaml").write_text(text.replace("deadline: 2030", 'deadline: "2050"'))

    english = run_cli("validate", "p.yaml")
    bokmal = run_cli("validate", "--lang", "nb", "p.yaml")

    assert (
        "deadline is a number in quotes (2050), which makes it text" in english.stdout
    )
    assert "help: Remove the quotes: deadline: 2050" in english.stdout
    assert "Fjern anførselstegnene: deadline: 2050" in bokmal.stdout
