"""Hypothesis strategies for valid proposals and for arbitrary YAML-able data."""

from __future__ import annotations

import io
from typing import Any, get_args

from hypothesis import strategies as st
from ruamel.yaml import YAML

from oppdrag.model.counties import COUNTIES
from oppdrag.model.proposal import ActorKind, ActorRole, Instrument, Status

words = st.sampled_from(
    [
        "grønn",
        "industri",
        "omstilling",
        "kompetanse",
        "hav",
        "vind",
        "innbyggere",
        "klima",
        "transport",
        "helse",
        "unge",
        "energy",
        "citizens",
        "næringsliv",
        "øy",
    ]
)
prose = st.lists(words, min_size=2, max_size=12).map(
    lambda ws: " ".join(ws).capitalize()
)
years = st.integers(min_value=1990, max_value=2100)
slugs = st.from_regex(r"\A[a-z0-9][a-z0-9-]{1,20}[a-z0-9]\Z")
names = prose.map(lambda s: s[:60])


def _optional(
    draw: st.DrawFn, key: str, strategy: st.SearchStrategy[Any], out: dict[str, Any]
) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def targets(draw: st.DrawFn) -> dict[str, Any]:
    target: dict[str, Any] = {"indicator": draw(prose)}
    _optional(draw, "unit", names, target)
    _optional(draw, "baseline", st.floats(0, 1e6, allow_nan=False), target)
    _optional(draw, "baseline_year", years, target)
    _optional(draw, "target", st.integers(0, 10**6), target)
    _optional(draw, "year", years, target)
    return target


actors = st.fixed_dictionaries(
    {"name": names, "kind": st.sampled_from(get_args(ActorKind))},
    optional={"role": st.sampled_from(get_args(ActorRole))},
)


@st.composite
def proposals(draw: st.DrawFn) -> dict[str, Any]:
    """A valid proposal as plain data, with a random subset of the optional fields."""
    proposal: dict[str, Any] = {
        "schema_version": 1,
        "id": draw(slugs),
        "title": draw(prose.filter(lambda s: 5 <= len(s) <= 200)),
        "challenge": {"summary": draw(prose)},
        "objective": {"statement": draw(prose), "deadline": draw(years)},
    }
    _optional(draw, "language", st.sampled_from(["nb", "nn", "en"]), proposal)
    _optional(
        draw,
        "county",
        st.sampled_from([*COUNTIES.values(), *COUNTIES, "national"]),
        proposal,
    )
    _optional(draw, "status", st.sampled_from(get_args(Status)), proposal)
    _optional(
        draw,
        "declared_type",
        st.sampled_from(["accelerating", "transforming", "akselererende"]),
        proposal,
    )
    _optional(draw, "approach", prose, proposal)
    _optional(draw, "actors", st.lists(actors, max_size=4), proposal)
    _optional(
        draw,
        "instruments",
        st.lists(st.sampled_from(get_args(Instrument)), max_size=4),
        proposal,
    )
    _optional(
        draw, "sdgs", st.lists(st.integers(1, 17), max_size=5, unique=True), proposal
    )
    _optional(draw, "tags", st.lists(words, max_size=3), proposal)
    _optional(
        draw,
        "budget",
        st.fixed_dictionaries({"amount": st.integers(0, 10**9)}),
        proposal,
    )
    if draw(st.booleans()):
        proposal["challenge"]["problems"] = draw(st.lists(prose, max_size=3))
    if draw(st.booleans()):
        proposal["objective"]["targets"] = draw(st.lists(targets(), max_size=3))
    return proposal


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)
yaml_data = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.text(
                st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8
            ),
            children,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


def dump(data: Any, *, flow: bool | None = False, width: int = 80) -> str:
    """YAML text for data, in block or flow style and with a given line width."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = width
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
