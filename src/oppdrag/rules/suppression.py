"""Inline suppressions: '# oppdrag: ignore[Q103] -- reason' and their own rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from oppdrag import codes
from oppdrag.diagnostics import Finding, Position, Severity
from oppdrag.rules.base import Rule, hit

# '# oppdrag: ignore[Q103, Q104] -- agreed with the finance committee' on a line, or
# '# oppdrag: ignore-file[Q110] -- reason' anywhere for the whole file.
# Linear in the line: every repetition is bounded or stops at a character that
# cannot repeat, so a line of thousands of unclosed 'ignore[' costs no more
# than reading it (no backtracking over overlapping alternatives).
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#[ \t]*oppdrag:[ \t]*(?P<kind>ignore-file|ignore)[ \t]*"
    r"\[(?P<codes>[^\]\n]{0,500})\][ \t]*(?:--(?P<reason>[^\n]*))?"
)


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment: which codes, for a line or the file, and why."""

    line: int
    column: int
    codes: tuple[str, ...]
    whole_file: bool
    reason: str | None


def find_suppressions(lines: Iterable[str]) -> list[Suppression]:
    """The suppression comments of a file, in line order."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "oppdrag:" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        codes = tuple(c.strip().upper() for c in match["codes"].split(",") if c.strip())
        reason = (match["reason"] or "").strip() or None
        found.append(
            Suppression(
                number, match.start() + 1, codes, match["kind"] == "ignore-file", reason
            )
        )
    return found


def apply_suppressions(
    findings: list[Finding], suppressions: list[Suppression], known: set[str]
) -> tuple[list[Finding], list[Finding]]:
    """Findings left after the comments, and the comments' own findings (O001–O003).

    The comments are indexed by line and code, so the time grows with the
    number of findings and comments, not with their product.
    """
    by_place: dict[tuple[int | None, str], list[int]] = {}
    for index, comment in enumerate(suppressions):
        line = None if comment.whole_file else comment.line
        for code in comment.codes:
            by_place.setdefault((line, code), []).append(index)
    used: set[int] = set()
    kept = []
    for item in findings:
        line = item.position.line if item.position is not None else None
        covering = by_place.get((None, item.code), [])
        if line is not None:
            covering = covering + by_place.get((line, item.code), [])
        used.update(covering)
        if not covering:
            kept.append(item)
    return kept, list(_comment_findings(suppressions, used, known))


def _comment_findings(
    suppressions: list[Suppression], used: set[int], known: set[str]
) -> Iterator[Finding]:
    for index, comment in enumerate(suppressions):
        where = Position(comment.line, comment.column)
        for code in comment.codes:
            if code not in known:
                yield UNKNOWN_CODE.finding(hit((), position=where, code=code))
        listed = ", ".join(comment.codes)
        if not comment.reason:
            yield NO_REASON.finding(hit((), position=where, codes=listed))
        if index not in used:
            yield UNUSED.finding(hit((), position=where, codes=listed))


NO_REASON = Rule(
    code=codes.SUPPRESSION_WITHOUT_REASON,
    name="suppression-without-reason",
    severity=Severity.WARNING,
    summary="A suppression comment gives no reason after '--'.",
    why="A waiver without a reason cannot be reviewed later; the reason is the record of "
    "who agreed to what.",
    fail="approach: Kommer.  # oppdrag: ignore[Q108]\n",
    ok="approach: Kommer.  # oppdrag: ignore[Q108] -- avtalt med økonomiutvalget\n",
)
UNUSED = Rule(
    code=codes.UNUSED_SUPPRESSION,
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="A suppression comment suppresses nothing (the problem was fixed, or the code is "
    "on another line).",
    why="Stale waivers hide future problems on the same line; remove them.",
    fail="title: Batteriverdikjeden i Agder  # oppdrag: ignore[Q108] -- utkast\n",
    ok="title: Batteriverdikjeden i Agder\n",
)
UNKNOWN_CODE = Rule(
    code=codes.UNKNOWN_CODE_IN_SUPPRESSION,
    name="unknown-code-in-suppression",
    severity=Severity.WARNING,
    summary="A suppression comment names a rule code that does not exist.",
    why="A misspelt code suppresses nothing.",
    fail="approach: TBD  # oppdrag: ignore[Q180] -- utkast\n",
    ok="approach: TBD  # oppdrag: ignore[Q108] -- utkast\n",
)

SUPPRESSION: tuple[Rule, ...] = (NO_REASON, UNUSED, UNKNOWN_CODE)
