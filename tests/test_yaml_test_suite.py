"""The official YAML test suite as hostile input: read or reject, never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppdrag.engine.run import Options, Session, check_bytes
from oppdrag.source.second_opinion import plain, same_data
from oppdrag.source.shape import Limits
from oppdrag.source.yaml import load_fast
from tests.conftest import CORPORA
from tests.yaml_helpers import YamlRejected, load_roundtrip

SUITE = CORPORA / "yaml-test-suite"
LIMITS = Limits()


def _cases() -> list[Path]:
    if not SUITE.is_dir():
        return []
    return sorted(p.parent for p in SUITE.glob("*/in.yaml")) + sorted(
        p.parent for p in SUITE.glob("*/*/in.yaml")
    )


CASES = _cases()


def test_the_whole_suite_is_there() -> None:
    """402 inputs, 94 of them marked invalid (the 'tags/error' folder is an index)."""
    invalid = [case for case in CASES if (case / "error").exists()]

    assert (len(CASES), len(invalid)) == (402, 94)


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.relative_to(SUITE)))
def test_readers_agree_and_invalid_input_is_located(case: Path) -> None:
    """Both readers accept or both reject, read the same data, and locate errors."""
    raw = (case / "in.yaml").read_bytes()
    text = raw.decode("utf-8")
    fast = load_fast(text, LIMITS)
    if fast.error is not None:
        with pytest.raises(YamlRejected):
            load_roundtrip(text, LIMITS)
    else:
        slow = [plain(doc) for doc in load_roundtrip(text, LIMITS)]
        assert same_data([doc.data for doc in fast.documents], slow)

    if (case / "error").exists():
        report = check_bytes(raw, "in.yaml", Session(Options()))
        located = [f for _, f in report.all_findings() if f.position is not None]
        assert fast.error is not None, "invalid YAML was accepted"
        assert located, "invalid YAML without a located finding"
