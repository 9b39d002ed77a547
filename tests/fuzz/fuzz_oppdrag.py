"""Coverage-guided fuzzing of oppdrag's entry points with atheris (libFuzzer).

Each input is one byte that picks the entry point, then the bytes of a file:

- ``validate``: reading, decoding, the second opinion, the schema;
- ``check``: the same with the quality rules, waivers and batch rules;
- ``classify``: the same with every mission classified and its evidence located;

and ``validate`` also as a folder walk would see it (is it a proposal at all?),

and the report of each is rendered as text, JSON and SARIF. Any exception that
escapes is a crash, and so is a control character of the input that reaches a
report raw; libFuzzer's ``-timeout`` turns a slow input into one too.

Run from the repository root (see CONTRIBUTING.md, "Fuzzing")::

    python tests/fuzz/fuzz_oppdrag.py -max_total_time=60

The seed corpus (examples, rule cases, the YAML test suite and every kept crash)
and the dictionary of YAML tokens are added unless a corpus folder is given.
A crash found is kept as a regression case in ``tests/fuzz/crashes/``, which
``tests/fuzz/test_crashes.py`` runs on every test run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

with atheris.instrument_imports(include=["oppdrag", "ruamel"]):
    from oppdrag.check.finish import finish
    from oppdrag.config import CheckSettings
    from oppdrag.engine.run import Options, Plan, Session, check_bytes
    from oppdrag.report import RunReport
    from oppdrag.reporters.json import render_json
    from oppdrag.reporters.sarif import render_sarif
    from oppdrag.reporters.text import render_text
    from oppdrag.validation.sniff import looks_like_proposal

from tests.controls import raw_controls  # noqa: E402
from tests.fuzz.seeds import ENTRY_POINTS, write_seeds  # noqa: E402

SETTINGS = CheckSettings()
SESSIONS = {
    "validate": Session(Options()),
    "check": Session(Options(plan=Plan.CHECK, check=SETTINGS, reference_year=2026)),
    "classify": Session(Options(plan=Plan.CLASSIFY)),
}


def run_one(entry: str, raw: bytes) -> None:
    """Check ``raw`` as the entry point does and render the report three ways.

    Raises:
        AssertionError: a report holds a control character raw.
    """
    file_report = check_bytes(raw, "fuzz.yaml", SESSIONS[entry])
    # As a folder walk would: is it a proposal? (On the data read, or its lines.)
    if entry == "validate":
        check_bytes(raw, "fuzz.yaml", SESSIONS[entry], sniff=True)
    looks_like_proposal(raw.decode("utf-8", "replace"))
    report = RunReport((file_report,), (), "fuzz")
    if entry == "check":
        report = finish(report, SETTINGS, None)
    for output in (
        render_text(report, "en", color=False, quiet=False),
        render_json(report, "nb", entry),
        render_sarif(report, "en"),
    ):
        found = raw_controls(output)
        if found:
            raise AssertionError(f"raw control characters in a report: {found!r}")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    run_one(ENTRY_POINTS[data[0] % len(ENTRY_POINTS)], data[1:])


def main() -> None:
    arguments = list(sys.argv)
    options = [a for a in arguments[1:] if a.startswith("-")]
    folders = [a for a in arguments[1:] if not a.startswith("-")]
    if not any(a.startswith("-dict=") for a in options):
        arguments.append(f"-dict={HERE / 'yaml.dict'}")
    if not any(a.startswith("-timeout=") for a in options):
        arguments.append("-timeout=5")
    if not folders:
        seeds = Path(tempfile.mkdtemp(prefix="oppdrag-fuzz-"))
        count = write_seeds(seeds)
        sys.stderr.write(f"fuzz: {count} seed inputs in {seeds}\n")
        arguments.append(str(seeds))
    atheris.Setup(arguments, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
