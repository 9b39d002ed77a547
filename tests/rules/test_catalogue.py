"""The rule catalogue itself: codes, names, documentation, cases and messages."""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from oppdrag import codes
from oppdrag.locale import LANGUAGES, Lang, Msg, catalogue
from oppdrag.rules.batch import BATCH
from oppdrag.rules.registry import (
    ALL_RULES,
    CONSISTENCY,
    FAMILIES,
    MISSION_RULES,
    Rule,
    by_code,
)

CASES = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(CASES.glob("*.yaml"))
KEBAB_CASE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
CODE = re.compile(r"^[A-Z][0-9]{3}$")


def makes_own_findings(rule: Rule) -> bool:
    """True for rules whose findings carry the message ``rule.<CODE>``.

    The reader, the schema and the classifier (Y0xx, S, C001) and Y103 (a
    schema check) report with their own message ids.
    """
    if rule.family in "QBO":
        return True
    return rule.family == "Y" and rule.code >= "Y101" and rule.code != "Y103"


OWN_MESSAGES = [rule for rule in ALL_RULES if makes_own_findings(rule)]


def placeholders(message: Msg) -> set[str]:
    """The names of the {placeholders} in a message, its help and its suggestion."""
    names = set()
    for template in (message.text, message.help, message.suggest):
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None:
                names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names


def test_codes_are_unique() -> None:
    """No two rules share a code."""
    repeated = [c for c, n in Counter(r.code for r in ALL_RULES).items() if n > 1]
    assert not repeated


def test_names_are_unique() -> None:
    """No two rules share a name."""
    repeated = [c for c, n in Counter(r.name for r in ALL_RULES).items() if n > 1]
    assert not repeated


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_code_and_name_are_well_formed(rule: Rule) -> None:
    """A code is a family letter and three digits; a name is kebab-case."""
    assert CODE.match(rule.code), rule.code
    assert rule.family in FAMILIES
    assert KEBAB_CASE.match(rule.name), rule.name


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_is_found_by_code_and_name(rule: Rule) -> None:
    """by_code finds each rule by its code (any case) and by its name."""
    assert by_code(rule.code) is rule
    assert by_code(rule.code.lower()) is rule
    assert by_code(rule.name) is rule


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_is_documented(rule: Rule) -> None:
    """Every rule has a summary, a why, a failing and a passing example."""
    for field in ("summary", "why", "fail", "ok"):
        assert getattr(rule, field).strip(), f"{rule.code} has no {field}"
    assert rule.fail != rule.ok, f"{rule.code}: the examples are the same"


# X001 (a fault in oppdrag) has no input that shows it, one hopes: the hostile-input
# tests provoke it by breaking the checker on purpose.
@pytest.mark.parametrize(
    "rule", [r for r in ALL_RULES if r.family != "X"], ids=lambda rule: rule.code
)
def test_rule_has_a_case_file(rule: Rule) -> None:
    """Every rule is shown failing and passing in cases/<CODE>.yaml."""
    assert (CASES / f"{rule.code}.yaml").is_file()


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_case_file_names_a_known_rule(path: Path) -> None:
    """Every case file is about a rule that exists, and is named after its code."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    rule = by_code(str(data["rule"]))
    assert rule is not None, f"{path.name}: no rule {data['rule']}"
    assert rule.code == data["rule"] == path.stem


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rule", OWN_MESSAGES, ids=lambda rule: rule.code)
def test_rule_has_a_message(rule: Rule, lang: Lang) -> None:
    """Rules that make their own findings have a message rule.<CODE> in each language."""
    message = catalogue(lang).get(f"rule.{rule.code}")
    assert message is not None, f"no rule.{rule.code} in the {lang} catalogue"
    assert message.text.strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rule_messages_name_known_rules(lang: Lang) -> None:
    """Every rule.<CODE> message belongs to a rule that makes its own findings."""
    own = {f"rule.{rule.code}" for rule in OWN_MESSAGES}
    messages = {key for key in catalogue(lang) if key.startswith("rule.")}
    assert messages <= own, f"messages for no rule: {sorted(messages - own)}"


def test_catalogues_have_the_same_keys() -> None:
    """The English and the bokmål catalogues translate the same messages."""
    english, bokmal = set(catalogue("en")), set(catalogue("nb"))
    assert sorted(english - bokmal) == [], "only in en"
    assert sorted(bokmal - english) == [], "only in nb"


def test_translations_keep_the_placeholders() -> None:
    """Each message has the same {placeholders} in English and in bokmål."""
    english, bokmal = catalogue("en"), catalogue("nb")
    differ = {
        key: (sorted(placeholders(english[key])), sorted(placeholders(bokmal[key])))
        for key in sorted(set(english) & set(bokmal))
        if placeholders(english[key]) != placeholders(bokmal[key])
    }
    assert not differ, f"placeholders differ (en, nb): {differ}"


def test_codes_module_spells_every_code_once() -> None:
    """oppdrag.codes has one constant per rule, named as the rule is named."""
    constants = {k: v for k, v in vars(codes).items() if k.isupper()}
    assert sorted(constants.values()) == sorted(rule.code for rule in ALL_RULES)
    for rule in ALL_RULES:
        assert constants[rule.name.upper().replace("-", "_")] == rule.code


def test_no_code_is_written_out_elsewhere() -> None:
    """Outside codes.py the source names codes by constant, never as '"Q101"'."""
    literal = re.compile(r"""["'][YSQCBOX][0-9]{3}["']""")
    source = Path(codes.__file__).parent
    offenders = [
        f"{path.relative_to(source)}:{number}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "codes.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if literal.search(line) and '"""' not in line
    ]
    assert not offenders


def test_every_check_is_run() -> None:
    """Each rule with a check is in the list the engine runs (mission, C or batch)."""
    run = [r.code for r in (*MISSION_RULES, *CONSISTENCY, *BATCH)]
    with_check = [r.code for r in ALL_RULES if r.checks_missions or r.batch]
    assert sorted(run) == with_check
