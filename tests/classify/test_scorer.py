"""Classification results an analyst relies on: types, evidence, strength, stability."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from oppdrag.classify.rulebook import default_rulebook
from oppdrag.classify.scorer import Scorer
from oppdrag.model.proposal import MissionFields, Proposal
from tests.conftest import EXAMPLES, ROOT, RunCli, render
from tests.strategies import dump, proposals

LABELLED = ROOT / "tests" / "classification" / "labelled"
SCORER = Scorer(default_rulebook())
YAML_SAFE = YAML(typ="safe")
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def load(path: Path) -> dict[str, Any]:
    data = YAML_SAFE.load(path)
    assert isinstance(data, dict)
    return data


def classify(data: dict[str, Any]) -> Any:
    return SCORER.classify(Proposal.model_validate(data))


# The workshop note's examples (shared/seeds), with the type the note gives them.
WORKSHOP = [
    (LABELLED / "pair-01-nb.yaml", "accelerating"),  # EU's fight against cancer
    (LABELLED / "pair-01-en.yaml", "accelerating"),
    (LABELLED / "pair-02-nb.yaml", "accelerating"),  # carbon capture and storage
    (LABELLED / "pair-02-en.yaml", "accelerating"),
    (LABELLED / "pair-03-nb.yaml", "transforming"),  # net zero / low-emission 2050
    (LABELLED / "pair-03-en.yaml", "transforming"),
    (LABELLED / "pair-04-nb.yaml", "transforming"),  # away from oil and gas
    (LABELLED / "pair-04-en.yaml", "transforming"),
    (EXAMPLES / "industriell-symbiose-vestland.yaml", "accelerating"),
    (EXAMPLES / "infrastruktur-gronne-skiftet-nordland.yaml", "accelerating"),
    (EXAMPLES / "kompetanseloft-gronne-verdikjeder-agder.yaml", "accelerating"),
]


@pytest.mark.parametrize(
    ("path", "expected"), WORKSHOP, ids=lambda v: getattr(v, "name", v)
)
def test_workshop_examples_get_the_notes_type(path: Path, expected: str) -> None:
    """Each example of the workshop note gets the note's type, clearly (not borderline)."""
    result = classify(load(path))

    assert result.type.value == expected
    assert not result.borderline


@pytest.mark.parametrize("number", range(1, 12))
def test_translation_pairs_get_the_same_type(number: int) -> None:
    """A mission and its translation (bokmål/English) get the same type."""
    nb = classify(load(LABELLED / f"pair-{number:02d}-nb.yaml"))
    en = classify(load(LABELLED / f"pair-{number:02d}-en.yaml"))

    assert nb.type == en.type


def test_prose_only_has_less_evidence_than_structured() -> None:
    """The same mission with only its required fields has less strength of evidence."""
    full = load(EXAMPLES / "lavutslippssamfunn-trondelag.yaml")
    required = {"schema_version", "id", "title", "challenge", "objective"}
    prose = {k: v for k, v in full.items() if k in required}
    prose["challenge"] = {"summary": full["challenge"]["summary"]}
    prose["objective"] = {k: full["objective"][k] for k in ("statement", "deadline")}

    structured, plain = classify(full), classify(prose)

    assert structured.type == plain.type
    assert plain.strength < structured.strength
    assert plain.coverage < structured.coverage


def test_negated_behaviour_change_does_not_count() -> None:
    """Saying no behavioural change is needed does not move a mission towards transforming."""
    base = load(LABELLED / "pair-02-en.yaml")
    negated = copy.deepcopy(base)
    negated["approach"] = (
        "The mission does not require behavioural change among citizens."
    )
    silent = copy.deepcopy(base)
    silent["approach"] = "The mission requires engineering work."

    assert classify(negated).score == classify(silent).score
    lever = next(c for c in classify(negated).criteria if c.id == "lever")
    assert any(e.negated and "behavio" in e.words for e in lever.evidence)


def test_contributions_add_up_to_the_score() -> None:
    """The score is exactly the sum of the evidence contributions (nothing hidden)."""
    result = classify(load(EXAMPLES / "omstilling-fra-olje-og-gass-rogaland.yaml"))

    assert sum(e.contribution for e in result.evidence) == pytest.approx(
        result.score, abs=1e-3
    )
    assert sum(c.contribution for c in result.criteria) == pytest.approx(
        result.score, abs=1e-3
    )


@PROPERTY
@given(proposals(), st.randoms())
def test_key_order_does_not_change_the_result(
    proposal: dict[str, Any], rng: Any
) -> None:
    """Shuffling the order of keys (at every level) gives the identical classification."""

    def shuffled(value: Any) -> Any:
        if isinstance(value, dict):
            items = list(value.items())
            rng.shuffle(items)
            return {k: shuffled(v) for k, v in items}
        if isinstance(value, list):
            return [shuffled(v) for v in value]
        return value

    assert classify(proposal) == classify(shuffled(proposal))


@PROPERTY
@given(proposals(), st.sampled_from([20, 40, 4096]))
def test_line_wrapping_does_not_change_the_result(
    proposal: dict[str, Any], width: int
) -> None:
    """The same proposal wrapped at another width (folded YAML text) classifies the same."""
    text = dump(proposal, width=width)
    reread = YAML_SAFE.load(text)

    assert classify(reread) == classify(proposal)


SIGNALS = {
    "transforming": [
        "atferdsendring",
        "innbyggerne",
        "regulering",
        "netto null",
        "flokete",
    ],
    "accelerating": [
        "teknologiutvikling",
        "pilotanlegg",
        "bedrifter",
        "markedsklar",
        "skalere",
    ],
}


@PROPERTY
@given(
    proposals(),
    st.sampled_from(["transforming", "accelerating"]),
    st.sampled_from(["title", "approach", "summary", "statement"]),
    st.integers(0, 4),
)
def test_adding_a_signal_never_lowers_its_side(
    proposal: dict[str, Any], pole: str, field: str, index: int
) -> None:
    """Adding a word of one type never moves the score towards the other type."""
    before = classify(proposal).score
    word = SIGNALS[pole][index]
    after_data = copy.deepcopy(proposal)
    if field == "summary":
        after_data["challenge"]["summary"] += f" Dette gjelder {word}."
    elif field == "statement":
        after_data["objective"]["statement"] += f" Dette gjelder {word}."
    else:
        after_data[field] = after_data.get(field, "Tekst") + f" Dette gjelder {word}."
    after = classify(after_data).score

    assert after >= before if pole == "transforming" else after <= before


def test_classification_is_deterministic_across_runs(run_cli: RunCli) -> None:
    """Two runs over the same files give byte-identical JSON."""
    first = run_cli("classify", "-f", "json", str(EXAMPLES))
    second = run_cli("classify", "-f", "json", str(EXAMPLES))

    assert first.exit_code == 0, render(first)
    assert first.stdout == second.stdout


def test_mission_fields_of_a_strategy_are_classified(run_cli: RunCli) -> None:
    """Each mission of a county strategy is classified on its own."""
    result = run_cli(
        "classify", "-f", "json", str(EXAMPLES / "strategi-troms-2024-2030.yaml")
    )
    units = json.loads(result.stdout)["files"][0]["documents"]
    types = [u["classification"]["type"] for u in units if u["kind"] == "mission"]

    assert types == ["accelerating", "transforming", "accelerating"]
    assert isinstance(MissionFields, type)


@PROPERTY
@given(proposals(), st.randoms(use_true_random=False))
def test_the_quick_outcome_agrees_with_the_full_decision(
    proposal: dict[str, Any], random: Any
) -> None:
    """'What would change the verdict' asks the quick outcome; it must match decide."""
    result = classify(proposal)
    items = list(result.evidence)
    for _ in range(10):
        subset = [item for item in items if random.random() < 0.6]
        decided = SCORER.decide(subset, result.contradiction)
        assert SCORER.outcome(subset) is decided.type


@pytest.mark.parametrize("path", sorted(LABELLED.glob("*.yaml")), ids=lambda p: p.name)
def test_the_quick_outcome_agrees_on_labelled_missions(path: Path) -> None:
    """Every prefix of each labelled mission's evidence gets the same outcome both ways."""
    result = classify(load(path))
    items = list(result.evidence)
    for end in range(len(items) + 1):
        subset = items[:end]
        assert (
            SCORER.outcome(subset) is SCORER.decide(subset, result.contradiction).type
        )


@pytest.mark.parametrize(
    "path",
    sorted(ROOT.glob("tests/classification/*/*.yaml")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_a_run_without_evidence_reaches_the_same_result(path: Path) -> None:
    """validate and the tables skip the evidence; type, scores and C002 stay the same."""
    data = load(path)
    model = Proposal
    if "missions" in data:  # a county strategy: its first mission
        data, model = data["missions"][0], MissionFields
    try:
        mission = model.model_validate(data)
    except ValueError:
        pytest.skip("not a valid mission")
    full = SCORER.classify(mission)
    quick = SCORER.classify(mission, evidence=False)

    assert quick == full.without_evidence()
    assert not quick.evidence
