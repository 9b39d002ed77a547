"""The node builder reads every tree as ruamel's constructor does: data, duplicates, errors."""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from oppdrag.source.build import build_document
from oppdrag.source.shape import Limits, check_tree
from oppdrag.source.yaml import fast_loader
from tests.conftest import CORPORA
from tests.strategies import dump, yaml_data

LIMITS = Limits()
SUITE = CORPORA / "yaml-test-suite"


def _typed(value: Any) -> Any:
    """The value with every scalar's type beside it (1, 1.0 and True differ)."""
    if isinstance(value, dict):
        return ("map", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _read(text: str, *, builder: bool) -> list[Any]:
    """Per document: its typed data and duplicates, or the error that stopped it."""
    loader = fast_loader(text)
    documents: list[Any] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            while loader.check_node():
                node = loader.get_node()
                if check_tree(node, LIMITS) or not builder:
                    data = loader.construct_document(node)
                    duplicates = loader.__dict__.pop("duplicates", [])
                else:
                    data, duplicates = build_document(node, loader.construct_object)
                    loader.constructed_objects = {}
                documents.append((_typed(data), duplicates))
        except Exception as error:  # compared below: the same error, or none
            documents.append(("error", type(error).__name__, str(error)))
        finally:
            loader.dispose()
    return documents


def _same_reading(text: str) -> None:
    assert _read(text, builder=True) == _read(text, builder=False)


BFS_CASES = {
    "duplicates at several levels": (
        "a: {x: 1, x: 2, y: {z: 1, z: 2}}\nb: [{q: 1, q: 2}]\na: 3\n"
    ),
    "aliases share one container": "base: &b {k: v}\none: *b\ntwo: [*b, *b]\n",
    "bad values in order": "a: !!int x\nb: {c: !!bool maybe}\n",
    "bad value deeper than a duplicate": "a: {b: !!int x}\nc: 1\nc: 2\n",
    "scalars of every core type": (
        "s: text\ni: 12\nf: 1.5e3\nb: true\nn: ~\nd: 2024-05-01\n"
        "t: 2024-05-01T10:00:00Z\ninf: .inf\nnan: .nan\nhex: 0x1F\noct: 0o17\n"
    ),
    "a merge key goes to the constructor": "base: &b {k: v}\nm: {<<: *b, k: w}\n",
    "keys that are equal as values": "1: one\ntrue: yes\n1.0: float\n",
    "a scalar document": "--- plain text\n--- 42\n--- [1, [2, [3]]]\n",
}


@pytest.mark.parametrize("text", BFS_CASES.values(), ids=list(BFS_CASES))
def test_hand_written_trees_read_the_same(text: str) -> None:
    """Duplicates and bad values come in the constructor's order; aliases are shared."""
    _same_reading(text)


def test_an_alias_is_one_object() -> None:
    """Two aliases of one mapping are the same dict, as ruamel makes them."""
    loader = fast_loader("a: &x {k: v}\nb: *x\n")
    assert loader.check_node()
    node = loader.get_node()
    data, _ = build_document(node, loader.construct_object)

    assert data["a"] is data["b"]


def _suite() -> list[Path]:
    return sorted(SUITE.glob("**/in.yaml"))


@pytest.mark.parametrize("case", _suite(), ids=lambda p: p.parent.name)
def test_the_yaml_test_suite_reads_the_same(case: Path) -> None:
    """Every input of the YAML test suite: the same data, duplicates or error."""
    _same_reading(case.read_bytes().decode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_data)
def test_generated_data_reads_the_same(data: Any) -> None:
    """Generated nested data, written in block and flow style, reads the same."""
    _same_reading(dump(data, flow=False))
    _same_reading(dump(data, flow=True))
