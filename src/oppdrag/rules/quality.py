"""Rules about what makes a good mission (Mazzucato, NIFU, the Research Council)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Severity
from oppdrag.model.proposal import Target
from oppdrag.rules.base import Hit, MissionContext, Rule, hit, rule, texts_of

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


def _targets_with_value(ctx: MissionContext) -> Iterator[tuple[DataPath, Target]]:
    """The targets that give a value, with their data paths."""
    for index, target in enumerate(ctx.fields.objective.targets):
        if target.target is not None:
            yield (*ctx.path, "objective", "targets", index), target


@rule(
    codes.OBJECTIVE_WITHOUT_MEASURABLE_TARGET,
    W,
    summary="The objective has no number to measure it by: no target value and no figure in the "
    "statement.",
    why="A mission must be measurable: one should be able to answer yes or no to 'did we "
    "achieve it?' (Mazzucato's second criterion).",
    fail=_BASE
    + "objective:\n  statement: Flere fagfolk til batteriindustrien.\n  deadline: 2030\n",
    ok=_BASE
    + "objective:\n  statement: 2000 nye fagarbeidere innen 2030.\n  deadline: 2030\n",
)
def objective_without_measurable_target(ctx: MissionContext) -> Iterator[Hit]:
    objective = ctx.fields.objective
    measurable = any(t.target is not None for t in objective.targets)
    if not measurable and not _NUMBER.search(objective.statement):
        yield hit((*ctx.path, "objective"), at_key=True)


@rule(
    codes.TARGET_WITHOUT_YEAR,
    W,
    summary="A target has a value but no year to reach it by.",
    why="A target without a year cannot be followed up; missions are time-bound.",
    fail="targets:\n  - {indicator: Fagarbeidere, unit: personer, baseline: 0, target: 2000}\n",
    ok="targets:\n  - {indicator: Fagarbeidere, unit: personer, baseline: 0, target: 2000, year: 2030}\n",
)
def target_without_year(ctx: MissionContext) -> Iterator[Hit]:
    for path, target in _targets_with_value(ctx):
        if target.year is None:
            yield hit(path, indicator=target.indicator)


@rule(
    codes.TARGET_WITHOUT_BASELINE,
    I,
    summary="A target has a value but no baseline (the value today).",
    why="Without a starting point, progress cannot be judged.",
    fail="targets:\n  - {indicator: Utslipp, unit: kt CO2e, target: 500, year: 2030}\n",
    ok="targets:\n  - {indicator: Utslipp, unit: kt CO2e, baseline: 1000, baseline_year: 2022, target: 500, year: 2030}\n",
)
def target_without_baseline(ctx: MissionContext) -> Iterator[Hit]:
    for path, target in _targets_with_value(ctx):
        if target.baseline is None:
            yield hit(path, indicator=target.indicator)


@rule(
    codes.TARGET_WITHOUT_UNIT,
    W,
    summary="A target has a value but no unit.",
    why="'500' means nothing until one knows whether it is tonnes, people or per cent.",
    fail="targets:\n  - {indicator: Utslipp, baseline: 1000, target: 500, year: 2030}\n",
    ok="targets:\n  - {indicator: Utslipp, unit: kt CO2e, baseline: 1000, target: 500, year: 2030}\n",
)
def target_without_unit(ctx: MissionContext) -> Iterator[Hit]:
    for path, target in _targets_with_value(ctx):
        if target.unit is None:
            yield hit(path, indicator=target.indicator)


@rule(
    codes.DEADLINE_IN_THE_PAST,
    W,
    summary="The deadline has passed, and the mission is not marked completed or discontinued.",
    why="An active mission with a past deadline needs a new deadline or a new status.",
    fail="status: active\nobjective:\n  deadline: 2020\n",
    ok="status: active\nobjective:\n  deadline: 2030\n",
)
def deadline_in_the_past(ctx: MissionContext) -> Iterator[Hit]:
    deadline = ctx.fields.objective.deadline
    if deadline < ctx.reference_year and ctx.fields.status not in (
        "completed",
        "discontinued",
    ):
        path = (*ctx.path, "objective", "deadline")
        yield hit(path, year=deadline, now=ctx.reference_year)


@rule(
    codes.TARGET_YEAR_AFTER_DEADLINE,
    W,
    summary="A target is to be reached after the mission's own deadline.",
    why="The targets show whether the mission is achieved; they must fall within it.",
    fail="objective:\n  deadline: 2030\n  targets:\n    - {indicator: Utslipp, year: 2035}\n",
    ok="objective:\n  deadline: 2035\n  targets:\n    - {indicator: Utslipp, year: 2035}\n",
)
def target_year_after_deadline(ctx: MissionContext) -> Iterator[Hit]:
    deadline = ctx.fields.objective.deadline
    for index, target in enumerate(ctx.fields.objective.targets):
        if target.year is not None and target.year > deadline:
            path = (*ctx.path, "objective", "targets", index, "year")
            yield hit(path, year=target.year, deadline=deadline)


@rule(
    codes.CHALLENGE_TOO_THIN,
    W,
    summary=f"The challenge is described in fewer than {THIN_CHALLENGE_WORDS} words and lists no "
    "sub-problems.",
    why="Missions answer large, complex challenges; a reader (and the classifier) must see "
    "what the problem is and why it is hard.",
    fail="challenge:\n  summary: For høye utslipp.\n",
    ok="challenge:\n  summary: For høye utslipp.\n  problems:\n    - Lite ladeinfrastruktur.\n"
    "    - Lange avstander.\n",
)
def challenge_too_thin(ctx: MissionContext) -> Iterator[Hit]:
    challenge = ctx.fields.challenge
    words = len(_WORD.findall(challenge.summary))
    if words < THIN_CHALLENGE_WORDS and not challenge.problems:
        path = (*ctx.path, "challenge", "summary")
        yield hit(path, words=words, least=THIN_CHALLENGE_WORDS)


@rule(
    codes.PLACEHOLDER_TEXT,
    E,
    summary="Placeholder text is left in the proposal ('TBD', 'lorem ipsum', 'fyll inn', a "
    "closing '...'; the full list is in rules/placeholders.txt).",
    why="A proposal with unfinished text is not ready for a political committee.",
    fail="approach: TBD, fyll inn tiltakene\n",
    ok="approach: Tre piloter i 2026, deretter utrulling i hele fylket.\n",
)
def placeholder_text(ctx: MissionContext) -> Iterator[Hit]:
    for path, text in texts_of(ctx.fields):
        match = _placeholder().search(text)
        if match:
            yield hit((*ctx.path, *path), text=match.group())
        elif _plain(text) in _template_texts():
            yield hit((*ctx.path, *path), text=_shortened(text))
    if _plain(ctx.fields.id) in _template_texts():
        yield hit((*ctx.path, "id"), text=ctx.fields.id)


# The texts of 'oppdrag new' that stand for what the authors are to write
# ("Navnet på oppdraget"): a template that was never filled in is not done.
_TEMPLATE_PROSE: tuple[DataPath, ...] = (
    ("id",),
    ("title",),
    ("challenge", "summary"),
    ("objective", "statement"),
    ("approach",),
)


@cache
def _template_texts() -> frozenset[str]:
    """The template's example texts, in every language, as compared."""
    from oppdrag.source.yaml import read_trusted  # noqa: PLC0415 -- Q108 only
    from oppdrag.templates import TEMPLATE_LANGUAGES, template  # noqa: PLC0415

    texts: set[str] = set()
    for lang in TEMPLATE_LANGUAGES:
        data = read_trusted(template(lang))
        texts.update(_plain(str(_at(data, path))) for path in _TEMPLATE_PROSE)
        texts.update(_plain(str(p)) for p in data["challenge"]["problems"])
        texts.update(_plain(str(t["indicator"])) for t in data["objective"]["targets"])
    return frozenset(texts)


def _at(data: Any, path: DataPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shortened(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@rule(
    codes.SINGLE_TECHNOLOGY_SOLUTION,
    W,
    summary="One named technology is presented as the whole solution: it is the only technology "
    "in scope and the objective names it.",
    why="Missions should be open to several, bottom-up solutions; picking one technology in "
    "advance shuts out others (Mazzucato's fifth criterion).",
    fail="objective:\n  statement: Hydrogen skal dekke all tungtransport.\nscope:\n  technologies: [hydrogen]\n",
    ok="objective:\n  statement: Utslippsfri tungtransport innen 2035.\nscope:\n  technologies: [hydrogen, batteri, biogass]\n",
)
def single_technology_solution(ctx: MissionContext) -> Iterator[Hit]:
    scope = ctx.fields.scope
    if scope is None or len(scope.technologies) != 1:
        return
    technology = scope.technologies[0]
    if technology.casefold() in ctx.fields.objective.statement.casefold():
        path = (*ctx.path, "scope", "technologies", 0)
        yield hit(path, technology=technology)


@rule(
    codes.NO_ACTORS,
    W,
    summary="The proposal names no actors.",
    why="Missions are cross-sectoral and cross-actor; who does what must be stated.",
    fail="id: agder-batteri\n",
    ok="actors:\n  - {name: Agder fylkeskommune, kind: county, role: lead}\n",
)
def no_actors(ctx: MissionContext) -> Iterator[Hit]:
    if not ctx.fields.actors:
        yield hit(ctx.path or ("id",), at_key=True)


@rule(
    codes.ACTORS_FROM_ONE_SECTOR,
    W,
    summary="All actors come from one sector (all public, all business, all research …).",
    why="A mission needs actors from at least two sectors to work across them.",
    fail="actors:\n  - {name: Agder fylkeskommune, kind: county}\n  - {name: Kristiansand kommune, "
    "kind: municipality}\n",
    ok="actors:\n  - {name: Agder fylkeskommune, kind: county}\n  - {name: Morrow Batteries, "
    "kind: business}\n",
)
def actors_from_one_sector(ctx: MissionContext) -> Iterator[Hit]:
    actors = ctx.fields.actors
    sectors = {ACTOR_SECTOR_KINDS.get(a.kind, a.kind) for a in actors}
    if actors and len(sectors) < 2:
        yield hit((*ctx.path, "actors"), at_key=True)


@rule(
    codes.NO_LEAD_ACTOR,
    W,
    summary="Actors are named, but none has the role 'lead'.",
    why="Someone must own the mission and answer for it.",
    fail="actors:\n  - {name: Agder fylkeskommune, kind: county, role: partner}\n",
    ok="actors:\n  - {name: Agder fylkeskommune, kind: county, role: lead}\n",
)
def no_lead_actor(ctx: MissionContext) -> Iterator[Hit]:
    actors = ctx.fields.actors
    if actors and not any(a.role == "lead" for a in actors):
        yield hit((*ctx.path, "actors"), at_key=True)


@rule(
    codes.TRANSFORMING_WITHOUT_CITIZENS,
    W,
    summary="A transforming mission (declared or detected) has no citizens, civil society or "
    "municipalities among its actors.",
    why="Transforming missions need social change; that needs the people and local "
    "communities whose practices are to change (NIFU; OECD).",
    fail="declared_type: transforming\nactors:\n  - {name: SINTEF, kind: research}\n",
    ok="declared_type: transforming\nactors:\n  - {name: SINTEF, kind: research}\n"
    "  - {name: Innbyggerpanelet, kind: citizens}\n",
)
def transforming_without_citizens(ctx: MissionContext) -> Iterator[Hit]:
    declared = ctx.fields.declared_type
    detected = ctx.classification.type.value if ctx.classification else None
    if "transforming" not in (declared, detected) or not ctx.fields.actors:
        return
    kinds = {a.kind for a in ctx.fields.actors}
    if not kinds & {"citizens", "civil_society", "municipality"}:
        yield hit((*ctx.path, "actors"), at_key=True)


@rule(
    codes.NO_INSTRUMENTS,
    W,
    summary="The proposal lists no policy instruments.",
    why="A mission is a portfolio of measures; without instruments it is a wish.",
    fail="id: agder-batteri\n",
    ok="instruments: [competence, financing, procurement]\n",
)
def no_instruments(ctx: MissionContext) -> Iterator[Hit]:
    if not ctx.fields.instruments:
        yield hit(ctx.path or ("id",), at_key=True)


@rule(
    codes.SINGLE_INSTRUMENT,
    I,
    summary="The proposal uses only one kind of policy instrument.",
    why="Missions combine several instruments (funding, procurement, regulation …).",
    fail="instruments: [financing]\n",
    ok="instruments: [financing, procurement, competence]\n",
)
def single_instrument(ctx: MissionContext) -> Iterator[Hit]:
    instruments = ctx.fields.instruments
    if instruments and len(set(instruments)) == 1:
        path = (*ctx.path, "instruments")
        yield hit(path, at_key=True, instrument=instruments[0])


@rule(
    codes.NO_SMART_SPECIALISATION_LINK,
    W,
    summary="A regional mission about business development (value chains in scope, or a "
    "business actor leading) does not name the region's smart-specialisation priorities.",
    why="Regional missions about business must cohere with the county's smart "
    "specialisation work (the workshop note).",
    fail="county: Agder\nscope:\n  value_chains: [batterier]\n",
    ok="county: Agder\nscope:\n  value_chains: [batterier]\nsmart_specialisation: "
    "[Prosessindustri]\n",
)
def no_smart_specialisation_link(ctx: MissionContext) -> Iterator[Hit]:
    fields = ctx.fields
    regional = fields.county not in (None, "national")
    # Business development: value chains in scope, or a business actor leading.
    business = bool(fields.scope and fields.scope.value_chains) or any(
        a.kind == "business" and a.role == "lead" for a in fields.actors
    )
    if regional and business and not fields.smart_specialisation:
        yield hit(ctx.path or ("id",), at_key=True)


QUALITY: tuple[Rule, ...] = (
    objective_without_measurable_target,
    target_without_year,
    target_without_baseline,
    target_without_unit,
    deadline_in_the_past,
    target_year_after_deadline,
    challenge_too_thin,
    placeholder_text,
    single_technology_solution,
    no_actors,
    actors_from_one_sector,
    no_lead_actor,
    transforming_without_citizens,
    no_instruments,
    single_instrument,
    no_smart_specialisation_link,
)
