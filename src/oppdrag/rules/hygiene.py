"""Rules about how values are written: YAML 1.1 traps that other tools fall into."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Severity
from oppdrag.rules.base import Hit, NodeContext, Rule, hit, node_rule

W = Severity.WARNING

# Plain (unquoted) words YAML 1.1 reads as true or false; YAML 1.2 and oppdrag read text.
_YAML11_BOOLEANS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"
)
# Numbers YAML 1.1 reads in another base: 017 (octal, 15) and 1:30 (base 60, 90).
_OTHER_BASE = re.compile(r"^[-+]?0[0-9_]+$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$")


@node_rule(
    codes.YAML11_BOOLEAN,
    W,
    summary="An unquoted yes, no, on, off, y or n (in any letter case, such as NO for "
    "Norway).",
    why="oppdrag reads YAML 1.2, where these are text, but many tools still read "
    "YAML 1.1, where they are true and false: 'country: NO' becomes 'country: false'.",
    fail="tags: [NO, hydrogen]\n",
    ok='tags: ["NO", hydrogen]\n',
)
def yaml11_boolean(ctx: NodeContext) -> Iterator[Hit]:
    for path, node in _plain_scalars(ctx.node, ctx.path):
        if _YAML11_BOOLEANS.match(node.value):
            yield hit(path, value=node.value)


@node_rule(
    codes.YAML11_NUMBER,
    W,
    summary="An unquoted number that YAML 1.1 reads in another base: a leading zero "
    "(017 is octal, 15) or a colon (1:30 is base 60, 90).",
    why="The same file would give different numbers in different tools.",
    fail="objective:\n  targets:\n    - {indicator: Ladepunkter, baseline: 0120}\n",
    ok="objective:\n  targets:\n    - {indicator: Ladepunkter, baseline: 120}\n",
)
def yaml11_number(ctx: NodeContext) -> Iterator[Hit]:
    for path, node in _plain_scalars(ctx.node, ctx.path):
        if _OTHER_BASE.match(node.value):
            yield hit(path, value=node.value)


def _plain_scalars(node: Any, path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """Every unquoted scalar value (not key) below ``node``, with its data path."""
    if node is None:
        return
    if node.tag.endswith(":map"):
        for key, value in node.value:
            yield from _plain_scalars(value, (*path, str(key.value)))
    elif node.tag.endswith(":seq"):
        for index, item in enumerate(node.value):
            yield from _plain_scalars(item, (*path, index))
    elif not node.style and isinstance(node.value, str):  # plain: no quote style
        yield path, node


# Reported by validation, where the schema expects text and YAML read a date.
DATE_WHERE_TEXT_EXPECTED = Rule(
    code=codes.DATE_WHERE_TEXT_EXPECTED,
    name="date-where-text-expected",
    severity=Severity.ERROR,
    summary="An unquoted date where the format expects text (YAML reads 2025-01-01 as "
    "a date).",
    why="A date is not text: tools that expect text reject it or change its form.",
    fail="title: 2025-01-01\n",
    ok='title: "2025-01-01"\n',
)

HYGIENE: tuple[Rule, ...] = (yaml11_boolean, yaml11_number, DATE_WHERE_TEXT_EXPECTED)
