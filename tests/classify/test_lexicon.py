"""Signal matching as an analyst would check it: stems, compounds, negation, context."""

from __future__ import annotations

import pytest

from oppdrag.classify.lexicon import Lexicon, tokenize
from oppdrag.classify.rulebook import Criterion, Negation, Signals, default_rulebook

NEGATION = default_rulebook().negation


def matcher(**signals: tuple[str, ...]) -> Lexicon:
    criterion = Criterion(id="test", weight=1.0, signals=Signals(**signals))
    return Lexicon([criterion], NEGATION)


def hits(text: str, **signals: tuple[str, ...]) -> list[tuple[str, str, bool]]:
    found = matcher(**signals).find(text, tokenize(text))
    return [(h.pole, text[h.start : h.end], h.negated) for h in found]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Vi må omstille industrien.", "omstille"),
        ("Omstillingen krever mye.", "Omstillingen"),
        ("en klimaomstilling for regionen", "klimaomstilling"),
        ("Industrial restructuring is needed.", "restructuring"),
    ],
)
def test_stems_match_inflections_and_compounds(text: str, words: str) -> None:
    """A stem of five letters or more matches inflected forms and compounds."""
    assert hits(text, transforming=("omstill", "restructur")) == [
        ("transforming", words, False)
    ]


def test_short_stems_match_whole_words_only() -> None:
    """'fou' matches FoU but not 'found'; 'gw' matches GW but not 'gwen'."""
    assert hits("FoU og 3 GW, found gwen", accelerating=("fou", "gw")) == [
        ("accelerating", "FoU", False),
        ("accelerating", "GW", False),
    ]


def test_phrases_must_be_consecutive_words() -> None:
    """A phrase matches only when its words follow each other."""
    signals = {"transforming": ("hele samfunnet",)}
    assert hits("Det gjelder hele samfunnet.", **signals) == [
        ("transforming", "hele samfunnet", False)
    ]
    assert hits("Hele det norske samfunnet.", **signals) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tiltaket krever ikke atferdsendring hos innbyggerne.",
        "Tiltaket krev ikkje åtferdsendring.",
        "This mission does not require behavioural change.",
        "The plan works without behavioural change.",
        "Atferdsendring er ikke nødvendig.",
        "Behavioural change is not required.",
    ],
)
def test_negated_signals_are_marked(text: str) -> None:
    """Negation before the signal, or 'X is not …' after it, marks it negated."""
    found = hits(text, transforming=("atferd", "åtferd", "behaviour"))

    assert [negated for _, _, negated in found] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "Det handler ikke bare om teknologi, men om atferdsendring.",
        "Not only technology, but behavioural change.",
        "Ingen kan gjøre det alene. Atferdsendring trengs.",
    ],
)
def test_negation_stops_at_the_clause_and_ignores_not_only(text: str) -> None:
    """'not only … but', a new sentence or 'men' end the reach of a negation."""
    found = hits(text, transforming=("atferd", "behaviour"))

    assert [negated for _, _, negated in found] == [False]


def test_context_rule_for_the_green_shift() -> None:
    """'infrastruktur for det grønne skiftet' does not count as a transforming goal."""
    criterion = default_rulebook().criterion("change")
    match = Lexicon([criterion], NEGATION)
    text = (
        "Vi bygger infrastruktur for det grønne skiftet. Det grønne skiftet krever mer."
    )
    found = [
        (text[h.start : h.end], h.negated) for h in match.find(text, tokenize(text))
    ]

    assert ("grønne skiftet", True) in found
    assert ("grønne skiftet", False) in found


def test_excluded_words_do_not_match() -> None:
    """'transformatorstasjon' contains 'transform' but is not a transformation."""
    criterion = default_rulebook().criterion("change")
    text = "Ny transformatorstasjon i Bodø."

    assert list(Lexicon([criterion], NEGATION).find(text, tokenize(text))) == []


def test_one_signal_per_pole_per_word() -> None:
    """A word matched by several stems of one pole counts once (the longest stem)."""
    found = hits("Problemet er flokete.", transforming=("floke", "flokete", "floket"))

    assert found == [("transforming", "flokete", False)]


def test_negation_settings_are_data() -> None:
    """The negation words come from the rulebook, in all three languages."""
    negation = default_rulebook().negation

    assert {"ikke", "ikkje", "not", "without"} <= set(negation.before)
    assert isinstance(negation, Negation)
