"""The checks the reader and the schema make (Y0xx, S0xx, X001), documented as rules."""

from __future__ import annotations

from oppdrag import codes
from oppdrag.diagnostics import Severity
from oppdrag.rules.base import Rule

E = Severity.ERROR

_MINIMAL = "schema_version: 1\nid: agder-batteri\ntitle: Batteriverdikjeden i Agder\n"

READER: tuple[Rule, ...] = (
    Rule(
        code=codes.INVALID_YAML,
        name="invalid-yaml",
        severity=E,
        summary="The file is not valid YAML.",
        why="Nothing in a file that cannot be read can be checked or classified.",
        fail='title: "Grønn industri\n',
        ok='title: "Grønn industri"\n',
    ),
    Rule(
        code=codes.DUPLICATE_KEY,
        name="duplicate-key",
        severity=E,
        summary="A key is written twice in the same group.",
        why="Most YAML tools silently keep one of the two values, so part of what the "
        "authors wrote is lost without anyone noticing.",
        fail="title: Grønn industri\ntitle: Grønn industri i Agder\n",
        ok="title: Grønn industri i Agder\n",
    ),
    Rule(
        code=codes.NOT_UTF8,
        name="not-utf8",
        severity=E,
        summary="The file is not saved as UTF-8.",
        why="Norwegian letters (æ, ø, å) are garbled when tools guess the encoding.",
        fail="(a file saved as Latin-1 or UTF-16)",
        ok="(the same file saved as UTF-8)",
    ),
    Rule(
        code=codes.BINARY_FILE,
        name="binary-file",
        severity=E,
        summary="The file holds binary data, not text.",
        why="A proposal must be a text file that people and tools can read.",
        fail="(a PNG or Word file named .yaml)",
        ok="(a YAML text file)",
    ),
    Rule(
        code=codes.FILE_TOO_LARGE,
        name="file-too-large",
        severity=E,
        summary="The file is larger than the size limit (10 MB unless --max-file-size says else).",
        why="No proposal is this large; reading it would slow every run down.",
        fail="(a 50 MB file)",
        ok="(a file of a few kilobytes)",
    ),
    Rule(
        code=codes.ALIAS_BOMB,
        name="alias-bomb",
        severity=E,
        summary="Aliases expand the document to an enormous size, or refer to themselves.",
        why="Such files ('billion laughs') exist to exhaust memory; proposals need no aliases.",
        fail="a: &a [x, x, x]\nb: &b [*a, *a, *a]\n",
        ok="a: [x, x, x]\n",
    ),
    Rule(
        code=codes.NESTING_TOO_DEEP,
        name="nesting-too-deep",
        severity=E,
        summary="The document is nested more deeply than any proposal needs.",
        why="Deep nesting is a sign of broken indentation or hostile input.",
        fail="a: [[[[[[[[x]]]]]]]]  # hundreds deep\n",
        ok="a: [x]\n",
    ),
    Rule(
        code=codes.EMPTY_DOCUMENT,
        name="empty-document",
        severity=E,
        summary="The file, or one document in it, is empty.",
        why="An empty document is usually a stray '---' or an unsaved file.",
        fail="---\n---\n" + _MINIMAL,
        ok="---\n" + _MINIMAL,
    ),
    Rule(
        code=codes.UNSUPPORTED_YAML_FEATURE,
        name="unsupported-yaml-feature",
        severity=E,
        summary="The file uses YAML tags ('!name') or types (sets, ordered maps, binary data).",
        why="Proposals need only text, numbers, lists and groups of keys; other features "
        "are read differently by different tools.",
        fail="title: !secret Grønn industri\n",
        ok="title: Grønn industri\n",
    ),
    Rule(
        code=codes.UNREADABLE_FILE,
        name="unreadable-file",
        severity=E,
        summary="The file cannot be opened (permissions, a broken link).",
        why="A proposal that cannot be read cannot be checked.",
        fail="(a file without read permission)",
        ok="(a readable file)",
    ),
    Rule(
        code=codes.AMBIGUOUS_YAML,
        name="ambiguous-yaml",
        severity=E,
        summary="YAML that different readers read differently: tabs for layout, '#' glued to a "
        "value, directives in the middle of a file, anchors in odd places.",
        why="Another tool (an editor, a portal, a script) could read a different proposal "
        "than the one oppdrag checked.",
        fail="title:\tGrønn industri\n",
        ok="title: Grønn industri\n",
    ),
    Rule(
        code=codes.VALUE_TOO_LARGE,
        name="value-too-large",
        severity=E,
        summary="A value or a group is far larger than any proposal needs: a text over "
        "100,000 characters, a number over 1,000 characters, a group of over 1,000 "
        "keys, a document of over 200,000 values or a file of over 1,000,000.",
        why="Values this large come from broken exports or hostile files, and would slow "
        "every check of the file down.",
        fail="(a title of 200,000 characters, or a number of 5,000 digits)",
        ok="title: Grønn industri\n",
    ),
    Rule(
        code=codes.TOO_MANY_MISSIONS,
        name="too-many-missions",
        severity=E,
        summary="A file holds more than 2,000 missions (each document counts as one, and "
        "each mission of a county strategy); the rest of the file is not checked.",
        why="A county strategy has tens of missions. Thousands in one file come from a "
        "broken export or a hostile file, and checking them all would take minutes and "
        "gigabytes.",
        fail="(a file of 2,001 proposals, each after its own '---')",
        ok="(the same proposals split into files of a few each)",
    ),
    Rule(
        code=codes.LINK_OUTSIDE_REPOSITORY,
        name="link-outside-repository",
        severity=E,
        summary="The file is a link to a file outside the repository (outside the folder "
        "checked, when it is in no repository); it is not read.",
        why="A link in a pull request could point at a file on the machine that checks it "
        "(a password file, settings with keys), and its lines would be shown in reports "
        "and public CI logs. Proposals are files in the repository.",
        fail="(proposals/x.yaml, a link to ~/.aws/credentials)",
        ok="(proposals/x.yaml, the proposal itself or a link to a file in the repository)",
    ),
    Rule(
        code=codes.INTERNAL_ERROR,
        name="internal-error",
        severity=E,
        summary="oppdrag itself failed while checking the file (a fault in oppdrag).",
        why="The file could not be checked; the run ends with exit code 2 so that CI does "
        "not pass a file nobody checked. The other files are still checked.",
        fail="(a file that makes oppdrag fail)",
        ok="(the same file, once the fault is fixed in oppdrag)",
    ),
    Rule(
        code=codes.NOT_A_MAPPING,
        name="not-a-mapping",
        severity=E,
        summary="A document or mission is not a group of keys.",
        why="A proposal is a set of named fields (id, title, challenge …).",
        fail="- Grønn industri\n- 2030\n",
        ok=_MINIMAL,
    ),
    Rule(
        code=codes.UNKNOWN_KEY,
        name="unknown-key",
        severity=E,
        summary="A key the format does not know (often a misspelling).",
        why="A misspelt key is silently ignored by other tools, so its content is lost.",
        fail="languag: nb\n",
        ok="language: nb\n",
    ),
    Rule(
        code=codes.MISSING_REQUIRED_FIELD,
        name="missing-required-field",
        severity=E,
        summary="A required field is missing.",
        why="id, title, challenge.summary, objective.statement and objective.deadline are "
        "what every reader of a mission needs.",
        fail="objective:\n  statement: Halvere utslippene.\n",
        ok="objective:\n  statement: Halvere utslippene.\n  deadline: 2030\n",
    ),
    Rule(
        code=codes.WRONG_TYPE,
        name="wrong-type",
        severity=E,
        summary="A value of the wrong kind: text where a year belongs, a list where text belongs.",
        why="Tools that sum budgets or compare years need the right kind of value.",
        fail="objective:\n  deadline: snart\n",
        ok="objective:\n  deadline: 2030\n",
    ),
    Rule(
        code=codes.INVALID_CHOICE,
        name="invalid-choice",
        severity=E,
        summary="A value that is not one of the allowed choices (actor kinds, instruments, "
        "counties, status …).",
        why="Fixed choices make proposals comparable across counties.",
        fail="actors:\n  - name: Bergen kommune\n    kind: kommune\n",
        ok="actors:\n  - name: Bergen kommune\n    kind: municipality\n",
    ),
    Rule(
        code=codes.OUT_OF_RANGE,
        name="out-of-range",
        severity=E,
        summary="A number outside its range: a year before 1900 or after 2100, a goal number "
        "outside 1–17, a negative budget.",
        why="Out-of-range numbers are almost always typing mistakes.",
        fail="objective:\n  deadline: 20300\n",
        ok="objective:\n  deadline: 2030\n",
    ),
    Rule(
        code=codes.BAD_FORMAT,
        name="bad-format",
        severity=E,
        summary="Text in the wrong form: an id with capitals or spaces, a currency that is not a "
        "three-letter code, a title that is too short, a blank value.",
        why="Ids and codes are used by other tools to link and compare proposals.",
        fail="id: Agder Batteri\n",
        ok="id: agder-batteri\n",
    ),
    Rule(
        code=codes.INCONSISTENT_VALUES,
        name="inconsistent-values",
        severity=E,
        summary="Values that contradict each other: a period that ends before it starts, a goal "
        "listed twice.",
        why="A contradiction means one of the values is wrong.",
        fail="period: {start: 2030, end: 2025}\n",
        ok="period: {start: 2025, end: 2030}\n",
    ),
    Rule(
        code=codes.UNSUPPORTED_SCHEMA_VERSION,
        name="unsupported-schema-version",
        severity=E,
        summary="schema_version is not a version this oppdrag reads.",
        why="Later versions of the format may mean different things by the same keys.",
        fail="schema_version: 2\n",
        ok="schema_version: 1\n",
    ),
)
