"""Rules about how values are written: YAML 1.1 traps that other tools fall into."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from oppdrag.diagnostics import DataPath, Finding, Severity
from oppdrag.rules.base import MissionContext, Rule, finding

W = Severity.WARNING

# Plain (unquoted) words YAML 1.1 reads as true or false; YAML 1.2 and oppdrag read text.
_YAML11_BOOLEANS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"
)
# Numbers YAML 1.1 reads in another base: 017 (octal, 15) and 1:30 (base 60, 90).
_OTHER_BASE = re.compile(r"^[-+]?0[0-9_]+$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$")


def _traps(ctx: MissionContext) -> Iterator[Finding]:
    if ctx.node is None:
        return
    for path, node in _plain_scalars(ctx.node, ctx.path):
        if _YAML11_BOOLEANS.match(node.value):
            yield finding(YAML11_BOOLEAN, "rule.Y101", path, value=node.value)
        elif _OTHER_BASE.match(node.value):
            yield finding(YAML11_NUMBER, "rule.Y102", path, value=node.value)


def _plain_scalars(node: Any, path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """Every unquoted scalar value (not key) below ``node``, with its data path."""
    if node.tag.endswith(":map"):
        for key, value in node.value:
            yield from _plain_scalars(value, (*path, str(key.value)))
    elif node.tag.endswith(":seq"):
        for index, item in enumerate(node.value):
            yield from _plain_scalars(item, (*path, index))
    elif not node.style and isinstance(node.value, str):  # plain: no quote style
        yield path, node


YAML11_BOOLEAN = Rule(
    "Y101",
    "yaml11-boolean",
    W,
    "An unquoted yes, no, on, off, y or n (in any letter case, such as NO for Norway).",
    "oppdrag reads YAML 1.2, where these are text, but many tools still read YAML 1.1, "
    "where they are true and false: 'country: NO' becomes 'country: false'.",
    "tags: [NO, hydrogen]\n",
    'tags: ["NO", hydrogen]\n',
    _traps,
)
YAML11_NUMBER = Rule(
    "Y102",
    "yaml11-number",
    W,
    "An unquoted number that YAML 1.1 reads in another base: a leading zero (017 is "
    "octal, 15) or a colon (1:30 is base 60, 90).",
    "The same file would give different numbers in different tools.",
    "objective:\n  targets:\n    - {indicator: Ladepunkter, baseline: 0120}\n",
    "objective:\n  targets:\n    - {indicator: Ladepunkter, baseline: 120}\n",
    None,
)
DATE_AS_TEXT = Rule(
    "Y103",
    "date-where-text-expected",
    Severity.ERROR,
    "An unquoted date where the format expects text (YAML reads 2025-01-01 as a date).",
    "A date is not text: tools that expect text reject it or change its form.",
    "title: 2025-01-01\n",
    'title: "2025-01-01"\n',
    None,
)

HYGIENE: tuple[Rule, ...] = (YAML11_BOOLEAN, YAML11_NUMBER, DATE_AS_TEXT)
