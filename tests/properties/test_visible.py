"""Any text shown by oppdrag is one line a reader can see, and JSON keeps it exact."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from oppdrag.visible import json_escaped, one_line, visible, visible_lines
from tests.controls import RAW

# Text with many of the characters that matter, and any other character too.
_HOSTILE = (
    "\r\n\t\x00\x1b\x7f\x85\x9b\u061c\u200e\u200f\u202a\u202e\u2028\u2029\u2066\u2069"
)
texts = st.text(
    st.one_of(st.sampled_from(_HOSTILE), st.characters(codec="utf-8")), max_size=60
)


@given(texts)
def test_visible_text_holds_no_control_character(text: str) -> None:
    """Every control character is shown as an escape; the result is one line."""
    shown = visible(text)

    assert not RAW.search(shown)
    assert "\n" not in shown
    assert visible(shown) == shown  # showing it again changes nothing


@given(texts)
def test_prose_is_one_line_and_cells_keep_only_line_feeds(text: str) -> None:
    """Prose turns line feeds and tabs to spaces; a cell may keep its line feeds."""
    assert not RAW.search(one_line(text))
    assert "\n" not in one_line(text)
    assert not RAW.search(visible_lines(text))
    assert visible_lines(text).count("\n") == text.count("\n")


@given(
    st.recursive(texts, lambda inner: st.lists(inner) | st.dictionaries(texts, inner))
)
def test_json_keeps_the_data_exact(value: object) -> None:
    """JSON text holds no control character raw, and reads back as the same data."""
    document = json_escaped(json.dumps(value, ensure_ascii=False))

    assert not RAW.search(document)
    assert json.loads(document) == value


def test_ordinary_text_is_not_copied() -> None:
    """Text without control characters comes back as the very same string."""
    title = "Grønn omstilling i Vestland – 2030 ✓"

    assert visible(title) is title
    assert one_line(title) is title


def test_the_escapes_read_as_python_writes_them() -> None:
    r"""A CR is \r, ESC \x1b, a bidirectional control \u202e, a bad byte \xff."""
    assert visible("a\rb\x1bc\u202ed\udcff\u2028") == "a\\rb\\x1bc\\u202ed\\xff\\u2028"
    assert one_line("Two\nlines\tand\r\n") == "Two lines and\\r"


def test_every_control_character_is_caught() -> None:
    """Each character of the set is escaped, even where Python calls text printable."""
    controls = [
        *map(chr, range(0x20)),
        *map(chr, range(0x7F, 0xA0)),
        *"\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2028\u2029",
        *"\u2066\u2067\u2068\u2069",
    ]
    for char in controls:
        assert not RAW.search(visible(f"a{char}b")), repr(char)
        assert not RAW.search(one_line(f"a{char}b")), repr(char)
