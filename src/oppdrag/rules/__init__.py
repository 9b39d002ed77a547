"""The registry of every rule: an explicit table, looked up by code."""

from __future__ import annotations

from oppdrag.rules.base import FAMILIES, MissionContext, Rule
from oppdrag.rules.batch import BATCH
from oppdrag.rules.builtin import BUILTIN
from oppdrag.rules.hygiene import HYGIENE
from oppdrag.rules.quality import QUALITY
from oppdrag.rules.suppression import SUPPRESSION

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted((*BUILTIN, *HYGIENE, *QUALITY, *BATCH, *SUPPRESSION), key=lambda r: r.code)
)
_BY_CODE = {rule.code: rule for rule in ALL_RULES}
_BY_NAME = {rule.name: rule for rule in ALL_RULES}


def by_code(code: str) -> Rule | None:
    """The rule with this code (or kebab-case name), if there is one."""
    return _BY_CODE.get(code.upper()) or _BY_NAME.get(code.lower())


def codes() -> set[str]:
    """Every rule code."""
    return set(_BY_CODE)


__all__ = ["ALL_RULES", "FAMILIES", "MissionContext", "Rule", "by_code", "codes"]
