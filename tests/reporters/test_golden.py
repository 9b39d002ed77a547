"""Golden files for every output format of ``oppdrag validate``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oppdrag import __version__
from tests.conftest import DATA, RunCli

CASES = ["six-faults.yaml", "strategy-with-faults.yaml", "valid-minimal.yaml"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("fmt", "ext"), [("text", "txt"), ("json", "json")])
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_output_matches_golden(
    run_cli: RunCli,
    golden: Callable[[str, str], None],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    fmt: str,
    ext: str,
    lang: str,
) -> None:
    """The output for each sample, format and language is exactly the reviewed one."""
    monkeypatch.chdir(DATA)
    result = run_cli("validate", "--format", fmt, "--lang", lang, case)

    stem = case.removesuffix(".yaml")
    golden(
        f"validate/{stem}.{lang}.{ext}", result.stdout.replace(__version__, "<version>")
    )
