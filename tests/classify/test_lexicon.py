"""Concept matching as an analyst would check it: forms, compounds, senses, negation."""

from __future__ import annotations

import pytest

from oppdrag.classify.lexicon import Lexicon
from oppdrag.classify.patterns import parse_form
from oppdrag.classify.reading import read
from oppdrag.classify.rulebook import Concept, Forms, default_rulebook

RULEBOOK = default_rulebook()
NEGATION = RULEBOOK.negation
SHIPPED = Lexicon(RULEBOOK.concepts)


def concept(*forms: str, **context: tuple[str, ...]) -> Concept:
    return Concept(
        id="test",
        criterion="lever",
        pole="transforming",
        sense="a test",
        forms=Forms(nb=forms, nn=forms, en=forms),
        **context,  # type: ignore[arg-type]
    )


def hits(
    text: str, *forms: str, names: tuple[str, ...] = (), **context: tuple[str, ...]
) -> list[tuple[str, bool]]:
    """(words, negated) for each match of a concept with ``forms`` in ``text``."""
    reading = read(text, NEGATION, tuple(tuple(n.split()) for n in names))
    found = Lexicon([concept(*forms, **context)]).find(reading)
    starts, ends = reading.starts, reading.ends
    return [(text[starts[h.first] : ends[h.last]], h.negated) for h in found]


def shipped(text: str) -> set[str]:
    """The ids of the shipped concepts that count (not negated) in ``text``."""
    return {h.concept.id for h in SHIPPED.find(read(text, NEGATION)) if not h.negated}


@pytest.mark.parametrize(
    ("form", "word", "matches"),
    [
        ("vane+", "vanene", True),
        ("vane+", "vaner", True),
        ("vane+", "vanlig", False),  # another word, not an inflection
        ("innovat*", "innovativt", True),
        ("teknologi", "teknologien", False),  # exact
        ("*omstilling+", "klimaomstillingen", True),  # a compound's last part
        ("*vane+", "elevane", False),  # too short a last part to split off
    ],
)
def test_word_forms(form: str, word: str, matches: bool) -> None:
    """'+' is an inflection, '*' any continuation, a leading '*' a compound."""
    assert bool(hits(f"Her står {word} i en setning.", form)) is matches


def test_compound_modifiers_that_give_another_sense() -> None:
    """drivstofforbruk is no consumer's consumption, though it ends in 'forbruk'."""
    consumption = ("*forbruk+",)
    context = {"not_with": ("drivstoff", "energi")}

    assert hits("Vi må redusere forbruket.", *consumption, **context) == [
        ("forbruket", False)
    ]
    assert hits("Maskinenes drivstofforbruk er høyt.", *consumption, **context) == []
    assert hits("Energiforbruket i bygg.", *consumption, **context) == []


def test_phrases_and_gaps() -> None:
    """Words follow each other; '..' lets up to three words stand between."""
    assert hits("Det gjelder hele samfunnet.", "hele samfunnet") == [
        ("hele samfunnet", False)
    ]
    assert hits("Hele det norske samfunnet.", "hele samfunnet") == []
    assert hits("Hele det norske samfunnet.", "hele .. samfunnet") == [
        ("Hele det norske samfunnet", False)
    ]


def test_a_form_needs_words() -> None:
    """A form that is empty or ends with a gap is an error in the rulebook."""
    with pytest.raises(ValueError, match="gap"):
        parse_form("hele ..")


@pytest.mark.parametrize(
    "text",
    [
        "Tiltaket krever ikke atferdsendring hos innbyggerne.",
        "Tiltaket krev ikkje åtferdsendring.",
        "This mission does not require behavioural change.",
        "The plan works without behavioural change.",
        "Atferdsendring er ikke nødvendig.",
        "Behavioural change is not required.",
        "Det trengs ikke vaner, holdninger eller atferdsendring.",
        "The mission relies on technology rather than behavioural change.",
        "Vi satser på teknologi i stedet for atferdsendring.",
        "Oppdraget krev korkje nye vanar, endra haldningar eller åtferdsendring hos folk.",
    ],
)
def test_negated_and_contrasted_words_count_for_nothing(text: str) -> None:
    """Negation, lists after a negation and contrast frames all take words out."""
    found = hits(text, "*atferd+|*åtferd+|behavioural|atferdsendring+|åtferdsendring+")

    assert found
    assert all(negated for _, negated in found)


@pytest.mark.parametrize(
    "text",
    [
        "Det handler ikke bare om teknologi, men om atferdsendring.",
        "Not only technology, but behavioural change.",
        "Ingen kan gjøre det alene. Atferdsendring trengs.",
        "Without behavioural change we cannot reach the goal.",
        "Uten atferdsendring når vi ikke målet.",
        "Atferdsendring er langt fra uviktig.",
    ],
)
def test_affirmed_needs_count(text: str) -> None:
    """'not only … but', 'without X we cannot', litotes: the words count."""
    found = hits(text, "*atferd+|behavioural|atferdsendring+")

    assert [negated for _, negated in found] == [False]


def test_technology_alone_is_not_enough() -> None:
    """Technology named as insufficient is no accelerating evidence; the need is."""
    found = shipped("Teknologi alene er ikke nok for å nå målet.")

    assert "beyond-technology" in found
    assert "technology-development" not in found


def test_names_of_organisations_are_no_signals() -> None:
    """'Innovasjon Norge' and 'Horizon Europe' hold signal words but are names."""
    assert "innovation" not in shipped("Midler fra Innovasjon Norge og Siva.")
    assert "innovation" not in shipped("Innovasjon Norge gir støtte.")
    assert "innovation" not in shipped("Funded through Horizon Europe and Innovate UK.")
    assert "innovation" in shipped("Oppdraget gir innovasjon i industrien.")


def test_actor_names_are_masked() -> None:
    """A name the mission lists as an actor is masked in its prose."""
    text = "Vi samarbeider med grønn vekst as om teknologi."
    assert hits(text, "vekst", names=("grønn vekst as",)) == []
    assert hits(text, "vekst") == [("vekst", False)]


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("The ecosystem's carrying capacity is low.", "output-target"),
        ("Målet er nullvekst i biltrafikken.", "expand-grow"),
        ("Frittflytende elver skal bevares.", "named-technology"),
        ("Alle skal snakke flytende norsk.", "named-technology"),
        ("En frivillig avtale med næringen.", "civil-society"),
        ("Thousands joined demonstrations against the tolls.", "testing-piloting"),
        ("Vi får raskt nett i hele dalen.", "accelerate"),
    ],
)
def test_words_in_another_sense_do_not_count(text: str, concept_id: str) -> None:
    """Each concept counts only in the sense the rulebook gives it."""
    assert concept_id not in shipped(text)


def test_bare_lists_are_marked() -> None:
    """Keywords, hashtags and bare lists are marked as lists (they count little)."""
    reading = read(
        "Vi bygger et anlegg. Stikkord: systemendring, atferdsendring, samskaping. "
        "#systemchange",
        NEGATION,
    )
    listed = {w for i, w in enumerate(reading.words) if reading.marks(i).listed}

    assert {"systemendring", "atferdsendring", "samskaping", "#systemchange"} <= listed
    assert "anlegg" not in listed


def test_every_concept_speaks_three_languages() -> None:
    """Each concept of the shipped rulebook has bokmål, nynorsk and English forms."""
    missing = [
        f"{c.id}: {lang}"
        for c in RULEBOOK.concepts
        for lang in ("nb", "nn", "en")
        if not getattr(c.forms, lang)
    ]

    assert missing == []


def test_every_concept_names_a_criterion_and_every_form_parses() -> None:
    """The rulebook is consistent: concepts belong to criteria, forms are valid."""
    criteria = {c.id for c in RULEBOOK.criteria}
    for item in RULEBOOK.concepts:
        assert item.criterion in criteria, item.id
        for form in item.forms.all():
            assert parse_form(form)
