"""The rulebook oppdrag reads (rulebook.json) is the one maintainers edit (rulebook.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppdrag.classify.rulebook import (
    COPY_NAME,
    SOURCE_NAME,
    Rulebook,
    default_rulebook,
    shipped_copy,
)
from oppdrag.source.yaml import read_trusted

FOLDER = Path(__file__).resolve().parents[2] / "src" / "oppdrag" / "classify"


def test_the_json_copy_holds_what_the_yaml_says(request: pytest.FixtureRequest) -> None:
    copy = FOLDER / COPY_NAME
    expected = shipped_copy()
    if request.config.getoption("--update-goldens"):
        copy.write_text(expected, encoding="utf-8")
    assert copy.read_text(encoding="utf-8") == expected, (
        f"{COPY_NAME} is older than {SOURCE_NAME}; write it anew with "
        "`pytest tests/classify/test_rulebook_copy.py --update-goldens`"
    )


def test_reading_the_copy_gives_the_rulebook_the_yaml_gives() -> None:
    from_yaml = Rulebook.model_validate(
        read_trusted((FOLDER / SOURCE_NAME).read_text(encoding="utf-8"))
    )
    assert repr(default_rulebook()) == repr(from_yaml)
    assert default_rulebook() == from_yaml
