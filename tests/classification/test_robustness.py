"""Adversarial suites: the classifier reads what a mission does, not which words it uses.

The missions are in ``robustness-src/`` (see its README), written by someone who
had not seen the rulebook. One suite per kind of misreading:

- keyword stuffing: a bare list of buzzwords or tags never flips a mission;
- negation: negated and contrasted words add nothing, affirmed needs do;
- plain language: missions without policy jargon still get their type, with
  evidence;
- language parity: the same mission in bokmål, nynorsk and English gets the
  same type, with scores within 0.05;
- word senses: words in another sense (names, fuel consumption, carrying
  capacity …) do not decide a mission;
- nothing to go on: an empty text is 'undetermined', never a default type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from oppdrag.classify.rulebook import default_rulebook
from oppdrag.classify.scorer import Classification, Outcome, Scorer
from oppdrag.model.proposal import Proposal

SOURCE = Path(__file__).resolve().parent / "robustness-src"
SCORER = Scorer(default_rulebook())
YAML_SAFE = YAML(typ="safe", pure=True)


def load(path: Path) -> dict[str, Any]:
    data = YAML_SAFE.load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def classify(data: dict[str, Any]) -> Classification:
    return SCORER.classify(Proposal.model_validate(data))


def files(folder: str, pattern: str = "*.yaml") -> list[Path]:
    return sorted((SOURCE / folder).glob(pattern))


def label(path: Path) -> str:
    return str(load(path)["declared_type"])


# ------------------------------------------------------------------- stuffing

STUFFED = files("stuffing", "*-stuffed.yaml")


def test_there_are_stuffed_variants() -> None:
    """A guard: the suite has its 16 pairs."""
    assert len(STUFFED) == 16


@pytest.mark.parametrize("stuffed", STUFFED, ids=lambda p: p.stem)
def test_keyword_stuffing_does_not_flip_a_mission(stuffed: Path) -> None:
    """Appending buzzwords, hashtags or tags changes neither the type nor much else."""
    clean = classify(load(stuffed.with_name(stuffed.name.replace("-stuffed", ""))))
    result = classify(load(stuffed))

    assert result.type == clean.type == Outcome.ACCELERATING
    assert abs(result.score - clean.score) < 0.12


# ------------------------------------------------------------------- negation

NEGATED = files("negation", "*-b.yaml")


def _adds(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return "transforming" if "adds: transforming" in first else "none"


@pytest.mark.parametrize("variant", NEGATED, ids=lambda p: p.stem)
def test_negated_words_add_nothing_and_affirmed_needs_count(variant: Path) -> None:
    """The b-file adds negated or contrasted ideas (no weight) or an affirmed need."""
    base = variant.with_name(variant.name.replace("-b.yaml", "-a.yaml"))
    before, after = classify(load(base)), classify(load(variant))
    expected = label(variant)

    assert after.type.value == expected
    if _adds(variant) == "transforming":
        assert after.score > before.score
    else:
        toward_the_other = after.score - before.score
        if expected == "transforming":
            toward_the_other = -toward_the_other
        assert toward_the_other <= 0.005


# ------------------------------------------------------------------- plain language

PLAIN = files("plain")


@pytest.mark.parametrize("path", PLAIN, ids=lambda p: p.stem)
def test_plain_language_missions_get_their_type_with_evidence(path: Path) -> None:
    """Missions written without the rulebook's words: right type, evidence found."""
    result = classify(load(path))

    assert result.type.value == label(path)
    assert result.strength > default_rulebook().min_strength
    assert any(e.start is not None and not e.negated for e in result.evidence)


# ------------------------------------------------------------------- parity

TRIPLES = sorted({p.name.rsplit("-", 1)[0] for p in files("triples")})


@pytest.mark.parametrize("name", TRIPLES)
def test_the_same_mission_in_three_languages(name: str) -> None:
    """bokmål, nynorsk and English: the same type, scores within 0.05."""
    results = [
        classify(load(SOURCE / "triples" / f"{name}-{lang}.yaml"))
        for lang in ("nb", "nn", "en")
    ]
    scores = [r.score for r in results]

    assert len({r.type for r in results}) == 1
    assert results[0].type.value == label(SOURCE / "triples" / f"{name}-nb.yaml")
    assert max(scores) - min(scores) <= 0.05, scores


# ------------------------------------------------------------------- word senses

TRAPS = files("traps")


@pytest.mark.parametrize("path", TRAPS, ids=lambda p: p.stem)
def test_words_in_another_sense_do_not_decide(path: Path) -> None:
    """Names, technical uses of everyday words and the like: the type stays right."""
    assert classify(load(path)).type.value == label(path)


# ------------------------------------------------------------------- no evidence

EMPTY = {
    "schema_version": 1,
    "id": "tomt-oppdrag",
    "title": "Et oppdrag",
    "challenge": {"summary": "Det er en utfordring."},
    "objective": {"statement": "Målet skal nås.", "deadline": 2038},
}


def test_a_mission_without_evidence_is_undetermined() -> None:
    """No evidence is no reason for either type: 'undetermined', never a default."""
    result = classify(EMPTY)

    assert result.type is Outcome.UNDETERMINED
    assert not result.borderline
    assert result.strength < default_rulebook().min_strength


def test_a_little_evidence_decides() -> None:
    """One clear statement of what the mission does is enough to decide it."""
    data = {**EMPTY, "objective": {**EMPTY["objective"]}}
    data["objective"]["statement"] = "Innbyggerne skal endre reisevanene sine."

    assert classify(data).type is Outcome.TRANSFORMING
