"""Comments cut short for the round-trip reader: the same data, the same places."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.error import YAMLError

from oppdrag.diagnostics import Position
from oppdrag.source.comments import shorten
from oppdrag.source.second_opinion import plain, read_roundtrip, same_data
from oppdrag.source.shape import Limits
from oppdrag.source.yaml import load_fast
from tests.conftest import CORPORA, EXAMPLES

INPUTS = sorted((CORPORA / "yaml-test-suite").glob("**/in.yaml")) + sorted(
    EXAMPLES.glob("*.yaml")
)


def read(text: str) -> tuple[str, Any]:
    """What the round-trip reader makes of a text: its data, or the kind of error."""
    try:
        return "data", [plain(document) for document in read_roundtrip(text)]
    except Exception as error:  # the round-trip reader fails in many ways
        return "error", type(error).__name__


@pytest.mark.parametrize(
    "path", INPUTS, ids=lambda path: str(path.relative_to(path.parents[1]))
)
def test_cutting_every_comment_leaves_the_data_as_it_was(path: Path) -> None:
    """With every comment cut and every run of quiet lines thinned, the data stays.

    The limits are lowered to nothing, so that the cuts meet every layout of
    the YAML test suite: comments beside block texts ('|+' keeps the blank
    lines after it), inside brackets, between documents.
    """
    text = path.read_text(encoding="utf-8")
    if load_fast(text, Limits()).error is not None:
        return  # the round-trip reader is only asked about accepted text
    short = shorten(text, comment=0, run=0)

    before, after = read(text), read(short.text)

    assert before[0] == after[0]
    if before[0] == "data":
        assert same_data(before[1], after[1])
    else:
        assert before == after


QUIET = "# " + "x" * 50 + "\n" + "\n" * 150 + "  # y\n" * 150


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n" + QUIET + 'b: "unclosed\n',
        "a: 1  # " + "x" * 5_000 + "\n" + QUIET + "b: [1, 2\n",
        ("a: 1\n" + QUIET + "c: 2\n" + QUIET + "d: {e\n").replace("\n", "\r\n"),
        "a: |+\n  x\n\n" + QUIET + "b: c: d\n",
    ],
    ids=["after-a-run", "after-a-long-comment", "crlf", "after-a-kept-text"],
)
def test_places_after_a_cut_are_those_of_the_original(text: str) -> None:
    """An error the round-trip reader finds after a cut is placed as in the original."""
    short = shorten(text)
    assert len(short.text) < len(text) / 2

    def place(source: str, restore: bool) -> tuple[Position, int]:
        with pytest.raises(YAMLError) as caught:
            list(read_roundtrip(source))
        error = short.restored(caught.value) if restore else caught.value
        mark = getattr(error, "problem_mark", None)
        assert mark is not None
        return Position.from_mark(mark), mark.index

    assert place(short.text, restore=True) == place(text, restore=False)
