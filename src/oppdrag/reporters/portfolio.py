"""The county portfolio: a run's missions as plain values, for every view of it.

One builder gathers what every view of the portfolio shows: missions by county
and type, what they cover (smart specialisation, sectors, goals, instruments,
actors), their years, and each mission's explanation and findings. Names sort
the Norwegian way (Æ, Ø, Å after Z) and numbers are written as the language
writes them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from oppdrag.classify.scorer import Classification, Evidence, Scorer, verdict_change
from oppdrag.diagnostics import Finding, format_path
from oppdrag.engine.run import Keep, compact
from oppdrag.locale import Lang, message_and_help, term, text
from oppdrag.model.counties import COUNTIES, NATIONAL
from oppdrag.report import FileReport, MissionReport, RunReport
from oppdrag.reporters.missions import strength_band
from oppdrag.rules.quality import ACTOR_SECTOR_KINDS
from oppdrag.visible import one_line, visible

if TYPE_CHECKING:
    from oppdrag.classify.rulebook import Rulebook
    from oppdrag.model.proposal import MissionFields

TYPES = ("accelerating", "transforming", "undetermined")
# Evidence listed per mission: the strongest, enough to check the verdict by
# (explain shows it all), each in its sentence cut to a readable length.
EVIDENCE_SHOWN = 3
SENTENCE_SHOWN = 100
# Criteria listed per mission: those that weighed most, either way.
CRITERIA_SHOWN = 5

# Where each county's tile sits on the map grid (row, column), north at the top.
TILES: dict[str, tuple[int, int]] = {
    "Finnmark": (0, 3),
    "Troms": (1, 2),
    "Nordland": (2, 2),
    "Trøndelag": (3, 1),
    "Møre og Romsdal": (4, 0),
    "Innlandet": (4, 1),
    "Vestland": (5, 0),
    "Buskerud": (5, 1),
    "Akershus": (5, 2),
    "Rogaland": (6, 0),
    "Telemark": (6, 1),
    "Oslo": (6, 2),
    "Østfold": (6, 3),
    "Agder": (7, 0),
    "Vestfold": (7, 1),
}


# --- Norwegian sorting and numbers ------------------------------------------------

# Æ, Ø and Å after Z (and their Swedish and German cousins with them).
_NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def sort_key(name: str) -> str:
    """A key that sorts names as a Norwegian dictionary does."""
    return name.casefold().translate(_NORWEGIAN_ORDER)


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number as the language writes it: '1 500 000' and '0,35' in Norwegian."""
    written = f"{value:,.{decimals}f}"
    if lang == "en":
        return written
    # A no-break space between thousands, a comma before the decimals.
    return written.replace(",", "\u00a0").replace(".", ",")


def anchor(prefix: str, name: str) -> str:
    """An id for a link target: lower-case letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", sort_key(name).translate(_ASCII)).strip("-")
    return f"{prefix}-{slug or 'x'}"


_ASCII = str.maketrans({"{": "ae", "|": "o", "}": "aa"})


# --- the values ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One piece of evidence: its words in their sentence, where, and which way."""

    criterion: str
    towards: str
    words: str
    sentence: str
    file: str
    line: int | None
    field: str
    contribution: float
    negated: bool


@dataclass(frozen=True, slots=True)
class CriterionView:
    """One criterion of the rulebook as it scored this mission."""

    name: str
    weight: float
    score: float
    contribution: float


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding of the check, in the report's language."""

    code: str
    severity: str
    severity_key: str
    message: str
    file: str
    line: int | None
    column: int | None


@dataclass(frozen=True, slots=True)
class MissionView:  # the facts a reader of the portfolio needs about one mission
    """One mission with everything the portfolio shows about it."""

    anchor: str
    id: str
    title: str
    file: str
    line: int
    counties: tuple[str, ...]
    type_key: str
    type_label: str
    borderline: bool
    strength: float | None
    strength_label: str
    declared: str
    status: str
    deadline: int | None
    budget: float | None
    budget_label: str
    currency: str
    owner: str
    s3: tuple[str, ...]
    sectors: tuple[str, ...]
    sdgs: tuple[int, ...]
    instruments: tuple[str, ...]
    actor_count: int
    actor_kinds: tuple[str, ...]
    actor_sectors: tuple[str, ...]
    baseline_years: tuple[int, ...]
    target_years: tuple[int, ...]
    criteria: tuple[CriterionView, ...]
    evidence: tuple[EvidenceView, ...]
    evidence_left_out: int
    flip: str
    findings: tuple[FindingView, ...]

    @property
    def valid(self) -> bool:
        """True when the mission was validated and classified."""
        return self.type_key != "invalid"


@dataclass(frozen=True, slots=True)
class CountyView:
    """One county (or 'national', or 'no county') and its missions."""

    name: str
    anchor: str
    missions: tuple[MissionView, ...]
    counts: dict[str, int]
    borderline: int
    s3: tuple[str, ...]
    sectors: tuple[str, ...]
    sdgs: tuple[int, ...]
    instruments: tuple[str, ...]
    years: tuple[int, int] | None

    @property
    def total(self) -> int:
        """Missions of the county, invalid ones included."""
        return len(self.missions)


@dataclass(frozen=True, slots=True)
class Tile:
    """A county on the map grid."""

    name: str
    anchor: str
    row: int
    column: int
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Portfolio:
    """Everything the portfolio shows, in the report's language."""

    title: str
    lang: Lang
    summary: str
    counties: tuple[CountyView, ...]
    missions: tuple[MissionView, ...]
    tiles: tuple[Tile, ...]
    counts: dict[str, int]
    borderline: int
    findings_by_severity: tuple[tuple[str, str, int], ...]
    findings_by_code: tuple[tuple[str, str, int], ...]
    # Findings about a file or a strategy as a whole rather than one mission.
    other_findings: tuple[FindingView, ...]
    tool_version: str
    rulebook_version: str


# --- building it ----------------------------------------------------------------


def build_portfolio(
    report: RunReport, rulebook: Rulebook, lang: Lang, title: str | None = None
) -> Portfolio:
    """The portfolio of a run (classified, and checked when it was a check run)."""
    builder = PortfolioBuilder(rulebook, lang)
    for file in report.files:
        builder.add(file)
    return builder.build(report, title)


class PortfolioBuilder:
    """The portfolio, built a file at a time as the run checks them.

    ``add`` is given each file's report as soon as it is finished (``each`` of
    ``check_paths``) and turns its missions into the few values the portfolio
    shows; the run then keeps only the file's findings, not every mission's
    model and evidence: 50,000 proposals kept whole took 1.8 GB.
    """

    def __init__(self, rulebook: Rulebook, lang: Lang) -> None:
        self.rulebook = rulebook
        self.lang = lang
        self.scorer = Scorer(rulebook)
        self.missions: list[MissionView] = []

    def add(self, file: FileReport) -> FileReport:
        """Take the views of the file's missions; return what the run keeps of it."""
        for unit in file.units:
            if unit.kind != "strategy":
                # Short targets for links: a page of 1,000 missions links to
                # each from several tables.
                slug = f"m{len(self.missions) + 1}"
                view = _mission(file, unit, slug, self.scorer, self.lang)
                self.missions.append(view)
        return compact(file, Keep.FINDINGS)

    def build(self, report: RunReport, title: str | None = None) -> Portfolio:
        """The portfolio of the files added, with the run's other findings."""
        lang, missions = self.lang, self.missions
        counties = _counties(missions, lang)
        counts = Counter(m.type_key for m in missions)
        others = _other_findings(report, lang)
        every = [*(f for m in missions for f in m.findings), *others]
        severities = Counter(f.severity_key for f in every)
        codes = Counter(f.code for f in every)
        version = self.rulebook.rulebook_version
        summary = text(
            lang,
            "report.summary",
            missions=len(missions),
            files=len(report.files),
            accelerating=counts["accelerating"],
            transforming=counts["transforming"],
            undetermined=counts["undetermined"],
            borderline=sum(m.borderline for m in missions),
            version=version,
            tool=report.tool_version,
        )
        return Portfolio(
            title=one_line(title) if title else text(lang, "report.title"),
            lang=lang,
            summary=summary,
            counties=counties,
            missions=tuple(sorted(missions, key=_mission_order)),
            tiles=_tiles(counties),
            counts={kind: counts[kind] for kind in (*TYPES, "invalid")},
            borderline=sum(m.borderline for m in missions),
            findings_by_severity=tuple(
                (key, text(lang, f"ui.{key}"), severities[key])
                for key in ("error", "warning", "info")
            ),
            findings_by_code=tuple(
                (code, _rule_name(code), count) for code, count in sorted(codes.items())
            ),
            other_findings=others,
            tool_version=report.tool_version,
            rulebook_version=version,
        )


def _other_findings(report: RunReport, lang: Lang) -> tuple[FindingView, ...]:
    """Findings on files (unreadable YAML, say) and on strategies' own fields."""
    return tuple(
        _finding(file.path, finding, lang)
        for file in report.files
        for unit, finding in file.all_findings()
        if unit is None or unit.kind == "strategy"
    )


def _mission_order(mission: MissionView) -> tuple[str, str, str]:
    county = mission.counties[0] if mission.counties else "\uffff"
    return (sort_key(county), sort_key(mission.title), mission.anchor)


def mission_units(report: RunReport) -> list[tuple[FileReport, MissionReport]]:
    """Every mission of the run (a strategy's own entry left out), with its file."""
    return [
        (file, unit)
        for file in report.files
        for unit in file.units
        if unit.kind != "strategy"
    ]


def explained_missions(
    units: Sequence[tuple[FileReport, MissionReport]], rulebook: Rulebook, lang: Lang
) -> tuple[MissionView, ...]:
    """These missions with all their criteria and evidence (explain)."""
    return tuple(_views(units, Scorer(rulebook), lang, full=True))


def _views(
    units: Sequence[tuple[FileReport, MissionReport]],
    scorer: Scorer,
    lang: Lang,
    *,
    full: bool = False,
) -> list[MissionView]:
    # Short targets for links: a page of 1,000 missions links to each from
    # several tables.
    return [
        _mission(file, unit, f"m{index}", scorer, lang, full=full)
        for index, (file, unit) in enumerate(units, 1)
    ]


def _mission(  # noqa: PLR0913 -- one mission, where it is, and how much to show
    file: FileReport,
    unit: MissionReport,
    slug: str,
    scorer: Scorer,
    lang: Lang,
    *,
    full: bool = False,
) -> MissionView:
    fields, result = unit.fields, unit.classification
    findings = tuple(_finding(file.path, f, lang) for f in unit.findings)
    if fields is None or result is None:
        return _invalid(file, unit, slug, findings, lang)
    evidence = [e for c in result.criteria for e in c.evidence]
    shown = sorted(evidence, key=lambda e: -abs(e.contribution))
    if not full:
        shown = shown[:EVIDENCE_SHOWN]
    return MissionView(
        anchor=slug,
        id=visible(fields.id),
        title=one_line(fields.title),
        file=file.path,
        line=unit.line,
        counties=_county_names(fields, lang),
        type_key=result.type.value,
        type_label=term(lang, "type", result.type.value),
        borderline=result.borderline,
        strength=result.strength,
        strength_label=f"{strength_band(result.strength, lang)} "
        f"{number(result.strength, lang, 2)}",
        **_facts(fields, lang),
        **_coverage(fields, lang),
        criteria=_criteria(result, lang, None if full else CRITERIA_SHOWN),
        evidence=tuple(_evidence(file.path, unit, e, lang, full=full) for e in shown),
        evidence_left_out=len(evidence) - len(shown),
        flip=_flip(unit, result, scorer, lang),
        findings=findings,
    )


def _facts(fields: MissionFields, lang: Lang) -> dict[str, Any]:
    """Declared type, status, deadline, budget, owner and years, as shown."""
    budget = fields.budget.amount if fields.budget else None
    targets = fields.objective.targets
    declared = fields.declared_type
    return {
        "declared": term(lang, "type", declared) if declared else "",
        "status": term(lang, "status", fields.status) if fields.status else "",
        "deadline": fields.objective.deadline,
        "budget": budget,
        "budget_label": number(budget, lang) if budget is not None else "",
        "currency": fields.budget.currency if fields.budget else "",
        "owner": one_line(fields.owner or ""),
        "baseline_years": tuple(sorted({t.baseline_year for t in targets} - {None})),
        "target_years": tuple(sorted({t.year for t in targets} - {None})),
    }


def _coverage(fields: MissionFields, lang: Lang) -> dict[str, Any]:
    """What the mission covers: priorities, sectors, goals, instruments, actors."""
    kinds = {term(lang, "actor", a.kind) for a in fields.actors}
    instruments = {term(lang, "instrument", i) for i in fields.instruments}
    return {
        "s3": _union([map(one_line, fields.smart_specialisation)]),
        "sectors": _union(
            [map(one_line, fields.scope.sectors)] if fields.scope else []
        ),
        "sdgs": tuple(sorted(set(fields.sdgs))),
        "instruments": _union([instruments]),
        "actor_count": len(fields.actors),
        "actor_kinds": _union([kinds]),
        "actor_sectors": _actor_sectors(fields, lang),
    }


def _invalid(
    file: FileReport,
    unit: MissionReport,
    slug: str,
    findings: tuple[FindingView, ...],
    lang: Lang,
) -> MissionView:
    return MissionView(
        anchor=slug,
        id=visible(unit.id or ""),
        title=one_line(unit.title or unit.id or file.path),
        file=file.path,
        line=unit.line,
        counties=(),
        type_key="invalid",
        type_label=text(lang, "report.invalid"),
        borderline=False,
        strength=None,
        strength_label="",
        declared="",
        status="",
        deadline=None,
        budget=None,
        budget_label="",
        currency="",
        owner="",
        s3=(),
        sectors=(),
        sdgs=(),
        instruments=(),
        actor_count=0,
        actor_kinds=(),
        actor_sectors=(),
        baseline_years=(),
        target_years=(),
        criteria=(),
        evidence=(),
        evidence_left_out=0,
        flip="",
        findings=findings,
    )


def _county_names(fields: MissionFields, lang: Lang) -> tuple[str, ...]:
    county = fields.county
    names = county if isinstance(county, list) else [county] if county else []
    shown = [
        text(lang, "report.national") if n == NATIONAL else visible(n) for n in names
    ]
    return tuple(dict.fromkeys(shown))


def _actor_sectors(fields: MissionFields, lang: Lang) -> tuple[str, ...]:
    sectors = {ACTOR_SECTOR_KINDS.get(a.kind) for a in fields.actors}
    named = {term(lang, "sector", s) for s in sectors if s is not None}
    return tuple(sorted(named, key=sort_key))


def _criteria(
    result: Classification, lang: Lang, most: int | None
) -> tuple[CriterionView, ...]:
    scored = sorted(
        (c for c in result.criteria if c.evidence), key=lambda c: -abs(c.contribution)
    )[:most]
    return tuple(
        CriterionView(
            name=term(lang, "criterion", c.id),
            weight=c.weight,
            score=c.score,
            contribution=c.contribution,
        )
        for c in scored
    )


def _evidence(
    path: str, unit: MissionReport, item: Evidence, lang: Lang, *, full: bool = False
) -> EvidenceView:
    sentence = item.quote or item.words
    shown = (
        " ".join(sentence.split())
        if full
        else clipped(sentence, item.words, SENTENCE_SHOWN)
    )
    return EvidenceView(
        criterion=term(lang, "criterion", item.criterion),
        towards=term(lang, "type", item.pole),
        words=one_line(item.words),
        sentence=one_line(shown),
        file=path,
        line=item.position.line if item.position else None,
        field=visible(format_path((*unit.path, *item.path))),
        contribution=item.contribution,
        negated=item.negated,
    )


def clipped(sentence: str, words: str, width: int) -> str:
    """The sentence around the words, cut to about ``width`` characters."""
    flat = " ".join(sentence.split())
    if len(flat) <= width:
        return flat
    found = flat.casefold().find(words.casefold())
    start = max(0, min(found - width // 3, len(flat) - width)) if found >= 0 else 0
    clip = flat[start : start + width]
    return ("…" if start else "") + clip + ("…" if start + width < len(flat) else "")


def _flip(
    unit: MissionReport,
    result: Classification,
    scorer: Scorer,
    lang: Lang,
) -> str:
    change = verdict_change(result, scorer)
    if change is None:
        if not result.decided:
            return ""
        return text(lang, "explain.no_flip", type=term(lang, "type", result.type.value))
    line = text(lang, "report.line").lower()
    quoted = "; ".join(
        f"«{one_line(e.words)}» ({line} {e.position.line})"
        if e.position
        else f"«{one_line(e.words)}» ({format_path((*unit.path, *e.path))})"
        for e in change.removed
    )
    return text(
        lang,
        "explain.flip",
        count=len(change.removed),
        other=term(lang, "type", change.result.type.value),
        score=number(change.result.score, lang, 3),
        evidence=quoted,
    )


def _finding(path: str, finding: Finding, lang: Lang) -> FindingView:
    message, _ = message_and_help(lang, finding.message_id, finding.args)
    severity = finding.severity
    position = finding.position
    return FindingView(
        code=finding.code,
        severity=text(lang, f"ui.{severity.value}"),
        severity_key=severity.value,
        message=message,
        file=path,
        line=position.line if position else None,
        column=position.column if position else None,
    )


def _rule_name(code: str) -> str:
    from oppdrag.rules.registry import by_code  # noqa: PLC0415 -- names for the table

    rule = by_code(code)
    return rule.name if rule is not None else ""


def _counties(missions: list[MissionView], lang: Lang) -> tuple[CountyView, ...]:
    groups: dict[str, list[MissionView]] = {}
    for mission in missions:
        for name in mission.counties or (text(lang, "report.no_county"),):
            groups.setdefault(name, []).append(mission)
    official = set(COUNTIES.values())
    # The counties first, as Norwegians sort them; then national, then the rest.
    order = sorted(groups, key=lambda n: (n not in official, sort_key(n)))
    return tuple(_county(name, groups[name]) for name in order)


def _county(name: str, missions: list[MissionView]) -> CountyView:
    ordered = tuple(sorted(missions, key=lambda m: (sort_key(m.title), m.id, m.line)))
    counts = Counter(m.type_key for m in ordered)
    years = [
        y
        for m in ordered
        for y in (*m.baseline_years, *m.target_years, m.deadline)
        if y is not None
    ]
    return CountyView(
        name=name,
        anchor=anchor("county", name),
        missions=ordered,
        counts={kind: counts[kind] for kind in (*TYPES, "invalid")},
        borderline=sum(m.borderline for m in ordered),
        s3=_union(m.s3 for m in ordered),
        sectors=_union(m.sectors for m in ordered),
        sdgs=tuple(sorted({g for m in ordered for g in m.sdgs})),
        instruments=_union(m.instruments for m in ordered),
        years=(min(years), max(years)) if years else None,
    )


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(sorted({value for group in groups for value in group}, key=sort_key))


def _tiles(counties: tuple[CountyView, ...]) -> tuple[Tile, ...]:
    by_name = {county.name: county for county in counties}
    tiles = []
    for name, (row, column) in TILES.items():
        county = by_name.get(name)
        counts = county.counts if county else dict.fromkeys(TYPES, 0)
        tiles.append(Tile(name, anchor("county", name), row, column, counts))
    return tuple(tiles)
