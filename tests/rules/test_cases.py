"""Every rule shown failing and passing: the data files in ``tests/rules/cases``.

Each ``cases/<CODE>.yaml`` holds a ``fail`` case (files that break the rule, and
exactly where each finding of the rule must point) and a ``pass`` case (the same
files, fixed). A case is a small folder of files, written into a temporary
folder and checked as ``oppdrag check`` checks it: rules on, default settings,
classification on, and a fixed reference year so deadlines do not age.

The runner asserts that the fail case reports exactly the expected findings of
the rule (file, line and column; both null for findings about a whole file,
such as binary data), each with the rule's documented severity; that the pass
case reports none; and that the pass case has no error of any rule.

Keys of a case file::

    rule: Q102                  # the rule's code; the file is named after it
    options:                    # optional, for both halves
      max_file_size: 200        # bytes (--max-file-size)
    pass_may_have_errors: true  # optional: the pass case may hold other errors
    fail:
      files: {name: text}       # UTF-8 text files
      binary_files: {name: b64} # optional: exact bytes, base64-encoded
      symlinks: {name: target}  # optional: symbolic links (target need not exist)
      expect:                   # every finding of this rule, exactly
        - {file: p.yaml, line: 14, column: 7}
        - {file: q.yaml, line: 3, column: 8, known_issue: why it is elsewhere}
    pass:
      files: {name: text}       # (and binary_files, symlinks as above)

An expected finding marked ``known_issue`` is one the rule reports in that file
but at a wrong place; its line and column say where it should point. The test
is then an expected failure, and it fails outright once the finding points
there, so that the mark is removed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from oppdrag.config import CheckSettings
from oppdrag.diagnostics import Severity
from oppdrag.engine.run import Options, Plan, check_paths
from oppdrag.rules.registry import by_code
from oppdrag.source.shape import Limits

CASES = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yaml"))
REFERENCE_YEAR = 2026

CASE_KEYS = {"rule", "options", "pass_may_have_errors", "fail", "pass"}
PART_KEYS = {"files", "binary_files", "symlinks"}
OPTION_KEYS = {"max_file_size"}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding points: a file of the case, and a line and column in it."""

    file: str
    line: int | None
    column: int | None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Found:
    """One finding of a checked case, as the assertions need it."""

    code: str
    severity: Severity
    place: Place
    message_id: str


def load_case(path: Path) -> dict[str, Any]:
    """The data of one case file."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: a case file is a mapping"
    return data


def write_part(part: dict[str, Any], root: Path) -> None:
    """Write the text files, binary files and links of one half of a case."""
    for name, text in (part.get("files") or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(str(text).encode("utf-8"))
    for name, encoded in (part.get("binary_files") or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(encoded))
    for name, link_target in (part.get("symlinks") or {}).items():
        link = root / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(link_target)


def check_part(case: dict[str, Any], part: dict[str, Any], root: Path) -> list[Found]:
    """Write one half of a case into ``root``, check it, and list every finding."""
    write_part(part, root)
    options = case.get("options") or {}
    limits = Limits()
    if "max_file_size" in options:
        limits = Limits(max_file_bytes=int(options["max_file_size"]))
    report = check_paths(
        [str(root)],
        Options(
            plan=Plan.CHECK,
            check=CheckSettings(),
            settings_root=root,
            reference_year=REFERENCE_YEAR,
            limits=limits,
            jobs=1,
        ),
    )
    assert not report.problems, f"paths that could not be used: {report.problems}"
    found = []
    for file in report.files:
        name = Path(file.path).relative_to(root).as_posix()
        for _, item in file.all_findings():
            where = item.position
            place = Place(
                name,
                where.line if where else None,
                where.column if where else None,
            )
            found.append(Found(item.code, item.severity, place, item.message_id))
    return found


def describe(found: list[Found]) -> str:
    """Every finding on its own line, for assertion messages."""
    return "\n".join(
        f"  {f.place} {f.code} {f.severity.value} {f.message_id}" for f in found
    )


def _sort_key(place: Place) -> tuple[str, int, int]:
    return (place.file, place.line or 0, place.column or 0)


def compare(
    actual: list[Place], expect: list[dict[str, Any]]
) -> tuple[list[str], list[str]]:
    """Match the rule's findings with the expected ones.

    Returns the mismatches (which fail the test) and the known issues still
    present. An expected finding with ``known_issue`` must be reported in its
    file, but is expected at a different place than the one written: the
    place written is where it should point once the issue is fixed.
    """
    left = sorted(actual, key=_sort_key)
    known: list[tuple[Place, str]] = []
    problems: list[str] = []
    for entry in expect:
        place = Place(str(entry["file"]), entry.get("line"), entry.get("column"))
        issue = entry.get("known_issue")
        if place in left:
            left.remove(place)
            if issue:
                problems.append(f"known issue fixed at {place}, remove it: {issue}")
        elif issue:
            known.append((place, str(issue)))
        else:
            problems.append(f"expected, not reported: {place}")
    still_known = []
    for place, issue in known:
        in_file = [p for p in left if p.file == place.file]
        if in_file:
            left.remove(in_file[0])
            still_known.append(f"{place.file}: reported at {in_file[0]}; {issue}")
        else:
            problems.append(f"expected (known issue), not reported: {place}")
    problems += [f"reported, not expected: {p}" for p in left]
    return problems, still_known


@pytest.fixture(params=CASE_FILES, ids=lambda path: path.stem)
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    """One case file's data."""
    data = load_case(request.param)
    data["_name"] = request.param.stem
    return data


def test_case_file_is_well_formed(case: dict[str, Any]) -> None:
    """A case file is named after its rule, uses only known keys, and expects something."""
    assert case["rule"] == case["_name"], "the file must be named <rule>.yaml"
    assert set(case) - {"_name"} <= CASE_KEYS
    assert set(case.get("options") or {}) <= OPTION_KEYS
    assert set(case["fail"]) <= PART_KEYS | {"expect"}
    assert set(case["pass"]) <= PART_KEYS
    assert case["fail"]["expect"], "the fail case must expect at least one finding"
    for half in ("fail", "pass"):
        part = case[half]
        assert any(part.get(key) for key in PART_KEYS), f"{half} case has no files"
    for expected in case["fail"]["expect"]:
        assert {"file", "line", "column"} <= set(expected), expected
        assert set(expected) <= {"file", "line", "column", "known_issue"}
        assert expected["file"], "every expected finding names its file"
        for key in ("line", "column"):
            assert isinstance(expected.get(key), int | None), f"{key}: {expected}"
        assert (expected.get("line") is None) == (expected.get("column") is None)


def test_fail_case_reports_exactly_the_expected_findings(
    case: dict[str, Any], tmp_path: Path
) -> None:
    """The fail case gives every expected finding of the rule, at its place, and no more."""
    found = check_part(case, case["fail"], tmp_path)
    own = [f for f in found if f.code == case["rule"]]
    rule = by_code(case["rule"])
    assert rule is not None
    wrong = [f for f in own if f.severity is not rule.severity]
    assert not wrong, f"not {rule.severity.value}:\n{describe(wrong)}"
    actual = [f.place for f in own]
    problems, known = compare(actual, case["fail"]["expect"])
    assert not problems, "\n".join(
        [*problems, "all findings of the fail case:", describe(found)]
    )
    if known:
        pytest.xfail("; ".join(known))


def test_pass_case_has_no_finding_of_the_rule(
    case: dict[str, Any], tmp_path: Path
) -> None:
    """The fixed files give no finding of the rule."""
    found = check_part(case, case["pass"], tmp_path)
    own = [f for f in found if f.code == case["rule"]]
    assert not own, f"all findings of the pass case:\n{describe(found)}"


def test_pass_case_has_no_errors(case: dict[str, Any], tmp_path: Path) -> None:
    """The fixed files are valid: no error of any rule, unless the case allows it."""
    if case.get("pass_may_have_errors"):
        pytest.skip("the pass case is allowed other errors")
    found = check_part(case, case["pass"], tmp_path)
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert not errors, f"all findings of the pass case:\n{describe(found)}"


def test_compare_matches_places_exactly() -> None:
    """A finding matches only at its exact place; missing and extra ones are named."""
    expect = [{"file": "p.yaml", "line": 2, "column": 5}]
    assert compare([Place("p.yaml", 2, 5)], expect) == ([], [])
    problems, _ = compare([Place("p.yaml", 2, 6)], expect)
    assert problems == [
        "expected, not reported: p.yaml:2:5",
        "reported, not expected: p.yaml:2:6",
    ]


def test_compare_holds_known_issues_to_their_file() -> None:
    """A known issue is tolerated elsewhere in its file, and flagged once fixed."""
    expect = [{"file": "p.yaml", "line": 9, "column": 1, "known_issue": "at EOF"}]
    elsewhere = compare([Place("p.yaml", 10, 1)], expect)
    assert elsewhere == ([], ["p.yaml: reported at p.yaml:10:1; at EOF"])
    fixed, _ = compare([Place("p.yaml", 9, 1)], expect)
    assert fixed == ["known issue fixed at p.yaml:9:1, remove it: at EOF"]
    missing, _ = compare([Place("q.yaml", 10, 1)], expect)
    assert missing == [
        "expected (known issue), not reported: p.yaml:9:1",
        "reported, not expected: q.yaml:10:1",
    ]
