"""Each rule's documented examples, run: 'Fails' reports the rule, 'Passes' does not.

The examples are what ``oppdrag rule``, SARIF and docs/rules.md show; they
show the part of a proposal that matters. To run one, the test wraps it in a
minimal proposal:

- the example's lines come first, as written, then every top-level block of
  the minimal proposal that the example does not have;
- for rules that look at valid missions only (those with a check: quality,
  hygiene, consistency and batch rules), a block the example shows in part is
  completed from the minimal proposal (an ``objective`` without a deadline
  gets one), and a block shown on its own is put where the proposal format
  has it (``targets`` under ``objective``).

Rules of the reader and the schema see the example with its blocks as shown:
their examples are about what is missing or wrong in them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from oppdrag.config import CheckSettings
from oppdrag.engine.run import Options, Plan, check_paths
from oppdrag.model.proposal import Proposal
from oppdrag.rules.registry import ALL_RULES, Rule

MINIMAL = (
    "schema_version: 1\n"
    "id: agder-batteri\n"
    "title: Batteriverdikjeden i Agder\n"
    "challenge:\n"
    "  summary: For få fagfolk til batteriindustrien.\n"
    "objective:\n"
    "  statement: 2000 nye fagarbeidere innen 2030.\n"
    "  deadline: 2030\n"
)
REFERENCE_YEAR = 2026

# Examples that describe a file instead of showing one (binary data, a 50 MB
# file, a fault in oppdrag), or that show the outline of a file too large to
# print (an alias bomb, nesting hundreds deep). tests/rules/cases has real ones.
OUTLINED = {"Y006", "Y007"}
DESCRIBED = {"X001", "Y003", "Y004", "Y005", "Y010", "Y012", "Y013", "Y014", *OUTLINED}
# 'Passes' examples given in words ("each file states its own objective").
PASSING_IN_WORDS = {"B202"}
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):", re.MULTILINE)
SUB_KEY = re.compile(r"^  ([a-z_]+):", re.MULTILINE)
FILE_MARK = re.compile(r"^# ([a-z]\.yaml)(?: and ([a-z]\.yaml))?\n", re.MULTILINE)


def _blocks(text: str) -> dict[str, str]:
    """The top-level blocks of a YAML text, by key, each ending with a newline."""
    starts = [(m.group(1), m.start()) for m in TOP_LEVEL_KEY.finditer(text)]
    ends = [start for _, start in starts[1:]] + [len(text)]
    blocks = {
        key: text[start:end] for (key, start), end in zip(starts, ends, strict=True)
    }
    return {
        key: block if block.endswith("\n") else block + "\n"
        for key, block in blocks.items()
    }


def _parent_of(key: str) -> str | None:
    """The top-level block of the proposal format whose model has ``key``."""
    for name, field in Proposal.model_fields.items():
        model = field.annotation
        nested = isinstance(model, type) and issubclass(model, BaseModel)
        if nested and key in model.model_fields:
            return name
    return None


def _placed(example: str) -> dict[str, str]:
    """The example's blocks, a block of a nested model moved under its parent."""
    blocks: dict[str, str] = {}
    for key, block in _blocks(example).items():
        parent = None if key in Proposal.model_fields else _parent_of(key)
        if parent is None:
            blocks[key] = blocks.get(key, "") + block
        else:
            indented = "".join("  " + line for line in block.splitlines(keepends=True))
            blocks[parent] = blocks.get(parent, f"{parent}:\n") + indented
    return blocks


def _completed(block: str, base: str) -> str:
    """A block with the sub-keys of the minimal proposal's block it lacks."""
    own = set(SUB_KEY.findall(block))
    missing = [
        line
        for line in base.splitlines(keepends=True)[1:]
        if (sub := SUB_KEY.match(line)) is not None and sub.group(1) not in own
    ]
    return block + "".join(missing)


def wrapped(example: str, *, complete: bool) -> str:
    """The example in a minimal proposal (see the module's docstring)."""
    if example.lstrip().startswith("- "):  # a list: the example is the whole file
        return example
    base = _blocks(MINIMAL)
    if not complete:
        own = set(TOP_LEVEL_KEY.findall(example))
        return example + "".join(b for key, b in base.items() if key not in own)
    blocks = _placed(example)
    for key, block in blocks.items():
        if key in base:
            blocks[key] = _completed(block, base[key])
    return "".join(blocks.values()) + "".join(
        b for k, b in base.items() if k not in blocks
    )


def files_of(example: str, *, complete: bool) -> dict[str, str]:
    """The files an example shows: '# a.yaml' marks start one (batch rules)."""
    marks = list(FILE_MARK.finditer(example))
    if not marks:
        return {"proposal.yaml": wrapped(example, complete=complete)}
    files: dict[str, str] = {}
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        body = example[mark.end() : following.start() if following else None]
        for name in filter(None, mark.groups()):
            files[name] = wrapped(body, complete=complete)
    return files


def codes_reported(rule: Rule, example: str, folder: Path) -> set[str]:
    """Every code 'oppdrag check' reports on the example's files."""
    folder.mkdir()
    complete = rule.checks_missions or rule.batch is not None
    for name, text in files_of(example, complete=complete).items():
        (folder / name).write_text(text, encoding="utf-8")
    options = Options(
        plan=Plan.CHECK,
        check=CheckSettings(),
        settings_root=folder,
        reference_year=REFERENCE_YEAR,
        jobs=1,
    )
    report = check_paths([str(folder)], options)
    return {f.code for file in report.files for _, f in file.all_findings()}


SHOWN = [rule for rule in ALL_RULES if rule.code not in DESCRIBED]


def test_only_described_examples_are_left_out() -> None:
    """An example is skipped only when it describes a file in words or in outline."""
    in_words = {rule.code for rule in ALL_RULES if rule.fail.startswith("(")}
    assert in_words | OUTLINED == DESCRIBED


@pytest.mark.parametrize("rule", SHOWN, ids=lambda rule: rule.code)
def test_failing_example_reports_the_rule(rule: Rule, tmp_path: Path) -> None:
    """The 'Fails' example, in a minimal proposal, reports exactly this rule's code."""
    assert rule.code in codes_reported(rule, rule.fail, tmp_path / "fail")


@pytest.mark.parametrize(
    "rule",
    [rule for rule in SHOWN if rule.code not in PASSING_IN_WORDS],
    ids=lambda rule: rule.code,
)
def test_passing_example_does_not(rule: Rule, tmp_path: Path) -> None:
    """The 'Passes' example, in the same proposal, does not report the rule."""
    assert rule.code not in codes_reported(rule, rule.ok, tmp_path / "ok")


def test_wrapping_completes_and_places_blocks() -> None:
    """A partial block is completed, a nested one placed; the example comes first."""
    text = wrapped("approach: TBD\ntargets:\n  - {indicator: x}\n", complete=True)
    assert text.startswith(
        "approach: TBD\nobjective:\n  targets:\n    - {indicator: x}\n"
    )
    assert text.count("objective:") == 1
    assert "  deadline: 2030\n" in text
    assert "challenge:\n" in text


def test_schema_examples_keep_what_they_leave_out() -> None:
    """Without completion a block stays as shown: a missing deadline stays missing."""
    text = wrapped("objective:\n  statement: x\n", complete=False)
    assert "deadline" not in text
