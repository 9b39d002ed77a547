"""Rules about what makes a good mission (Mazzucato, NIFU, the Research Council)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from oppdrag.diagnostics import Finding, Severity
from oppdrag.rules.base import MissionContext, Rule, finding, texts_of

W = Severity.WARNING
E = Severity.ERROR
I = Severity.INFO  # noqa: E741 -- the severity's initial, like W and E

_BASE = (
    "schema_version: 1\nid: agder-batteri\ntitle: Batteriverdikjeden i Agder\n"
    "challenge:\n  summary: For få fagfolk.\n"
)


@cache
def _placeholder() -> re.Pattern[str]:
    """The placeholder words (rules/placeholders.txt), an ellipsis at the end, '[…]'."""
    lines = (
        files(__package__).joinpath("placeholders.txt").read_text("utf-8").splitlines()
    )
    words = [
        line.strip() for line in lines if line.strip() and not line.startswith("#")
    ]
    return re.compile(
        r"\b(?:"
        + "|".join(words)
        + r")\b|\.\.\.\s*$|\[\s*(?:\.\.\.|…|tekst|text)\s*\]",
        re.IGNORECASE,
    )


_NUMBER = re.compile(r"\d")
_WORD = re.compile(r"\w+")
THIN_CHALLENGE_WORDS = 25
ACTOR_SECTOR_KINDS = {
    "county": "public",
    "municipality": "public",
    "state": "public",
    "business": "business",
    "finance": "business",
    "research": "knowledge",
    "education": "knowledge",
    "civil_society": "civil",
    "citizens": "civil",
}


def _objective_without_target(ctx: MissionContext) -> Iterator[Finding]:
    objective = ctx.fields.objective
    measurable = any(t.target is not None for t in objective.targets)
    if not measurable and not _NUMBER.search(objective.statement):
        yield finding(
            OBJECTIVE_WITHOUT_TARGET, "rule.Q101", (*ctx.path, "objective"), at_key=True
        )


def _target_gaps(ctx: MissionContext) -> Iterator[Finding]:
    for index, target in enumerate(ctx.fields.objective.targets):
        path = (*ctx.path, "objective", "targets", index)
        if target.target is not None and target.year is None:
            yield finding(
                TARGET_WITHOUT_YEAR, "rule.Q102", path, indicator=target.indicator
            )
        if target.target is not None and target.baseline is None:
            yield finding(
                TARGET_WITHOUT_BASELINE, "rule.Q103", path, indicator=target.indicator
            )
        if target.target is not None and target.unit is None:
            yield finding(
                TARGET_WITHOUT_UNIT, "rule.Q104", path, indicator=target.indicator
            )


def _deadline_passed(ctx: MissionContext) -> Iterator[Finding]:
    deadline = ctx.fields.objective.deadline
    if deadline < ctx.reference_year and ctx.fields.status not in (
        "completed",
        "discontinued",
    ):
        path = (*ctx.path, "objective", "deadline")
        yield finding(
            DEADLINE_PASSED, "rule.Q105", path, year=deadline, now=ctx.reference_year
        )


def _target_after_deadline(ctx: MissionContext) -> Iterator[Finding]:
    deadline = ctx.fields.objective.deadline
    for index, target in enumerate(ctx.fields.objective.targets):
        if target.year is not None and target.year > deadline:
            path = (*ctx.path, "objective", "targets", index, "year")
            yield finding(
                TARGET_AFTER_DEADLINE,
                "rule.Q106",
                path,
                year=target.year,
                deadline=deadline,
            )


def _thin_challenge(ctx: MissionContext) -> Iterator[Finding]:
    challenge = ctx.fields.challenge
    words = len(_WORD.findall(challenge.summary))
    if words < THIN_CHALLENGE_WORDS and not challenge.problems:
        path = (*ctx.path, "challenge", "summary")
        yield finding(
            THIN_CHALLENGE, "rule.Q107", path, words=words, least=THIN_CHALLENGE_WORDS
        )


def _placeholders(ctx: MissionContext) -> Iterator[Finding]:
    for path, text in texts_of(ctx.fields):
        match = _placeholder().search(text)
        if match:
            yield finding(
                PLACEHOLDER_TEXT, "rule.Q108", (*ctx.path, *path), text=match.group()
            )


def _single_technology(ctx: MissionContext) -> Iterator[Finding]:
    scope = ctx.fields.scope
    if scope is None or len(scope.technologies) != 1:
        return
    technology = scope.technologies[0]
    goal = ctx.fields.objective.statement.casefold()
    if technology.casefold() in goal:
        path = (*ctx.path, "scope", "technologies", 0)
        yield finding(SINGLE_TECHNOLOGY, "rule.Q109", path, technology=technology)


def _one_sector_actors(ctx: MissionContext) -> Iterator[Finding]:
    actors = ctx.fields.actors
    if not actors:
        yield finding(NO_ACTORS, "rule.Q110", ctx.path or ("id",), at_key=True)
        return
    sectors = {ACTOR_SECTOR_KINDS.get(a.kind, a.kind) for a in actors}
    if len(sectors) < 2:
        yield finding(
            ONE_SECTOR_ACTORS, "rule.Q111", (*ctx.path, "actors"), at_key=True
        )


def _no_lead(ctx: MissionContext) -> Iterator[Finding]:
    actors = ctx.fields.actors
    if actors and not any(a.role == "lead" for a in actors):
        yield finding(NO_LEAD, "rule.Q112", (*ctx.path, "actors"), at_key=True)


def _transforming_without_people(ctx: MissionContext) -> Iterator[Finding]:
    declared = ctx.fields.declared_type
    detected = ctx.classification.type.value if ctx.classification else None
    if "transforming" not in (declared, detected) or not ctx.fields.actors:
        return
    kinds = {a.kind for a in ctx.fields.actors}
    if not kinds & {"citizens", "civil_society", "municipality"}:
        yield finding(
            TRANSFORMING_WITHOUT_PEOPLE, "rule.Q113", (*ctx.path, "actors"), at_key=True
        )


def _instruments(ctx: MissionContext) -> Iterator[Finding]:
    instruments = ctx.fields.instruments
    if not instruments:
        yield finding(NO_INSTRUMENTS, "rule.Q114", ctx.path or ("id",), at_key=True)
    elif len(set(instruments)) == 1:
        path = (*ctx.path, "instruments")
        yield finding(
            ONE_INSTRUMENT, "rule.Q115", path, at_key=True, instrument=instruments[0]
        )


def _missing_smart_specialisation(ctx: MissionContext) -> Iterator[Finding]:
    fields = ctx.fields
    regional = fields.county not in (None, "national")
    # Business development: value chains in scope, or a business actor leading.
    business = bool(fields.scope and fields.scope.value_chains) or any(
        a.kind == "business" and a.role == "lead" for a in fields.actors
    )
    if regional and business and not fields.smart_specialisation:
        yield finding(
            NO_SMART_SPECIALISATION, "rule.Q116", ctx.path or ("id",), at_key=True
        )


OBJECTIVE_WITHOUT_TARGET = Rule(
    "Q101",
    "objective-without-measurable-target",
    W,
    "The objective has no number to measure it by: no target value and no figure in the "
    "statement.",
    "A mission must be measurable: one should be able to answer yes or no to 'did we "
    "achieve it?' (Mazzucato's second criterion).",
    _BASE
    + "objective:\n  statement: Flere fagfolk til batteriindustrien.\n  deadline: 2030\n",
    _BASE
    + "objective:\n  statement: 2000 nye fagarbeidere innen 2030.\n  deadline: 2030\n",
    _objective_without_target,
)
TARGET_WITHOUT_YEAR = Rule(
    "Q102",
    "target-without-year",
    W,
    "A target has a value but no year to reach it by.",
    "A target without a year cannot be followed up; missions are time-bound.",
    "targets:\n  - {indicator: Fagarbeidere, unit: personer, baseline: 0, target: 2000}\n",
    "targets:\n  - {indicator: Fagarbeidere, unit: personer, baseline: 0, target: 2000, year: 2030}\n",
    _target_gaps,
)
TARGET_WITHOUT_BASELINE = Rule(
    "Q103",
    "target-without-baseline",
    I,
    "A target has a value but no baseline (the value today).",
    "Without a starting point, progress cannot be judged.",
    "targets:\n  - {indicator: Utslipp, unit: kt CO2e, target: 500, year: 2030}\n",
    "targets:\n  - {indicator: Utslipp, unit: kt CO2e, baseline: 1000, baseline_year: 2022, "
    "target: 500, year: 2030}\n",
    None,
)
TARGET_WITHOUT_UNIT = Rule(
    "Q104",
    "target-without-unit",
    W,
    "A target has a value but no unit.",
    "'500' means nothing until one knows whether it is tonnes, people or per cent.",
    "targets:\n  - {indicator: Utslipp, baseline: 1000, target: 500, year: 2030}\n",
    "targets:\n  - {indicator: Utslipp, unit: kt CO2e, baseline: 1000, target: 500, year: 2030}\n",
    None,
)
DEADLINE_PASSED = Rule(
    "Q105",
    "deadline-in-the-past",
    W,
    "The deadline has passed, and the mission is not marked completed or discontinued.",
    "An active mission with a past deadline needs a new deadline or a new status.",
    "status: active\nobjective:\n  deadline: 2020\n",
    "status: active\nobjective:\n  deadline: 2030\n",
    _deadline_passed,
)
TARGET_AFTER_DEADLINE = Rule(
    "Q106",
    "target-year-after-deadline",
    W,
    "A target is to be reached after the mission's own deadline.",
    "The targets show whether the mission is achieved; they must fall within it.",
    "objective:\n  deadline: 2030\n  targets:\n    - {indicator: Utslipp, year: 2035}\n",
    "objective:\n  deadline: 2035\n  targets:\n    - {indicator: Utslipp, year: 2035}\n",
    _target_after_deadline,
)
THIN_CHALLENGE = Rule(
    "Q107",
    "challenge-too-thin",
    W,
    f"The challenge is described in fewer than {THIN_CHALLENGE_WORDS} words and lists no "
    "sub-problems.",
    "Missions answer large, complex challenges; a reader (and the classifier) must see "
    "what the problem is and why it is hard.",
    "challenge:\n  summary: For høye utslipp.\n",
    "challenge:\n  summary: For høye utslipp.\n  problems:\n    - Lite ladeinfrastruktur.\n"
    "    - Lange avstander.\n",
    _thin_challenge,
)
PLACEHOLDER_TEXT = Rule(
    "Q108",
    "placeholder-text",
    E,
    "Placeholder text is left in the proposal ('TBD', 'lorem ipsum', 'fyll inn', a "
    "closing '...'; the full list is in rules/placeholders.txt).",
    "A proposal with unfinished text is not ready for a political committee.",
    "approach: TBD, fyll inn tiltakene\n",
    "approach: Tre piloter i 2026, deretter utrulling i hele fylket.\n",
    _placeholders,
)
SINGLE_TECHNOLOGY = Rule(
    "Q109",
    "single-technology-solution",
    W,
    "One named technology is presented as the whole solution: it is the only technology "
    "in scope and the objective names it.",
    "Missions should be open to several, bottom-up solutions; picking one technology in "
    "advance shuts out others (Mazzucato's fifth criterion).",
    "objective:\n  statement: Hydrogen skal dekke all tungtransport.\n"
    "scope:\n  technologies: [hydrogen]\n",
    "objective:\n  statement: Utslippsfri tungtransport innen 2035.\n"
    "scope:\n  technologies: [hydrogen, batteri, biogass]\n",
    _single_technology,
)
NO_ACTORS = Rule(
    "Q110",
    "no-actors",
    W,
    "The proposal names no actors.",
    "Missions are cross-sectoral and cross-actor; who does what must be stated.",
    "id: agder-batteri\n",
    "actors:\n  - {name: Agder fylkeskommune, kind: county, role: lead}\n",
    _one_sector_actors,
)
ONE_SECTOR_ACTORS = Rule(
    "Q111",
    "actors-from-one-sector",
    W,
    "All actors come from one sector (all public, all business, all research …).",
    "A mission needs actors from at least two sectors to work across them.",
    "actors:\n  - {name: Agder fylkeskommune, kind: county}\n  - {name: Kristiansand kommune, "
    "kind: municipality}\n",
    "actors:\n  - {name: Agder fylkeskommune, kind: county}\n  - {name: Morrow Batteries, "
    "kind: business}\n",
    None,
)
NO_LEAD = Rule(
    "Q112",
    "no-lead-actor",
    W,
    "Actors are named, but none has the role 'lead'.",
    "Someone must own the mission and answer for it.",
    "actors:\n  - {name: Agder fylkeskommune, kind: county, role: partner}\n",
    "actors:\n  - {name: Agder fylkeskommune, kind: county, role: lead}\n",
    _no_lead,
)
TRANSFORMING_WITHOUT_PEOPLE = Rule(
    "Q113",
    "transforming-without-citizens",
    W,
    "A transforming mission (declared or detected) has no citizens, civil society or "
    "municipalities among its actors.",
    "Transforming missions need social change; that needs the people and local "
    "communities whose practices are to change (NIFU; OECD).",
    "declared_type: transforming\nactors:\n  - {name: SINTEF, kind: research}\n",
    "declared_type: transforming\nactors:\n  - {name: SINTEF, kind: research}\n"
    "  - {name: Innbyggerpanelet, kind: citizens}\n",
    _transforming_without_people,
)
NO_INSTRUMENTS = Rule(
    "Q114",
    "no-instruments",
    W,
    "The proposal lists no policy instruments.",
    "A mission is a portfolio of measures; without instruments it is a wish.",
    "id: agder-batteri\n",
    "instruments: [competence, financing, procurement]\n",
    _instruments,
)
ONE_INSTRUMENT = Rule(
    "Q115",
    "single-instrument",
    I,
    "The proposal uses only one kind of policy instrument.",
    "Missions combine several instruments (funding, procurement, regulation …).",
    "instruments: [financing]\n",
    "instruments: [financing, procurement, competence]\n",
    None,
)
NO_SMART_SPECIALISATION = Rule(
    "Q116",
    "no-smart-specialisation-link",
    W,
    "A regional mission about business development (value chains in scope, or a "
    "business actor leading) does not name the region's smart-specialisation priorities.",
    "Regional missions about business must cohere with the county's smart "
    "specialisation work (the workshop note).",
    "county: Agder\nscope:\n  value_chains: [batterier]\n",
    "county: Agder\nscope:\n  value_chains: [batterier]\nsmart_specialisation: "
    "[Prosessindustri]\n",
    _missing_smart_specialisation,
)
DECLARED_MISMATCH = Rule(
    "C001",
    "declared-type-mismatch",
    W,
    "declared_type disagrees with a clear (not borderline) classification.",
    "Accelerating and transforming missions need different actors, instruments and "
    "governance; a mission declared as one but written as the other needs a second look.",
    "declared_type: accelerating\nobjective:\n  statement: Netto null utslipp og "
    "atferdsendring i hele samfunnet innen 2050.\n",
    "declared_type: transforming\nobjective:\n  statement: Netto null utslipp og "
    "atferdsendring i hele samfunnet innen 2050.\n",
    None,
)
CLAIMS_CONTRADICTED = Rule(
    "C002",
    "claims-contradicted-by-fields",
    W,
    "The text speaks of broad change (system change, behaviour, citizens), but the "
    "structured fields describe a bounded effort: one sector, firms and researchers "
    "only, only research and innovation instruments.",
    "Words alone do not make a mission transforming; the classification follows the "
    "structured fields, and the authors should make text and fields agree.",
    "approach: Systemendring og atferdsendring i hele samfunnet.\nscope:\n  sectors: "
    "[energi]\nactors:\n  - {name: Firma AS, kind: business}\ninstruments: [research]\n",
    "approach: Vi bygger et pilotanlegg for havvind.\nscope:\n  sectors: [energi]\n"
    "actors:\n  - {name: Firma AS, kind: business}\ninstruments: [research]\n",
    None,
)

QUALITY: tuple[Rule, ...] = (
    OBJECTIVE_WITHOUT_TARGET,
    TARGET_WITHOUT_YEAR,
    TARGET_WITHOUT_BASELINE,
    TARGET_WITHOUT_UNIT,
    DEADLINE_PASSED,
    TARGET_AFTER_DEADLINE,
    THIN_CHALLENGE,
    PLACEHOLDER_TEXT,
    SINGLE_TECHNOLOGY,
    NO_ACTORS,
    ONE_SECTOR_ACTORS,
    NO_LEAD,
    TRANSFORMING_WITHOUT_PEOPLE,
    NO_INSTRUMENTS,
    ONE_INSTRUMENT,
    NO_SMART_SPECIALISATION,
    DECLARED_MISMATCH,
    CLAIMS_CONTRADICTED,
)
