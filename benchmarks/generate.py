"""Generate N realistic, valid mission proposals for benchmarks.

The proposals are varied from the files in ``examples/``: single proposals are
used as they are, the missions of a county strategy with the strategy's county,
owner and language filled in. Each generated proposal starts from one of these
(so bokmål, nynorsk and English alternate) and gets a new id, county, owner,
status, years and numbers, shuffled sentences, and subsets of the problems,
targets, actors, instruments, scope, references and tags written in the same
language. If ``examples/`` holds no usable proposal, the templates printed by
``oppdrag new`` are used instead.

Every file holds a single proposal (no multi-document files, no strategies), so
``check-jsonschema`` can read it too. Output is deterministic for a given seed.

Usage::

    python benchmarks/generate.py OUT_DIR --count 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, get_args

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from oppdrag.model.counties import COUNTIES
from oppdrag.model.proposal import Instrument

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
TEMPLATES = REPO / "src" / "oppdrag" / "templates"

Proposal = dict[str, Any]

OWNER_SUFFIX = {
    "nb": " fylkeskommune",
    "nn": " fylkeskommune",
    "en": " County Council",
}
NORWAY = {"nb": "Norge", "nn": "Noreg", "en": "Norway"}
TITLE_SUFFIXES = {
    "nb": ("fase 2", "pilot", "del II"),
    "nn": ("fase 2", "pilot", "del II"),
    "en": ("phase 2", "pilot", "part II"),
}
PERCENT_UNITS = ("prosent", "per cent", "percent", "%")
SECTIONS = frozenset(
    {"challenge", "objective", "approach", "scope", "actors", "instruments"}
    | {"smart_specialisation", "sdgs", "budget", "period", "references", "tags"}
)
# ruamel folds plain text after this column, so prose is folded before it too.
WIDTH = 72
STATUSES = ("draft", "proposed", "adopted", "active", "completed")
# The declared type in English and Norwegian; either may be written.
TYPE_NAMES = {
    "accelerating": "akselererende",
    "transforming": "transformerende",
}
ENGLISH_TYPES = {v: k for k, v in TYPE_NAMES.items()} | {k: k for k in TYPE_NAMES}
INSTRUMENTS = tuple(name for name in get_args(Instrument) if name != "other")
SCOPE_FIELDS = ("sectors", "value_chains", "technologies")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])")
INHERITED = ("county", "owner", "language")


# ------------------------------------------------------------------- reading


def read_yaml(path: Path) -> list[Any]:
    """All documents of a YAML file, or none if it does not load."""
    yaml = YAML(typ="safe", pure=False)
    try:
        return list(yaml.load_all(path.read_text(encoding="utf-8")))
    except Exception as error:  # a broken example is skipped, not fatal
        print(f"skipping {path.name}: {error}", file=sys.stderr)
        return []


def proposals_in(document: Any) -> Iterator[Proposal]:
    """The proposals in one document: itself, or a strategy's missions."""
    if not isinstance(document, dict) or document.get("schema_version") != 1:
        return
    if "strategy" not in document:
        yield document
        return
    header = document.get("strategy") or {}
    for mission in document.get("missions") or []:
        if isinstance(mission, dict):
            inherited = {k: header[k] for k in INHERITED if k in header}
            yield {"schema_version": 1, **inherited, **mission}


def usable(proposal: Proposal) -> bool:
    """Whether a proposal has the parts the generator varies."""
    challenge, objective = proposal.get("challenge"), proposal.get("objective")
    return (
        proposal.get("language", "nb") in OWNER_SUFFIX
        and isinstance(proposal.get("id"), str)
        and isinstance(proposal.get("title"), str)
        and isinstance(challenge, dict)
        and isinstance(challenge.get("summary"), str)
        and isinstance(objective, dict)
        and isinstance(objective.get("statement"), str)
    )


def load_seeds(folder: Path) -> list[Proposal]:
    """The usable proposals from every YAML file in ``folder``, in name order."""
    seeds: list[Proposal] = []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        for document in read_yaml(path):
            seeds.extend(p for p in proposals_in(document) if usable(p))
    return seeds


def load_all_seeds() -> list[Proposal]:
    """Seeds from the examples, else from the ``oppdrag new`` templates."""
    seeds = load_seeds(EXAMPLES) if EXAMPLES.is_dir() else []
    if not seeds:
        print("no usable examples; using the templates", file=sys.stderr)
        seeds = load_seeds(TEMPLATES)
    if not seeds:
        sys.exit("no examples and no templates to start from")
    for seed in seeds:
        seed.setdefault("language", "nb")
    return seeds


# --------------------------------------------------------------------- pools


def unique(items: list[Any]) -> list[Any]:
    """Items without repeats, in first-seen order (dicts compared by content)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        key = repr(item)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def seed_lists(seed: Proposal) -> dict[str, list[Any]]:
    """The list-valued parts of one seed, by field name."""
    scope = seed.get("scope") or {}
    return {
        "problems": seed["challenge"].get("problems") or [],
        "targets": seed["objective"].get("targets") or [],
        "actors": [a for a in seed.get("actors") or [] if a.get("kind") != "county"],
        "references": seed.get("references") or [],
        "tags": seed.get("tags") or [],
        "smart_specialisation": seed.get("smart_specialisation") or [],
        **{name: scope.get(name) or [] for name in SCOPE_FIELDS},
    }


def build_pools(seeds: list[Proposal]) -> dict[str, dict[str, list[Any]]]:
    """For each language, every list item the seeds in that language hold."""
    pools: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for seed in seeds:
        for name, items in seed_lists(seed).items():
            pools[seed["language"]][name].extend(items)
    return {
        lang: {name: unique(items) for name, items in fields.items()}
        for lang, fields in pools.items()
    }


# ----------------------------------------------------------------- variation


def ascii_slug(text: str) -> str:
    """Lower-case a–z, 0–9 and hyphens, with æ/ø/å spelt out."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def make_id(county: str, seed: Proposal, number: int) -> str:
    """A unique id (3–64 characters): the county, the seed's id and a number."""
    topic = ascii_slug(seed["id"])
    old = seed_county_name(seed)
    if old:
        topic = re.sub(rf"(^|-){ascii_slug(old)}(-|$)", "-", topic).strip("-")
    tail = f"-{number:05d}"
    head = f"{ascii_slug(county)}-{topic}"
    return (head[: 64 - len(tail)].rstrip("-") + tail).lstrip("-")


def shuffle_sentences(rng: random.Random, text: str) -> str:
    """The sentences of ``text`` in a new order, on one line."""
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    rng.shuffle(sentences)
    return " ".join(sentences)


def subset(rng: random.Random, items: Sequence[Any], low: int, high: int) -> list[Any]:
    """Between ``low`` and ``high`` items, in a random order (fewer if short)."""
    if not items:
        return []
    size = rng.randint(min(low, len(items)), min(high, len(items)))
    return copy.deepcopy(rng.sample(list(items), size))


def mixed(
    rng: random.Random,
    own: Sequence[Any],
    pool: Sequence[Any],
    low: int,
    high: int,
) -> list[Any]:
    """A subset of the seed's own items, now and then with one from the pool."""
    chosen = subset(rng, own, low, high)
    others = [item for item in pool if item not in own]
    if others and rng.random() < 0.3:
        chosen.insert(rng.randint(0, len(chosen)), copy.deepcopy(rng.choice(others)))
    return chosen


def pick_county(rng: random.Random) -> tuple[Any, str]:
    """A county as written in the file, and the name used in prose and the id."""
    number, name = rng.choice(sorted(COUNTIES.items()))
    roll = rng.random()
    if roll < 0.70:
        return name, name
    if roll < 0.80:
        return name.lower(), name
    if roll < 0.87:
        return int(number), name
    if roll < 0.95:
        other = rng.choice([n for n in COUNTIES.values() if n != name])
        return [name, other], name
    return "national", ""


def vary_target(
    rng: random.Random, target: dict[str, Any], deadline: int
) -> dict[str, Any]:
    """A target with its numbers scaled by 0.5–2 and new years."""
    factor = rng.uniform(0.5, 2.0)
    percent = any(m in str(target.get("unit", "")) for m in PERCENT_UNITS)
    varied = dict(target)
    for key in ("baseline", "target"):
        value = target.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            scaled = min(value * factor, 100) if percent else value * factor
            varied[key] = round(scaled) if isinstance(value, int) else round(scaled, 1)
    if "baseline_year" in varied:
        varied["baseline_year"] = rng.randint(2019, 2025)
    if "year" in varied:
        varied["year"] = deadline
    return varied


def new_deadline(objective: Proposal, deadline: int) -> str:
    """The objective's statement with its old deadline year replaced."""
    statement: str = objective["statement"]
    old = objective.get("deadline")
    if not isinstance(old, int):
        return statement
    return re.sub(rf"\b{old}\b", str(deadline), statement)


def replace_county(value: Any, old: str | None, new: str) -> Any:
    """``value`` with the seed's county name replaced in every string."""
    if not old or old == new:
        return value
    if isinstance(value, str):
        return re.sub(rf"\b{re.escape(old)}\b", new, value)
    if isinstance(value, list):
        return [replace_county(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: replace_county(v, old, new) for k, v in value.items()}
    return value


def seed_county_name(seed: Proposal) -> str | None:
    """The single county a seed names, if it names one."""
    county = seed.get("county")
    return county if isinstance(county, str) and county in COUNTIES.values() else None


# ------------------------------------------------------------------ assembly


class Draw:
    """Draws list items for one proposal: mostly its seed's, now and then others."""

    def __init__(
        self, rng: random.Random, seed: Proposal, pool: dict[str, list[Any]]
    ) -> None:
        self.rng = rng
        self.own = seed_lists(seed)
        self.pool = pool

    def take(self, name: str, low: int, high: int) -> list[Any]:
        """Between ``low`` and ``high`` of the items called ``name``."""
        return mixed(
            self.rng, self.own.get(name, []), self.pool.get(name, []), low, high
        )


def header_fields(
    rng: random.Random, seed: Proposal, number: int
) -> tuple[Proposal, str]:
    """id, title, language, county, owner, status and type; and the county name."""
    county, name = pick_county(rng)
    lang = seed["language"]
    name = name or NORWAY[lang]
    owner = name + OWNER_SUFFIX[lang]
    if county == "national":
        owner = "Government of Norway" if lang == "en" else "Regjeringen"
    title = seed["title"]
    if rng.random() < 0.2:
        title = f"{title} – {rng.choice(TITLE_SUFFIXES[lang])}"
    fields = {
        "schema_version": 1,
        "id": make_id(name, seed, number),
        "title": replace_county(title, seed_county_name(seed), name)[:200],
        "language": lang,
        "county": county,
        "owner": owner,
        "status": rng.choice(STATUSES),
    }
    declared = declared_type(rng, seed)
    if declared:
        fields["declared_type"] = declared
    return fields, name


def declared_type(rng: random.Random, seed: Proposal) -> str | None:
    """The seed's declared type, now and then the other one, in either language."""
    english = ENGLISH_TYPES.get(str(seed.get("declared_type")))
    if english is None or rng.random() < 0.05:
        return None
    if rng.random() < 0.1:
        english = next(t for t in TYPE_NAMES if t != english)
    norwegian = seed["language"] != "en" and rng.random() < 0.5
    return TYPE_NAMES[english] if norwegian else english


def challenge_and_objective(draw: Draw, seed: Proposal, deadline: int) -> Proposal:
    """The challenge and the objective, with shuffled sentences and new targets."""
    rng = draw.rng
    challenge: Proposal = {
        "summary": shuffle_sentences(rng, seed["challenge"]["summary"])
    }
    problems = draw.take("problems", 1, 5)
    if problems:
        challenge["problems"] = problems
    objective: Proposal = {
        "statement": new_deadline(seed["objective"], deadline),
        "deadline": deadline,
    }
    targets = draw.take("targets", 1, 4)
    if targets:
        objective["targets"] = [vary_target(rng, t, deadline) for t in targets]
    return {"challenge": challenge, "objective": objective}


def actors_for(draw: Draw, owner: str) -> list[dict[str, Any]]:
    """The owner as lead, then other actors."""
    kind = "state" if owner in {"Regjeringen", "Government of Norway"} else "county"
    return [{"name": owner, "kind": kind, "role": "lead"}, *draw.take("actors", 2, 12)]


def optional_fields(draw: Draw, seed: Proposal, deadline: int, owner: str) -> Proposal:
    """Everything after the objective; a few parts are left out now and then."""
    rng = draw.rng
    start = rng.randint(2023, min(2027, deadline))
    approach = seed.get("approach")
    fields: Proposal = {
        "approach": shuffle_sentences(rng, approach) if approach else None,
        "scope": {name: draw.take(name, 1, 5) for name in SCOPE_FIELDS},
        "actors": actors_for(draw, owner),
        "instruments": subset(rng, INSTRUMENTS, 1, 7),
        "smart_specialisation": draw.take("smart_specialisation", 0, 3),
        "sdgs": sorted(rng.sample(range(1, 18), rng.randint(1, 5))),
        "budget": {
            "amount": rng.randrange(1_000_000, 500_000_000, 100_000),
            "currency": "NOK" if rng.random() < 0.9 else "EUR",
        },
        "period": {"start": start, "end": deadline},
        "references": draw.take("references", 0, 4),
        "tags": draw.take("tags", 1, 6),
    }
    for name in ("approach", "scope", "budget", "period", "references"):
        if rng.random() < 0.15:
            fields[name] = None
    return {k: v for k, v in fields.items() if v not in (None, [])}


def generate_one(
    rng: random.Random, seed: Proposal, pool: dict[str, list[Any]], number: int
) -> Proposal:
    """One new proposal varied from ``seed``."""
    header, county_name = header_fields(rng, seed, number)
    draw = Draw(rng, seed, pool)
    deadline = rng.randint(2027, 2040)
    body = challenge_and_objective(draw, seed, deadline)
    body |= optional_fields(draw, seed, deadline, header["owner"])
    localised: Proposal = replace_county(body, seed_county_name(seed), county_name)
    return header | localised


def by_language(seeds: list[Proposal]) -> list[list[Proposal]]:
    """The seeds grouped by language, in the order nb, nn, en."""
    groups = [[s for s in seeds if s["language"] == lang] for lang in OWNER_SUFFIX]
    return [group for group in groups if group]


def generate(seeds: list[Proposal], count: int, seed: int) -> Iterator[Proposal]:
    """``count`` proposals; languages take turns, and so do seeds within each."""
    rng = random.Random(seed)
    pools = build_pools(seeds)
    groups = by_language(seeds)
    for number in range(1, count + 1):
        group = groups[(number - 1) % len(groups)]
        base = group[((number - 1) // len(groups)) % len(group)]
        yield generate_one(rng, base, pools[base["language"]], number)


# ------------------------------------------------------------------- writing


def fold_positions(text: str, room: int) -> list[int]:
    """Where to break ``text`` (indices of spaces) so no line is over ``room``."""
    positions: list[int] = []
    line_start, last_space = 0, -1
    for index, char in enumerate(text):
        if char == " ":
            if index - line_start > room and last_space > line_start:
                positions.append(last_space)
                line_start = last_space + 1
            last_space = index
    if len(text) - line_start > room and last_space > line_start:
        positions.append(last_space)
    return positions


def folded(text: str, indent: int) -> str:
    """Prose as a folded block scalar (``>-``) that fits in ``WIDTH`` columns."""
    scalar = FoldedScalarString(text)
    scalar.fold_pos = fold_positions(text, WIDTH - indent)
    written: str = scalar
    return written


def styled(proposal: Proposal) -> Proposal:
    """The proposal as people write it: folded prose, goals in a flow list."""
    proposal = copy.deepcopy(proposal)
    proposal["challenge"]["summary"] = folded(proposal["challenge"]["summary"], 4)
    objective = proposal["objective"]
    objective["statement"] = folded(objective["statement"], 4)
    if "approach" in proposal:
        proposal["approach"] = folded(proposal["approach"], 2)
    if "sdgs" in proposal:
        sdgs = CommentedSeq(proposal["sdgs"])
        sdgs.fa.set_flow_style()
        proposal["sdgs"] = sdgs
    return proposal


def writer() -> YAML:
    """A YAML dumper that writes like the examples: 2-space indents."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def render(yaml: YAML, proposal: Proposal, seed: int) -> str:
    """The file's text: a comment, then the proposal with a blank before sections."""
    stream = io.StringIO()
    yaml.dump(styled(proposal), stream)
    lines = [f"# Generated by benchmarks/generate.py (seed {seed})."]
    for line in stream.getvalue().splitlines():
        if line.split(":", 1)[0] in SECTIONS:
            lines.append("")
        # Wrapped plain scalars end in a space; YAML drops it when folding lines.
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def check_round_trip(text: str, proposal: Proposal, path: Path) -> None:
    """Stop if the written text does not read back as the same proposal."""
    if YAML(typ="safe").load(text) != proposal:
        sys.exit(f"{path}: the written YAML does not read back the same")


def write_all(out: Path, proposals: Iterator[Proposal], seed: int) -> int:
    """Write each proposal to ``OUT/<id>.yaml``; the number written."""
    out.mkdir(parents=True, exist_ok=True)
    yaml = writer()
    written = 0
    for proposal in proposals:
        path = out / f"{proposal['id']}.yaml"
        text = render(yaml, proposal, seed)
        check_round_trip(text, proposal, path)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the proposals to")
    parser.add_argument("--count", type=int, default=1000, help="how many (1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate the proposals."""
    args = parse_args(argv)
    seeds = load_all_seeds()
    written = write_all(args.out, generate(seeds, args.count, args.seed), args.seed)
    print(f"wrote {written} proposals from {len(seeds)} seeds to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
