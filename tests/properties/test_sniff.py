"""Whether a walked file may be a proposal: the text's answer never hides what YAML reads.

A file that cannot be read as YAML is judged by its lines; that judgement must
never leave out a file in which a YAML reader would find a proposal key, however
the keys are written (quoted, escaped, with tags, in flow style, across
documents).
"""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from oppdrag.validation.sniff import is_proposal_data, looks_like_proposal

PROPOSAL_KEYS = ["schema_version", "id", "title", "challenge", "objective", "missions"]
keys = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
)
documents = st.dictionaries(keys, st.integers(0, 9) | st.text(max_size=5), max_size=5)
styles = st.fixed_dictionaries(
    {
        "flow": st.sampled_from([False, True, None]),
        "quote": st.sampled_from([None, '"', "'"]),
        "unicode": st.booleans(),
        "indent": st.sampled_from([2, 4]),
        "explicit_start": st.booleans(),
    }
)


def dump_all(data: list[Any], style: dict[str, Any]) -> str:
    """The documents as YAML text, written in the given style."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = style["flow"]
    yaml.default_style = style["quote"]
    yaml.allow_unicode = style["unicode"]
    yaml.indent(mapping=style["indent"])
    yaml.explicit_start = style["explicit_start"] or len(data) > 1
    buffer = io.StringIO()
    yaml.dump_all(data, buffer)
    return buffer.getvalue()


SNIFF = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SNIFF
@given(st.lists(documents, min_size=1, max_size=3), styles)
def test_the_text_judgement_never_leaves_out_what_the_data_keeps(
    data: list[dict[str, Any]], style: dict[str, Any]
) -> None:
    """Whenever the read data may be a proposal, so may the text, in any style."""
    text = dump_all(data, style)

    if is_proposal_data(data):
        assert looks_like_proposal(text), text


@SNIFF
@given(
    st.lists(documents, min_size=1, max_size=3),
    st.sampled_from(PROPOSAL_KEYS),
    st.integers(0, 2),
    styles,
)
def test_a_proposal_key_anywhere_at_the_top_is_seen(
    data: list[dict[str, Any]], key: str, where: int, style: dict[str, Any]
) -> None:
    """A proposal key in any document, written in any style, makes a proposal."""
    data[where % len(data)][key] = "x"
    text = dump_all(data, style)

    assert is_proposal_data(data)
    assert looks_like_proposal(text), text


def test_plain_settings_files_are_not_proposals() -> None:
    """What a proposals repository also holds is left out, judged by data or text."""
    files = {
        "site_name: x\nnav:\n  - a\n": {"site_name": "x", "nav": ["a"]},
        "stages: [test]\n": {"stages": ["test"]},
    }
    for text, data in files.items():
        assert not is_proposal_data([data])
        assert not looks_like_proposal(text)
