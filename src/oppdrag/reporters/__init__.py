"""Reporters turn one RunReport into text for people or a format for machines."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """The formats ``oppdrag validate --format`` can write."""

    TEXT = "text"
    JSON = "json"
