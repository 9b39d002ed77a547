"""Pydantic models of a mission proposal, schema version 1: the published contract."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from oppdrag.model.counties import (
    COUNTIES,
    NATIONAL,
    accepted_spellings,
    canonical_county,
)

SCHEMA_VERSION = 1
SCHEMA_ID = "https://oppdrag.invalid/schemas/mission-proposal.schema.json"

# Text that must say something: at least one character that is not white space.
Prose = Annotated[str, StringConstraints(pattern=r"\S")]
Name = Annotated[str, StringConstraints(pattern=r"\S", max_length=300)]
Year = Annotated[int, Field(ge=1900, le=2100, description="A calendar year (årstall).")]


class MissionType(StrEnum):
    """NIFU's two kinds of mission."""

    ACCELERATING = "accelerating"
    TRANSFORMING = "transforming"


# The types in bokmål and nynorsk, accepted as written.
_NORWEGIAN_TYPES = {
    "akselererende": MissionType.ACCELERATING.value,
    "transformerende": MissionType.TRANSFORMING.value,
    "akselererande": MissionType.ACCELERATING.value,
    "transformerande": MissionType.TRANSFORMING.value,
}


def _english_type(value: Any) -> Any:
    return _NORWEGIAN_TYPES.get(value, value) if isinstance(value, str) else value


def _county_pattern(name: str) -> str:
    """A case-insensitive JSON Schema pattern for a name (JSON Schema has no (?i)).

    Any run of spaces matches, as oppdrag itself accepts it.
    """
    parts = []
    for char in name:
        lower, upper = char.lower(), char.upper()
        if char == " ":
            parts.append("\\s+")
        elif lower != upper:
            parts.append(f"[{lower}{upper}]")
        else:
            parts.append(f"\\{char}" if char in _REGEX_SPECIAL else char)
    return "".join(parts)


_REGEX_SPECIAL = frozenset(".^$*+?()[]{}|\\")


def _county_name(value: Any, index: int | None) -> str:
    where = {} if index is None else {"index": index}
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PydanticCustomError(
            "county_type", "county must be a name or number", where
        )
    name = canonical_county(value)
    if name is None:
        raise PydanticCustomError(
            "county_unknown", "unknown county {value}", {"value": str(value), **where}
        )
    return name


def _normalise_county(value: Any) -> Any:
    """One county or a list of them, each by name (any case) or number."""
    if isinstance(value, list):
        if not value:
            raise PydanticCustomError("county_empty", "the list of counties is empty")
        return [_county_name(item, index) for index, item in enumerate(value)]
    return _county_name(value, None)


_ONE_COUNTY: dict[str, Any] = {
    "anyOf": [
        {"enum": [*COUNTIES.values(), NATIONAL, *COUNTIES]},
        {"enum": sorted({int(n) for n in COUNTIES})},
        {
            "type": "string",
            # Every spelling oppdrag accepts: without æ, ø and å, Sami and Kven
            # names, 'nasjonal' … so editors show no error oppdrag would not.
            "pattern": "^\\s*("
            + "|".join(_county_pattern(n) for n in accepted_spellings())
            + ")\\s*$",
        },
    ]
}

_COUNTY_DESCRIPTION = (
    "The county that owns the mission (fylke): one of the 15 counties from 2024, "
    "by name in any letter case or by its two-digit number; a list of counties "
    "for a joint mission; or 'national'."
)

_COUNTY_JSON_SCHEMA: dict[str, Any] = {
    "anyOf": [
        _ONE_COUNTY,
        {"type": "array", "items": _ONE_COUNTY, "minItems": 1},
    ],
}

Counties = Annotated[
    str | list[str],
    BeforeValidator(_normalise_county),
    WithJsonSchema(_COUNTY_JSON_SCHEMA),
]


class _Strict(BaseModel):
    """Shared settings: unknown keys are errors and YAML types are taken as written.

    Infinity and NaN (``.inf``, ``.nan`` in YAML) are no amounts or targets.
    """

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, allow_inf_nan=False
    )


class Challenge(_Strict):
    """The societal challenge the mission answers (samfunnsutfordring)."""

    summary: Prose = Field(
        description=(
            "The challenge in a few sentences (utfordringen): what is wrong today, "
            "for whom, and why it is hard to solve."
        )
    )
    problems: list[Prose] = Field(
        default_factory=list,
        description=(
            "The interlinked sub-problems that make the challenge complex "
            "(delproblemer), one per item."
        ),
    )


class Target(_Strict):
    """One measurable target (målindikator) of the objective."""

    indicator: Prose = Field(
        description="What is measured (indikator), e.g. 'Greenhouse-gas emissions'."
    )
    unit: Name | None = Field(
        default=None, description="Unit of the indicator (enhet), e.g. 'kt CO2e'."
    )
    baseline: float | None = Field(
        default=None, description="The value today or in the baseline year (nullpunkt)."
    )
    baseline_year: Year | None = Field(
        default=None, description="The year of the baseline value (basisår)."
    )
    target: float | None = Field(
        default=None, description="The value to be reached (målverdi)."
    )
    year: Year | None = Field(
        default=None, description="The year the target value is to be reached (målår)."
    )


class Objective(_Strict):
    """What the mission will achieve, and by when (mål)."""

    statement: Prose = Field(
        description=(
            "The mission's goal in one or two sentences (målformulering): bold, "
            "concrete and time-bound."
        )
    )
    deadline: Year = Field(description="The year the goal is to be met (frist).")
    targets: list[Target] = Field(
        default_factory=list,
        description="Measurable targets that show whether the goal is met (måltall).",
    )


class Scope(_Strict):
    """Where the mission works (avgrensning)."""

    sectors: list[Name] = Field(
        default_factory=list,
        description="Sectors of society involved (sektorer), e.g. 'transport'.",
    )
    value_chains: list[Name] = Field(
        default_factory=list, description="Value chains involved (verdikjeder)."
    )
    technologies: list[Name] = Field(
        default_factory=list, description="Technologies involved (teknologier)."
    )


ActorKind = Literal[
    "county",
    "municipality",
    "state",
    "business",
    "research",
    "education",
    "civil_society",
    "citizens",
    "finance",
    "other",
]
ActorRole = Literal["lead", "partner", "funder", "contributor", "target_group"]


class Actor(_Strict):
    """An organisation or group that takes part in the mission (aktør)."""

    name: Name = Field(description="Name of the actor (navn).")
    kind: ActorKind = Field(
        description=(
            "What kind of actor this is (type aktør): county, municipality, state, "
            "business, research, education, civil_society, citizens, finance or other."
        )
    )
    role: ActorRole | None = Field(
        default=None,
        description=(
            "The actor's role (rolle): lead, partner, funder, contributor or "
            "target_group."
        ),
    )


Instrument = Literal[
    "research",
    "innovation",
    "demonstration",
    "infrastructure",
    "procurement",
    "financing",
    "competence",
    "cluster",
    "regulation",
    "taxation",
    "planning",
    "information",
    "behaviour_change",
    "service_redesign",
    "phase_out",
    "partnership",
    "other",
]

Status = Literal["draft", "proposed", "adopted", "active", "completed", "discontinued"]


class Budget(_Strict):
    """Money set aside for the mission (budsjett)."""

    amount: float = Field(ge=0, description="The amount (beløp), zero or more.")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        default="NOK", description="ISO 4217 currency code (valuta), default NOK."
    )


class Period(_Strict):
    """The years the mission runs (periode)."""

    start: Year = Field(description="First year (startår).")
    end: Year = Field(description="Last year (sluttår), not before the first.")

    @model_validator(mode="after")
    def _start_not_after_end(self) -> Period:
        if self.start > self.end:
            raise PydanticCustomError(
                "period_order",
                "period starts in {start}, after it ends in {end}",
                {"start": self.start, "end": self.end},
            )
        return self


def _unique_sdgs(values: list[int]) -> list[int]:
    seen: set[int] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "unique_items", "goal {value} is listed twice", {"value": value}
            )
        seen.add(value)
    return values


SdgList = Annotated[
    list[Annotated[int, Field(ge=1, le=17)]],
    WithJsonSchema(
        {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 17},
            "uniqueItems": True,
            "description": "UN Sustainable Development Goals (bærekraftsmål), 1–17.",
        }
    ),
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")]
DeclaredType = Annotated[
    Literal["accelerating", "transforming"],
    BeforeValidator(_english_type),
    WithJsonSchema(
        {
            "enum": ["accelerating", "transforming", *_NORWEGIAN_TYPES],
            "description": (
                "The type the authors intend (erklært type): accelerating "
                "(akselererende, akselererande) or transforming (transformerende, "
                "transformerande)."
            ),
        }
    ),
]


class MissionFields(_Strict):
    """The fields of one mission, shared by single proposals and strategy missions."""

    # Built when first used (a strategy): start-up builds only what proposals need.
    model_config = ConfigDict(defer_build=True)

    id: Slug = Field(
        description=(
            "A stable identifier (id): 3–64 lower-case letters a–z, digits and "
            "hyphens, e.g. 'vestland-industrial-symbiosis'."
        )
    )
    title: Annotated[str, StringConstraints(min_length=5, max_length=200)] = Field(
        description="The mission's name (tittel), 5–200 characters."
    )
    language: Literal["nb", "nn", "en"] = Field(
        default="nb",
        description="The language the proposal is written in (språk): nb, nn or en.",
    )
    county: Counties | None = Field(default=None, description=_COUNTY_DESCRIPTION)
    owner: Name | None = Field(
        default=None, description="The organisation that owns the mission (eier)."
    )
    status: Status | None = Field(
        default=None,
        description=(
            "Where the proposal stands (status): draft, proposed, adopted, active, "
            "completed or discontinued."
        ),
    )
    declared_type: DeclaredType | None = Field(
        default=None,
        description=(
            "The type the authors intend (erklært type): accelerating "
            "(akselererende) or transforming (transformerende)."
        ),
    )
    challenge: Challenge = Field(description="The societal challenge (utfordring).")
    objective: Objective = Field(description="The goal and its targets (mål).")
    approach: Prose | None = Field(
        default=None,
        description="How the mission will be pursued (tilnærming), in prose.",
    )
    scope: Scope | None = Field(
        default=None, description="Sectors, value chains, technologies."
    )
    actors: list[Actor] = Field(
        default_factory=list, description="Who takes part, and in what role (aktører)."
    )
    instruments: list[Instrument] = Field(
        default_factory=list,
        description="The policy instruments the mission will use (virkemidler).",
    )
    smart_specialisation: list[Name] = Field(
        default_factory=list,
        description="The region's smart-specialisation priority areas (S3) it serves.",
    )
    sdgs: SdgList = Field(default_factory=list)
    budget: Budget | None = Field(
        default=None, description="Money set aside (budsjett)."
    )
    period: Period | None = Field(default=None, description="Years it runs (periode).")
    references: list[Name] = Field(
        default_factory=list, description="Documents it builds on (referanser)."
    )
    tags: list[Name] = Field(
        default_factory=list, description="Free keywords for search (stikkord)."
    )

    @field_validator("sdgs")
    @classmethod
    def _sdgs_unique(cls, values: list[int]) -> list[int]:
        return _unique_sdgs(values)


class Proposal(MissionFields):
    """A mission proposal (forslag til målrettet samfunnsoppdrag), schema version 1."""

    model_config = ConfigDict(
        defer_build=False,
        title="Mission proposal (oppdrag schema version 1)",
    )

    schema_version: Literal[1] = Field(
        description="The version of this format (skjemaversjon); always 1 for now."
    )


class StrategyHeader(_Strict):
    """What a county strategy says about itself; its missions inherit some of it."""

    model_config = ConfigDict(defer_build=True)

    title: Annotated[str, StringConstraints(min_length=5, max_length=200)] = Field(
        description="The strategy's name (tittel)."
    )
    county: Counties | None = Field(
        default=None,
        description=_COUNTY_DESCRIPTION + " Missions in the strategy inherit it.",
    )
    owner: Name | None = Field(
        default=None, description="Owner of the strategy; missions inherit it."
    )
    language: Literal["nb", "nn", "en"] = Field(
        default="nb", description="Language of the strategy; missions inherit it."
    )
    period: Period | None = Field(
        default=None, description="Years the strategy covers."
    )


class Strategy(_Strict):
    """A county strategy (strategi) holding several missions."""

    model_config = ConfigDict(
        defer_build=True, title="County strategy with missions (oppdrag schema 1)"
    )

    schema_version: Literal[1] = Field(
        description="The version of this format (skjemaversjon); always 1 for now."
    )
    strategy: StrategyHeader = Field(description="About the strategy (om strategien).")
    missions: list[MissionFields] = Field(
        min_length=1, description="The missions in the strategy (samfunnsoppdrag)."
    )


class StrategyEnvelope(_Strict):
    """A strategy with its missions left unchecked, so each is validated on its own."""

    model_config = ConfigDict(defer_build=True)

    schema_version: Literal[1]
    strategy: StrategyHeader
    missions: Annotated[list[Any], Field(min_length=1)]


# Fields a strategy's missions take from the strategy unless they set their own.
INHERITED_FIELDS = ("county", "owner", "language")
