"""The checks the reader and the schema make (Y0xx, S0xx), documented as rules."""

from __future__ import annotations

from oppdrag.diagnostics import Severity
from oppdrag.rules.base import Rule

E = Severity.ERROR

_MINIMAL = "schema_version: 1\nid: agder-batteri\ntitle: Batteriverdikjeden i Agder\n"

BUILTIN: tuple[Rule, ...] = (
    Rule(
        "Y001",
        "invalid-yaml",
        E,
        "The file is not valid YAML.",
        "Nothing in a file that cannot be read can be checked or classified.",
        'title: "Grønn industri\n',
        'title: "Grønn industri"\n',
    ),
    Rule(
        "Y002",
        "duplicate-key",
        E,
        "A key is written twice in the same group.",
        "Most YAML tools silently keep one of the two values, so part of what the "
        "authors wrote is lost without anyone noticing.",
        "title: Grønn industri\ntitle: Grønn industri i Agder\n",
        "title: Grønn industri i Agder\n",
    ),
    Rule(
        "Y003",
        "not-utf8",
        E,
        "The file is not saved as UTF-8.",
        "Norwegian letters (æ, ø, å) are garbled when tools guess the encoding.",
        "(a file saved as Latin-1 or UTF-16)",
        "(the same file saved as UTF-8)",
    ),
    Rule(
        "Y004",
        "binary-file",
        E,
        "The file holds binary data, not text.",
        "A proposal must be a text file that people and tools can read.",
        "(a PNG or Word file named .yaml)",
        "(a YAML text file)",
    ),
    Rule(
        "Y005",
        "file-too-large",
        E,
        "The file is larger than the size limit (10 MB unless --max-file-size says else).",
        "No proposal is this large; reading it would slow every run down.",
        "(a 50 MB file)",
        "(a file of a few kilobytes)",
    ),
    Rule(
        "Y006",
        "alias-bomb",
        E,
        "Aliases expand the document to an enormous size, or refer to themselves.",
        "Such files ('billion laughs') exist to exhaust memory; proposals need no aliases.",
        "a: &a [x, x, x]\nb: &b [*a, *a, *a]\n",
        "a: [x, x, x]\n",
    ),
    Rule(
        "Y007",
        "nesting-too-deep",
        E,
        "The document is nested more deeply than any proposal needs.",
        "Deep nesting is a sign of broken indentation or hostile input.",
        "a: [[[[[[[[x]]]]]]]]  # hundreds deep\n",
        "a: [x]\n",
    ),
    Rule(
        "Y008",
        "empty-document",
        E,
        "The file, or one document in it, is empty.",
        "An empty document is usually a stray '---' or an unsaved file.",
        "---\n---\n" + _MINIMAL,
        "---\n" + _MINIMAL,
    ),
    Rule(
        "Y009",
        "unsupported-yaml-feature",
        E,
        "The file uses YAML tags ('!name') or types (sets, ordered maps, binary data).",
        "Proposals need only text, numbers, lists and groups of keys; other features "
        "are read differently by different tools.",
        "title: !secret Grønn industri\n",
        "title: Grønn industri\n",
    ),
    Rule(
        "Y010",
        "unreadable-file",
        E,
        "The file cannot be opened (permissions, a broken link).",
        "A proposal that cannot be read cannot be checked.",
        "(a file without read permission)",
        "(a readable file)",
    ),
    Rule(
        "Y011",
        "ambiguous-yaml",
        E,
        "YAML that different readers read differently: tabs for layout, '#' glued to a "
        "value, directives in the middle of a file, anchors in odd places.",
        "Another tool (an editor, a portal, a script) could read a different proposal "
        "than the one oppdrag checked.",
        "title:\tGrønn industri\n",
        "title: Grønn industri\n",
    ),
    Rule(
        "Y012",
        "value-too-large",
        E,
        "A value or a group is far larger than any proposal needs: a text over "
        "100,000 characters, a number over 1,000 characters, a group of over 1,000 "
        "keys.",
        "Values this large come from broken exports or hostile files, and would slow "
        "every check of the file down.",
        "(a title of 200,000 characters, or a number of 5,000 digits)",
        "title: Grønn industri\n",
    ),
    Rule(
        "X001",
        "internal-error",
        E,
        "oppdrag itself failed while checking the file (a fault in oppdrag).",
        "The file could not be checked; the run ends with exit code 2 so that CI does "
        "not pass a file nobody checked. The other files are still checked.",
        "(a file that makes oppdrag fail)",
        "(the same file, once the fault is fixed in oppdrag)",
    ),
    Rule(
        "S001",
        "not-a-mapping",
        E,
        "A document or mission is not a group of keys.",
        "A proposal is a set of named fields (id, title, challenge …).",
        "- Grønn industri\n- 2030\n",
        _MINIMAL,
    ),
    Rule(
        "S002",
        "unknown-key",
        E,
        "A key the format does not know (often a misspelling).",
        "A misspelt key is silently ignored by other tools, so its content is lost.",
        "languag: nb\n",
        "language: nb\n",
    ),
    Rule(
        "S003",
        "missing-required-field",
        E,
        "A required field is missing.",
        "id, title, challenge.summary, objective.statement and objective.deadline are "
        "what every reader of a mission needs.",
        "objective:\n  statement: Halvere utslippene.\n",
        "objective:\n  statement: Halvere utslippene.\n  deadline: 2030\n",
    ),
    Rule(
        "S004",
        "wrong-type",
        E,
        "A value of the wrong kind: text where a year belongs, a list where text belongs.",
        "Tools that sum budgets or compare years need the right kind of value.",
        "objective:\n  deadline: snart\n",
        "objective:\n  deadline: 2030\n",
    ),
    Rule(
        "S005",
        "invalid-choice",
        E,
        "A value that is not one of the allowed choices (actor kinds, instruments, "
        "counties, status …).",
        "Fixed choices make proposals comparable across counties.",
        "actors:\n  - name: Bergen kommune\n    kind: kommune\n",
        "actors:\n  - name: Bergen kommune\n    kind: municipality\n",
    ),
    Rule(
        "S006",
        "out-of-range",
        E,
        "A number outside its range: a year before 1900 or after 2100, a goal number "
        "outside 1–17, a negative budget.",
        "Out-of-range numbers are almost always typing mistakes.",
        "objective:\n  deadline: 20300\n",
        "objective:\n  deadline: 2030\n",
    ),
    Rule(
        "S007",
        "bad-format",
        E,
        "Text in the wrong form: an id with capitals or spaces, a currency that is not a "
        "three-letter code, a title that is too short, a blank value.",
        "Ids and codes are used by other tools to link and compare proposals.",
        "id: Agder Batteri\n",
        "id: agder-batteri\n",
    ),
    Rule(
        "S008",
        "inconsistent-values",
        E,
        "Values that contradict each other: a period that ends before it starts, a goal "
        "listed twice.",
        "A contradiction means one of the values is wrong.",
        "period: {start: 2030, end: 2025}\n",
        "period: {start: 2025, end: 2030}\n",
    ),
    Rule(
        "S009",
        "unsupported-schema-version",
        E,
        "schema_version is not a version this oppdrag reads.",
        "Later versions of the format may mean different things by the same keys.",
        "schema_version: 2\n",
        "schema_version: 1\n",
    ),
)
