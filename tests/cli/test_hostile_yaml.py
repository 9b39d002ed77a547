"""Hostile YAML of a few bytes: a located finding, no traceback, bounded time and memory.

Each input once crashed the run, hung it or took quadratic time. Every case runs
the real command line in its own process, beside a good file that must still be
checked, and is held to a bound on CPU time and peak memory: a regression that
crashes the C reader (a segmentation fault) fails the test instead of pytest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, RunCli, write
from tests.processes import run_measured

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")


def merge_bomb(levels: int, fan_out: int) -> bytes:
    """Merge keys that repeat the level below ``fan_out`` times, ``levels`` deep."""
    lines = ["l0: &l0 {a: 1, b: 2}"]
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*l{level - 1}"] * fan_out)
        lines.append(f"l{level}: &l{level} {{<<: [{aliases}]}}")
    return ("\n".join(lines) + "\n").encode()


def waivers(repeats: int) -> bytes:
    """A proposal with one comment line of unclosed waiver directives."""
    proposal = GOOD.replace("minimal-mission", "waived-mission")
    return (proposal + " ".join(["# oppdrag: ignore["] * repeats) + "\n").encode()


def many_keys(count: int) -> bytes:
    return "".join(f"k{i}: v\n" for i in range(count)).encode()


@dataclass(frozen=True)
class Case:
    """One hostile input, the command that reads it, and what it must report."""

    name: str
    content: bytes
    command: str = "validate"
    code: str | None = None  # the finding the file must get (None: no error at all)
    where: tuple[int, int] | None = None
    exit_code: int = 1
    seconds: float = 2.0
    megabytes: int = 200


CASES = [
    Case("bool-tag", b"a: !!bool x\n", code="Y001", where=(1, 4)),
    Case("bool-tag-flow", b"!!bool f[alse\n", code="Y001", where=(1, 1)),
    Case("empty-int", b"!!int\n", code="Y001", where=(1, 1)),
    Case("empty-float", b"!!float\n", code="Y001", where=(1, 1)),
    Case("int-tag-bracket", b"!!int ]d d\n", code="Y001", where=(1, 1)),
    Case("timestamp-tag", b"a: !!timestamp 2024-02-30\n", code="Y001", where=(1, 4)),
    Case("null-tag", b"a: !!null x\n", code="Y001", where=(1, 4)),
    Case("binary-tag", b"a: !!binary aGVsbG8=\n", code="Y009", where=(1, 4)),
    Case("set-tag", b"a: !!set {x, y}\n", code="Y009", where=(1, 4)),
    Case("omap-tag", b"a: !!omap [x: 1]\n", code="Y009", where=(1, 4)),
    Case("self-merge", b"a: &a {<<: *a}\n", code="Y006", where=(1, 4)),
    Case("merge-own-list", b"a: &a {<<: [*a]}\n", code="Y006", where=(1, 4)),
    Case(
        "huge-hex-number",
        b"schema_version: 0x" + b"f" * 3600 + b"\n",
        code="Y012",
        where=(1, 17),
    ),
    Case("deep-brackets", b"[" * 30_000 + b"\n", code="Y007", where=(1, 65)),
    Case("merge-bomb", merge_bomb(6, 9), code="Y006", where=(1, 5)),
    Case("waiver-line", waivers(8_000), command="check", exit_code=0),
    Case("keys", many_keys(20_000), command="check", code="Y012", where=(1, 1)),
    # Ten times the last three: still well inside the bounds, so not quadratic.
    Case("merge-bomb-10x", merge_bomb(9, 40), code="Y006", where=(1, 5), seconds=10),
    Case("waiver-line-10x", waivers(80_000), command="check", exit_code=0, seconds=10),
    Case(
        "keys-10x",
        many_keys(200_000),
        command="check",
        code="Y012",
        where=(1, 1),
        seconds=10,
        megabytes=1000,  # the reader composes every key before counting them
    ),
    Case("long-text", b"title: " + b"ord " * 30_000 + b"\n", code="Y012", where=(1, 8)),
    Case("long-word", b"title: " + b"x" * 9_000_000 + b"\n", code="Y012", where=(1, 8)),
]


def findings_of(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    [entry] = [f for f in report["files"] if f["path"].endswith(name)]
    found = list(entry["findings"])
    for unit in entry["documents"]:
        found.extend(unit["findings"])
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_yaml_is_a_located_finding_within_bounds(
    case: Case, tmp_path: Path
) -> None:
    """The file gets its finding at its place; the good file is checked; time is bounded."""
    write(tmp_path / "bad.yaml", case.content)
    write(tmp_path / "good.yaml", GOOD)

    run = run_measured([case.command, "-f", "json", "bad.yaml", "good.yaml"], tmp_path)
    report = json.loads(run.stdout)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code == case.exit_code, run.stderr
    bad = findings_of(report, "bad.yaml")
    errors = [f for f in bad if f["severity"] == "error"]
    if case.code is None:
        assert errors == []
    else:
        [finding] = errors
        assert finding["code"] == case.code
        assert (finding["line"], finding["column"]) == case.where
        assert "X001" not in {f["code"] for f in bad}
    good = findings_of(report, "good.yaml")
    assert [f for f in good if f["severity"] == "error"] == []
    assert run.cpu_seconds < case.seconds, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.peak_megabytes < case.megabytes, f"{run.peak_megabytes:.0f} MB"


def test_a_fault_inside_oppdrag_is_x001_and_exit_2(
    run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug met on one file is reported for that file; the others are still checked."""
    import oppdrag.engine.run  # noqa: PLC0415

    real = oppdrag.engine.run._check_loaded

    def fails_on_one(text: str, loaded: Any, name: str, session: Any) -> Any:
        if name.endswith("trips.yaml"):
            raise ZeroDivisionError("a fault")
        return real(text, loaded, name, session)

    monkeypatch.setattr(oppdrag.engine.run, "_check_loaded", fails_on_one)
    write(in_tmp / "good.yaml", GOOD)
    write(in_tmp / "trips.yaml", GOOD.replace("minimal-mission", "other-mission"))

    result = run_cli("validate", "good.yaml", "trips.yaml")

    assert result.exit_code == 2
    assert "trips.yaml: X001 error: oppdrag failed while checking this file" in (
        result.stdout
    )
    assert "ZeroDivisionError: a fault" in result.stdout
    assert "good.yaml" not in result.stdout  # checked, and clean
    assert "2 file(s), 1 mission(s): 1 valid, 0 invalid" in result.stdout
    assert "1 file(s) could not be checked" in result.stdout


# Comments: meaningless to both readers, so never costly -----------------------------

# The reproduction: an anchor (a construct the two readers could read differently,
# so the round-trip reader gives its opinion), then a long comment.
ANCHOR = "id: &a x\n"
ANCHORED = GOOD.replace("id: minimal-mission", "id: &a minimal-mission")

COMMENTS = [
    ("comment-line-1MB", ANCHOR + "# " + "x" * 1_000_000 + "\n", 2),
    ("comment-line-9MB", ANCHOR + "# " + "x" * 9_000_000 + "\n", 5),
    ("block-text-header-9MB", ANCHOR + "b: | #" + "x" * 9_000_000 + "\n  t\n", 5),
    ("comment-lines-9MB", ANCHORED + "#\n" * 4_500_000, 5),
    ("blank-lines-9MB", "---\n" + "\n" * 9_000_000 + ANCHORED, 5),
]


@pytest.mark.parametrize(
    ("name", "text", "seconds"), COMMENTS, ids=[name for name, _, _ in COMMENTS]
)
def test_long_comments_and_blank_lines_are_read_in_linear_time(
    tmp_path: Path, name: str, text: str, seconds: float
) -> None:
    """Megabytes of comments or blank lines beside an anchor: read, in seconds.

    The round-trip reader, asked for a second opinion on the anchor, built a
    1 MB comment a character at a time: 38 seconds, and minutes for 10 MB.
    The file is read as YAML (the first two are no proposals: S findings only).
    """
    write(tmp_path / "bad.yaml", text)
    write(tmp_path / "good.yaml", GOOD)

    run = run_measured(["validate", "-f", "json", "bad.yaml", "good.yaml"], tmp_path)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code in (0, 1), run.stderr
    report = json.loads(run.stdout)
    assert {f["code"][0] for f in findings_of(report, "bad.yaml")} <= {"S"}
    assert findings_of(report, "good.yaml") == []
    assert run.cpu_seconds < seconds, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.peak_megabytes < 400, f"{run.peak_megabytes:.0f} MB"


# Budgets: what one file may hold --------------------------------------------------


def numbered_proposals(count: int) -> bytes:
    """``count`` minimal proposals in one file, each after its own '---'."""
    return "".join(
        "---\n" + GOOD.replace("minimal-mission", f"mission-{index:05}")
        for index in range(count)
    ).encode()


def codes_and_places(report: dict[str, Any], name: str) -> list[tuple[str, int, int]]:
    return [
        (f["code"], f["line"], f["column"])
        for f in findings_of(report, name)
        if f["severity"] == "error"
    ]


def test_many_empty_documents_are_read_in_linear_time(tmp_path: Path) -> None:
    """100,000 '---' lines: the first 2,000 empty documents are reported, then Y013.

    Each empty document once split the whole file into lines anew, which took
    minutes; a file now also stops at 2,000 documents.
    """
    write(tmp_path / "bad.yaml", b"---\n" * 100_000)
    write(tmp_path / "good.yaml", GOOD)

    run = run_measured(["check", "-f", "json", "bad.yaml", "good.yaml"], tmp_path)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    found = sorted(codes_and_places(report, "bad.yaml"), key=lambda f: f[1:])
    assert found[:2] == [("Y008", 2, 1), ("Y008", 3, 1)]  # at the '---' to remove
    assert found[1_999:] == [("Y008", 2_001, 1), ("Y013", 2_002, 1)]
    assert len(found) == 2_001
    assert codes_and_places(report, "good.yaml") == []
    assert run.cpu_seconds < 5, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.peak_megabytes < 300, f"{run.peak_megabytes:.0f} MB"


def test_a_stream_of_53000_proposals_stops_at_the_mission_budget(
    tmp_path: Path,
) -> None:
    """9.7 MB of minimal proposals: 2,000 are validated, then Y013; memory stays low."""
    content = numbered_proposals(53_000)
    assert len(content) > 9_500_000
    write(tmp_path / "bad.yaml", content)
    write(tmp_path / "good.yaml", GOOD)

    run = run_measured(["validate", "-f", "json", "bad.yaml", "good.yaml"], tmp_path)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    [bad] = [f for f in report["files"] if f["path"] == "bad.yaml"]
    assert len(bad["documents"]) == 2_000
    assert codes_and_places(report, "bad.yaml") == [("Y013", 2_000 * 9 + 2, 1)]
    assert codes_and_places(report, "good.yaml") == []
    assert run.cpu_seconds < 8, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.peak_megabytes < 300, f"{run.peak_megabytes:.0f} MB"


@pytest.mark.parametrize(
    ("size", "where", "message"),
    [
        (1_000_000, (1, 1), "the document holds more than 200000 values"),
        (10_000_000, (1, 2_999_999), "the file holds more than 1000000 values"),
    ],
    ids=["1MB", "10MB"],
)
def test_a_long_flow_list_is_refused_before_it_fills_memory(
    tmp_path: Path, size: int, where: tuple[int, int], message: str
) -> None:
    """'[a, a, a, …]' up to the size limit: Y012, without composing millions of values."""
    items = size // 3
    write(tmp_path / "bad.yaml", ("[" + ", ".join(["a"] * items) + "]\n").encode())
    write(tmp_path / "good.yaml", GOOD)

    run = run_measured(["validate", "-f", "json", "bad.yaml", "good.yaml"], tmp_path)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    [finding] = [f for f in findings_of(report, "bad.yaml") if f["code"] == "Y012"]
    assert (finding["line"], finding["column"]) == where
    assert message in finding["message"]
    assert codes_and_places(report, "good.yaml") == []
    assert run.cpu_seconds < 5, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.peak_megabytes < 300, f"{run.peak_megabytes:.0f} MB"
