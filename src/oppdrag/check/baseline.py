"""Baselines: findings recorded by content, so that later runs show only new ones."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oppdrag.diagnostics import Finding, format_path
from oppdrag.errors import InputError
from oppdrag.report import FileReport, RunReport
from oppdrag.visible import json_escaped

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """A finding as a baseline remembers it: by content, not by line."""

    file: str
    code: str
    path: str
    hash: str

    def as_dict(self) -> dict[str, str]:
        """The entry as written in the baseline file."""
        return dataclasses.asdict(self)


def baseline_entries(report: RunReport) -> list[BaselineEntry]:
    """Every finding of the report as a baseline entry, in a stable order."""
    entries = [
        _entry(report.from_root(file.path), finding)
        for file in report.files
        for _, finding in file.all_findings()
    ]
    return sorted(entries, key=lambda e: (e.file, e.code, e.path, e.hash))


def baseline_json(report: RunReport) -> str:
    """The text of a baseline file for this report."""
    document = {
        "schema_version": BASELINE_VERSION,
        "tool": "oppdrag",
        "findings": [e.as_dict() for e in baseline_entries(report)],
    }
    return json_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def load_baseline(path: Path) -> list[BaselineEntry]:
    """The entries of the baseline file at ``path``.

    Raises:
        InputError: the file cannot be read, or is not a baseline file.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(error)) from None
    return read_baseline(text)


def read_baseline(text: str) -> list[BaselineEntry]:
    """The entries of a baseline file.

    Raises:
        InputError: the text is not a baseline file.
    """
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("schema_version") != BASELINE_VERSION:
            msg = "not an oppdrag baseline file (schema_version 1)"
            raise InputError(msg)
        return [BaselineEntry(**item) for item in data["findings"]]
    # Not JSON, or entries of another shape.
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(str(error)) from None


# Rules that check the format, the file or the comments run on every file; the
# others (quality, hygiene, classification, batch) only on valid missions.
_ALWAYS_RUN = ("Y0", "S", "X", "O")

# Could the rule with this code have reported in this file in this run?
RuleRan = Callable[[FileReport, str], bool]


def apply_baseline(
    report: RunReport, entries: list[BaselineEntry], ran: RuleRan | None = None
) -> tuple[RunReport, list[BaselineEntry], int]:
    """The report without baselined findings, the fixed entries, and how many hid.

    An entry is *fixed* only when this run could have reported it and did
    not: its file was checked, and its rule ran there (``ran``; by default,
    format rules always, other rules only when every mission of the file is
    valid). Entries for files outside the run (pre-commit checks only the
    staged files) or for rules that did not run are neither shown nor fixed.
    """
    remaining = Counter(entries)
    hidden = 0
    could_report = ran or rule_ran

    def new(path: str, items: Iterable[Finding]) -> Iterator[Finding]:
        nonlocal hidden
        for item in items:
            entry = _entry(path, item)
            if remaining[entry] > 0:
                remaining[entry] -= 1
                hidden += 1
            else:
                yield item

    files = []
    by_path = {}
    for file in report.files:
        path = report.from_root(file.path)
        by_path[path] = file
        units = tuple(
            dataclasses.replace(u, findings=tuple(new(path, u.findings)))
            for u in file.units
        )
        findings = tuple(new(path, file.findings))
        files.append(dataclasses.replace(file, findings=findings, units=units))
    fixed = sorted(
        (
            e
            for e in remaining.elements()
            if e.file in by_path and could_report(by_path[e.file], e.code)
        ),
        key=lambda e: (e.file, e.code, e.path, e.hash),
    )
    return dataclasses.replace(report, files=tuple(files)), fixed, hidden


def rule_ran(file: FileReport, code: str) -> bool:
    """True when the rule ``code`` ran on ``file`` (see ``apply_baseline``)."""
    return code.startswith(_ALWAYS_RUN) or file.valid


def _entry(file: str, finding: Finding) -> BaselineEntry:
    return BaselineEntry(
        file=Path(file).as_posix(),
        code=finding.code,
        path=format_path(finding.path),
        hash=_content_hash(finding),
    )


# Message values that say where something else is ('also used at a.yaml:3'):
# they change with the folder oppdrag runs from, not with the finding.
_PLACES = frozenset({"where"})


def _content_hash(finding: Finding) -> str:
    """What the finding is about, not where: code, data path, message values, source."""
    content: dict[str, Any] = {
        "code": finding.code,
        "path": list(finding.path),
        "args": {
            k: str(v) for k, v in sorted(finding.args.items()) if k not in _PLACES
        },
    }
    if not finding.path and finding.excerpt:
        content["source"] = finding.excerpt.split("\n", 1)[0].strip()
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def statistics(report: RunReport) -> list[tuple[str, int]]:
    """How many findings of each code, most frequent first."""
    counts = Counter(f.code for file in report.files for _, f in file.all_findings())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
