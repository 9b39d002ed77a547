"""Principle 2: no input makes oppdrag crash; every file gets a report."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppdrag.engine.run import Options, Plan, Session, check_bytes
from tests.strategies import dump, proposals

SESSION = Session(Options(plan=Plan.CLASSIFY))
MANY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Pieces of YAML syntax, so random text often gets deep into the parser.
SYNTAX = st.sampled_from(
    [
        "\n",
        " ",
        "  ",
        "\t",
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "&a ",
        "*a",
        "!x ",
        "---\n",
        "...\n",
        "'",
        '"',
        "|",
        ">",
        "? ",
        "%YAML 1.1\n",
        "id",
        "title",
        "2030",
        "yes",
        "\ufeff",
        "\x00",
        "æøå",
        "0o17",
        "~",
        "null",
        "<<: ",
    ]
)


@MANY
@given(st.binary(max_size=300))
def test_any_bytes_get_a_report(raw: bytes) -> None:
    """Arbitrary bytes never raise; the result is a report for that file."""
    report = check_bytes(raw, "x.yaml", SESSION)

    assert report.path == "x.yaml"


@MANY
@given(st.lists(SYNTAX, max_size=60).map("".join))
def test_yaml_like_text_gets_a_report(text: str) -> None:
    """Text made of YAML syntax never raises, and positions stay inside the file."""
    report = check_bytes(text.encode("utf-8", "replace"), "x.yaml", SESSION)
    lines = max(1, len(text.splitlines()) + 1)

    for _, finding in report.all_findings():
        if finding.position is not None:
            assert 1 <= finding.position.line <= lines + 1
            assert finding.position.column >= 1


@MANY
@given(
    proposals(),
    st.integers(0, 400),
    st.sampled_from(["", "\n", ":", "- ", "  ", "\t", "#"]),
)
def test_damaged_proposals_get_a_report(
    proposal: dict[str, object], cut: int, junk: str
) -> None:
    """A valid proposal with a piece cut out or junk put in never raises."""
    text = dump(proposal)
    damaged = text[:cut] + junk + text[cut + len(junk) :]

    check_bytes(damaged.encode("utf-8"), "x.yaml", SESSION)
