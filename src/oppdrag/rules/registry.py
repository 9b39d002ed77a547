"""The registry of every rule: an explicit table, looked up by code or name."""

from __future__ import annotations

from oppdrag.rules.base import FAMILIES, MissionContext, Rule
from oppdrag.rules.batch import BATCH
from oppdrag.rules.consistency import CONSISTENCY
from oppdrag.rules.hygiene import HYGIENE
from oppdrag.rules.quality import QUALITY
from oppdrag.rules.reader import READER
from oppdrag.rules.suppression import SUPPRESSION

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (*READER, *HYGIENE, *QUALITY, *CONSISTENCY, *BATCH, *SUPPRESSION),
        key=lambda r: r.code,
    )
)
# The checks run on each valid mission by 'oppdrag check'; CONSISTENCY runs
# wherever a mission is classified.
MISSION_RULES: tuple[Rule, ...] = tuple(
    r for r in (*HYGIENE, *QUALITY) if r.checks_missions
)
# The checks of how values are written, which run on invalid missions too.
NODE_RULES: tuple[Rule, ...] = tuple(r for r in MISSION_RULES if r.node_check)
_BY_CODE = {rule.code: rule for rule in ALL_RULES}
_BY_NAME = {rule.name: rule for rule in ALL_RULES}


def by_code(code: str) -> Rule | None:
    """The rule with this code (or kebab-case name), if there is one."""
    return _BY_CODE.get(code.upper()) or _BY_NAME.get(code.lower())


def known_codes() -> set[str]:
    """Every rule code."""
    return set(_BY_CODE)


__all__ = [
    "ALL_RULES",
    "CONSISTENCY",
    "FAMILIES",
    "MISSION_RULES",
    "NODE_RULES",
    "MissionContext",
    "Rule",
    "by_code",
    "known_codes",
]
