"""Rules about the classification and what the authors wrote: C001 and C002.

They run wherever a mission is classified (validate, classify, check), since
they say whether the classification and the proposal agree.
"""

from __future__ import annotations

from collections.abc import Iterator

from oppdrag import codes
from oppdrag.diagnostics import Severity, format_path
from oppdrag.rules.base import Hit, MissionContext, Rule, hit, rule

W = Severity.WARNING


@rule(
    codes.DECLARED_TYPE_MISMATCH,
    W,
    message_id="classify.disagrees",
    summary="declared_type disagrees with a clear (not borderline) classification.",
    why="Accelerating and transforming missions need different actors, instruments and "
    "governance; a mission declared as one but written as the other needs a second look.",
    fail="declared_type: accelerating\nobjective:\n  statement: Netto null utslipp og atferdsendring i hele samfunnet innen 2050.\n",
    ok="declared_type: transforming\nobjective:\n  statement: Netto null utslipp og atferdsendring i hele samfunnet innen 2050.\n",
)
def declared_type_mismatch(ctx: MissionContext) -> Iterator[Hit]:
    # Not when the result is borderline or undetermined: then the evidence does
    # not say the authors are wrong.
    declared, result = ctx.fields.declared_type, ctx.classification
    if declared is None or result is None or result.borderline:
        return
    if not result.decided or declared == result.type:
        return
    yield hit(
        (*ctx.path, "declared_type"),
        declared=declared,
        detected=result.type.value,
        score=f"{result.score:+.2f}",
        margin=f"{abs(result.margin):.2f}",
        strength=f"{result.strength:.2f}",
        criteria=[c.id for c in result.top_criteria(3)],
    )


@rule(
    codes.CLAIMS_CONTRADICTED_BY_FIELDS,
    W,
    message_id="classify.contradiction",
    summary="The text speaks of broad change (system change, behaviour, citizens), but the "
    "structured fields describe a bounded effort: one sector, firms and researchers "
    "only, only research and innovation instruments.",
    why="Words alone do not make a mission transforming; the classification follows the "
    "structured fields, and the authors should make text and fields agree.",
    fail="approach: Systemendring og atferdsendring i hele samfunnet.\nscope:\n  sectors: "
    "[energi]\nactors:\n  - {name: Firma AS, kind: business}\ninstruments: [research]\n",
    ok="approach: Vi bygger et pilotanlegg for havvind.\nscope:\n  sectors: [energi]\n"
    "actors:\n  - {name: Firma AS, kind: business}\ninstruments: [research]\n",
)
def claims_contradicted_by_fields(ctx: MissionContext) -> Iterator[Hit]:
    # The finding stands at the claim; the message names each structured field
    # that says otherwise, with its line, so both places can be found.
    result = ctx.classification
    contradiction = result.contradiction if result is not None else None
    if contradiction is None:
        return
    facts = []
    for fact in contradiction.facts:
        where = ctx.positions.locate((*ctx.path, *fact)) if ctx.positions else None
        line = f" (line {where.line})" if where is not None else ""
        facts.append(f"{format_path(fact)}{line}")
    claim = contradiction.claim
    yield hit(
        (*ctx.path, *claim.path),
        position=claim.position,
        words=claim.words,
        facts=", ".join(facts),
    )


CONSISTENCY: tuple[Rule, ...] = (declared_type_mismatch, claims_contradicted_by_fields)
