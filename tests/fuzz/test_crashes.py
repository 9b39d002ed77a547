"""Every kept input runs through every entry point without an exception, quickly.

And no output of it holds a control character from the input raw.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from oppdrag.check.finish import finish
from oppdrag.config import CheckSettings
from oppdrag.engine.run import Options, Plan, Session, check_bytes
from oppdrag.report import RunReport
from oppdrag.reporters.json import render_json
from oppdrag.reporters.sarif import render_sarif
from oppdrag.reporters.text import render_text
from tests.controls import raw_controls
from tests.fuzz.seeds import CRASHES, ENTRY_POINTS

KEPT = sorted(p for p in CRASHES.iterdir() if p.suffix != ".md")
SETTINGS = CheckSettings()
OPTIONS = {
    "validate": Options(),
    "check": Options(plan=Plan.CHECK, check=SETTINGS, reference_year=2026),
    "classify": Options(plan=Plan.CLASSIFY),
}


def test_the_crashes_are_kept() -> None:
    """The red-team inputs are here (a guard against an emptied folder)."""
    assert len(KEPT) >= 12


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("path", KEPT, ids=lambda path: path.name)
def test_kept_crash_is_checked_without_an_exception(path: Path, entry: str) -> None:
    """Reading, checking, classifying and rendering all finish, within 2 seconds.

    The text, JSON and SARIF reports show every control character of the input
    as an escape (tests/cli/test_hostile_output.py has every format).
    """
    started = time.process_time()
    file_report = check_bytes(path.read_bytes(), path.name, Session(OPTIONS[entry]))
    report = RunReport((file_report,), (), "test")
    if entry == "check":
        report = finish(report, SETTINGS, None)
    for text in (
        render_text(report, "en", color=False, quiet=False),
        render_json(report, "nb", entry),
        render_sarif(report, "en"),
    ):
        assert text
        assert raw_controls(text) == []
    assert time.process_time() - started < 2
