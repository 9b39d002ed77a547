"""Inline suppressions: '# oppdrag: ignore[Q103] -- reason' and their own rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
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
    r"\[(?P<codes>[^\]\n]{0,500})\][ \t]*(?:--(?P<reason>[^\n]*))?",
    re.IGNORECASE,
)


# A comment that starts like a waiver: '# oppdrag: ignore' in any letter case.
# What follows decides whether it is one; a Norwegian comment such as
# '# Oppdrag: havvind' is not a waiver and not mistaken for one.
_ATTEMPT = re.compile(r"(?:^|(?<=\s))#[ \t]*oppdrag[ \t]*:[ \t]*ignore", re.IGNORECASE)

# Is the text at (line, column), both counted from 0, part of a YAML value?
InValue = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment: which codes, for a line or the file, and why.

    ``malformed`` marks a comment that starts like a waiver but is not one
    ('# oppdrag: ignore' without codes in brackets): it waives nothing.
    """

    line: int
    column: int
    codes: tuple[str, ...]
    whole_file: bool
    reason: str | None
    malformed: bool = False


def find_suppressions(
    lines: Iterable[str], in_value: InValue | None = None
) -> list[Suppression]:
    """The suppression comments of a file, in line order.

    Only comments count: waiver-like text inside a value (a block of prose
    that quotes '# oppdrag: ignore[…]') is text, which ``in_value`` tells.
    """
    found = []
    for number, line in enumerate(lines, start=1):
        if "oppdrag" not in line.lower():
            continue
        attempt = _ATTEMPT.search(line)
        if attempt is None or (in_value and in_value(number - 1, attempt.start())):
            continue
        match = _DIRECTIVE.match(line, attempt.start())
        found.append(_suppression(number, attempt.start() + 1, match))
    return found


def _suppression(number: int, column: int, match: re.Match[str] | None) -> Suppression:
    if match is None:
        return Suppression(number, column, (), False, None, malformed=True)
    codes = tuple(c.strip().upper() for c in match["codes"].split(",") if c.strip())
    reason = (match["reason"] or "").strip() or None
    whole_file = match["kind"].lower() == "ignore-file"
    return Suppression(number, column, codes, whole_file, reason)


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
        if comment.malformed:
            yield MALFORMED_SUPPRESSION.finding(hit((), position=where))
            continue
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

MALFORMED_SUPPRESSION = Rule(
    code=codes.MALFORMED_SUPPRESSION,
    name="malformed-suppression",
    severity=Severity.WARNING,
    summary="A comment starts like a waiver ('# oppdrag: ignore') but is not one: "
    "the rule codes in brackets are missing or not closed.",
    why="A waiver that is not written right waives nothing; the finding it was meant "
    "for is still reported, and the comment misleads the next reader.",
    fail="approach: Kommer.  # oppdrag: ignore Q108 -- avtalt\n",
    ok="approach: Kommer.  # oppdrag: ignore[Q108] -- avtalt\n",
)

SUPPRESSION: tuple[Rule, ...] = (NO_REASON, UNUSED, UNKNOWN_CODE, MALFORMED_SUPPRESSION)
