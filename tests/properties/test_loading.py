"""Invariants of loading and validation, over generated proposals and YAML data."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppdrag.engine.run import check_text
from oppdrag.source.second_opinion import plain, read_roundtrip, same_data
from oppdrag.source.shape import Limits
from oppdrag.source.yaml import load_fast
from tests.strategies import dump, proposals, yaml_data
from tests.yaml_helpers import YamlRejected, load_roundtrip

LIMITS = Limits()
FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(proposals(), st.sampled_from([False, None]), st.sampled_from([40, 80, 4096]))
def test_valid_proposal_round_trips_without_findings(
    proposal: dict[str, Any], flow: bool | None, width: int
) -> None:
    """A valid proposal written out as YAML, in any style, validates cleanly."""
    report = check_text(dump(proposal, flow=flow, width=width), "p.yaml")

    # C001 and C002 (the classification and the text disagree) are warnings about
    # content, not about the format.
    assert [f for _, f in report.all_findings() if f.code[0] != "C"] == []


@FAST
@given(yaml_data, st.sampled_from([False, None, True]), st.sampled_from([20, 80]))
def test_both_readers_give_the_same_data(
    data: Any, flow: bool | None, width: int
) -> None:
    """What the fast reader accepts, the round-trip reader reads the same on its own.

    This is what keeps the cheap textual scan honest: were the two readers to
    differ on some text the scan lets through, this would fail.
    """
    text = dump(data, flow=flow, width=width)
    fast = load_fast(text, LIMITS)
    if fast.error is not None:
        with pytest.raises(YamlRejected):
            load_roundtrip(text, LIMITS)
        return
    slow = [plain(doc) for doc in read_roundtrip(text)]
    assert same_data([doc.data for doc in fast.documents], slow)


@st.composite
def proposal_with_unknown_key(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A proposal with one unknown key added to the top level or a nested group."""
    proposal = draw(proposals())
    holders = [proposal, proposal["challenge"], proposal["objective"]]
    holders += proposal.get("actors", []) + proposal["objective"].get("targets", [])
    holder = draw(st.sampled_from(holders))
    holder["zz_unknown_key"] = draw(st.integers(0, 99))
    return proposal, "zz_unknown_key"


@FAST
@given(proposal_with_unknown_key(), st.sampled_from([False, None]))
def test_finding_points_at_the_offending_key(
    case: tuple[dict[str, Any], str], flow: bool | None
) -> None:
    """Wherever a bad key is, the finding's line and column point exactly at it."""
    proposal, key = case
    text = dump(proposal, flow=flow, width=4096)
    report = check_text(text, "p.yaml")

    [finding] = [f for _, f in report.all_findings() if f.code != "C001"]
    assert finding.code == "S002"
    assert finding.position is not None
    line = text.splitlines()[finding.position.line - 1]
    assert line[finding.position.column - 1 :].startswith(key)


@FAST
@given(proposals())
def test_key_order_does_not_change_findings(proposal: dict[str, Any]) -> None:
    """Reversing the order of keys gives the same findings at the moved places."""
    proposal["objective"]["deadline"] = "soon"
    reordered = dict(reversed(list(proposal.items())))
    codes = []
    for data in (proposal, reordered):
        report = check_text(dump(data), "p.yaml")
        codes.append(sorted((f.code, f.path) for _, f in report.all_findings()))

    assert codes[0] == codes[1] == [("S004", ("objective", "deadline"))]


def test_yaml_1_2_keeps_no_as_text() -> None:
    """'no' and 'on' stay text (YAML 1.2), in both readers."""
    text = "language: no\nswitch: on\nnumber: 017\n"
    fast = load_fast(text, LIMITS).documents[0].data
    slow = plain(load_roundtrip(text, LIMITS)[0])

    assert fast == slow == {"language": "no", "switch": "on", "number": 17}


def test_dates_stay_dates_in_both_readers() -> None:
    """An unquoted date is a date to both readers, so the message can explain it."""
    text = "title: 2025-01-01\n"
    fast = load_fast(text, LIMITS).documents[0].data
    slow = plain(load_roundtrip(text, LIMITS)[0])

    assert same_data(fast, slow)
    assert re.fullmatch(r"date", type(fast["title"]).__name__)
