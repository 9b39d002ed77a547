"""The round-trip reading the tests compare the fast reader with."""

from __future__ import annotations

from typing import Any

from oppdrag.diagnostics import Finding
from oppdrag.source.second_opinion import read_roundtrip, second_reader_failed
from oppdrag.source.shape import Limits
from oppdrag.source.yaml import load_fast


class YamlRejected(ValueError):
    """The round-trip read refused the text; ``finding`` says where and why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_id)
        self.finding = finding


def load_roundtrip(text: str, limits: Limits) -> list[Any]:
    """Read every document with ruamel's round-trip loader, keeping positions.

    The text is accepted only where the fast reader accepts it too, with the
    same data; so both readers accept and reject exactly the same inputs.

    Raises:
        YamlRejected: the text is not valid YAML, or not YAML a proposal may use.
    """
    fast = load_fast(text, limits)
    if fast.error is not None:
        raise YamlRejected(fast.error)
    try:
        return list(read_roundtrip(text))
    except Exception as error:  # as in the second opinion
        raise YamlRejected(second_reader_failed(text)) from error
