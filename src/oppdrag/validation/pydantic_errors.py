"""Pydantic's validation errors in plain language: one finding per error."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Finding, Severity
from oppdrag.model.counties import county_choices, successor_of
from oppdrag.model.fields import field_at
from oppdrag.model.proposal import Strategy
from oppdrag.model.synonyms import CHOICE_SYNONYMS


def error_finding(
    code: str, message_id: str, path: DataPath, *, at_key: bool = False, **args: Any
) -> Finding:
    """An error finding about the value (or, with ``at_key``, the key) at ``path``."""
    return Finding(code, Severity.ERROR, message_id, args, path, at_key=at_key)


def findings_from_error(
    error: ValidationError, root: type[BaseModel], prefix: DataPath
) -> tuple[Finding, ...]:
    """Plain-language findings for every error pydantic reported, in file order."""
    return tuple(_translate(detail, root, prefix) for detail in error.errors())


def _translate(
    detail: ErrorDetails, root: type[BaseModel], prefix: DataPath
) -> Finding:
    path: DataPath = prefix + tuple(detail["loc"])
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail.get("input")
    label = _label(path)
    if kind in _SPECIAL:
        return _SPECIAL[kind](root, path, value)
    if kind.startswith("county_"):
        return _bad_county(path, kind, ctx)
    if kind.endswith("_type"):
        return _wrong_type(path, kind, value, label)
    code, message_id = _SIMPLE.get(kind, (codes.BAD_FORMAT, "schema.other"))
    if kind == "string_pattern_mismatch":
        message_id = _PATTERN_MESSAGES.get(label, "schema.blank_text")
    args = {"field": label, "value": _show(value), "detail": detail["msg"], **ctx}
    return error_finding(code, message_id, path, **args)


def _missing(root: type[BaseModel], path: DataPath, value: Any) -> Finding:
    return error_finding(
        codes.MISSING_REQUIRED_FIELD,
        "schema.missing",
        path,
        at_key=True,
        field=_label(path),
    )


_PATTERN_MESSAGES = {"id": "schema.bad_id", "currency": "schema.bad_currency"}

_SIMPLE: dict[str, tuple[str, str]] = {
    "string_pattern_mismatch": (codes.BAD_FORMAT, "schema.blank_text"),
    "greater_than_equal": (codes.OUT_OF_RANGE, "schema.too_small"),
    "less_than_equal": (codes.OUT_OF_RANGE, "schema.too_large"),
    "finite_number": (codes.OUT_OF_RANGE, "schema.not_finite"),
    "string_too_short": (codes.BAD_FORMAT, "schema.text_too_short"),
    "string_too_long": (codes.BAD_FORMAT, "schema.text_too_long"),
    "too_short": (codes.BAD_FORMAT, "schema.list_too_short"),
    "period_order": (codes.INCONSISTENT_VALUES, "schema.period_order"),
    "unique_items": (codes.INCONSISTENT_VALUES, "schema.duplicate_item"),
}


def _label(path: DataPath) -> str:
    """The name of the field at ``path``: its last key."""
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "document"


def _unknown_key(root: type[BaseModel], path: DataPath, value: Any) -> Finding:
    key = str(path[-1]) if path else "?"
    allowed = field_at(root, path).sibling_keys
    if root is Strategy and len(path) >= 3 and path[0] == "missions":
        allowed = tuple(k for k in allowed if k != "schema_version")
    suggestion = _closest(key, allowed)
    return error_finding(
        codes.UNKNOWN_KEY,
        "schema.unknown_key",
        path,
        at_key=True,
        key=key,
        suggestion=suggestion,
        allowed=", ".join(allowed),
    )


def _bad_choice(root: type[BaseModel], path: DataPath, value: Any) -> Finding:
    label = _label(path)
    choices = field_at(root, path).choices
    if path and path[-1] == "schema_version":
        return error_finding(
            codes.UNSUPPORTED_SCHEMA_VERSION, "schema.version", path, value=_show(value)
        )
    text = str(value)
    synonym = CHOICE_SYNONYMS.get(text.strip().casefold())
    suggestion = synonym if synonym in choices else _closest(text, choices)
    return error_finding(
        codes.INVALID_CHOICE,
        "schema.choice",
        path,
        field=label,
        value=_show(value),
        suggestion=suggestion,
        allowed=", ".join(choices),
    )


_SPECIAL: dict[str, Callable[[type[BaseModel], DataPath, Any], Finding]] = {
    "extra_forbidden": _unknown_key,
    "missing": _missing,
    "literal_error": _bad_choice,
}


def _bad_county(path: DataPath, kind: str, ctx: dict[str, Any]) -> Finding:
    if "index" in ctx:
        path = (*path, ctx["index"])
    if kind == "county_empty":
        return error_finding(codes.BAD_FORMAT, "county.empty", path)
    if kind == "county_type":
        return error_finding(codes.WRONG_TYPE, "county.type", path)
    value = str(ctx.get("value", ""))
    successor = successor_of(value)
    if successor is not None:
        return error_finding(
            codes.INVALID_CHOICE,
            "county.former",
            path,
            value=value,
            successors=successor,
        )
    return error_finding(
        codes.INVALID_CHOICE,
        "county.unknown",
        path,
        value=value,
        suggestion=_closest(value, county_choices()),
        allowed=", ".join(county_choices()),
    )


_EXPECTED = {
    "string_type": "text",
    "int_type": "whole_number",
    "float_type": "number",
    "bool_type": "boolean",
    "list_type": "list",
    "model_type": "mapping",
    "dict_type": "mapping",
    "model_attributes_type": "mapping",
}


_YEAR_FIELDS = {"deadline", "year", "baseline_year", "start", "end"}


def _wrong_type(path: DataPath, kind: str, value: Any, label: str) -> Finding:
    expected = _EXPECTED.get(kind, "other")
    if kind == "int_type" and label in _YEAR_FIELDS:
        expected = "year"
    actual = yaml_kind(value)
    code, message_id = codes.WRONG_TYPE, "schema.wrong_type"
    if actual == "date":
        message_id = "schema.wrong_type_date"
        code = codes.DATE_WHERE_TEXT_EXPECTED if expected == "text" else code
    if value is None:
        message_id = "schema.wrong_type_empty"
    if _quoted_number(value, expected):
        message_id = "schema.quoted_number"
    return error_finding(
        code,
        message_id,
        path,
        field=label,
        expected=expected,
        actual=actual,
        value=_show(value),
    )


_NUMBER_TEXT = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*$")


def _quoted_number(value: Any, expected: str) -> bool:
    """True for a number in quotes ('2050') where the format expects a number."""
    wanted = expected in ("year", "whole_number", "number")
    return wanted and isinstance(value, str) and bool(_NUMBER_TEXT.match(value))


def yaml_kind(value: Any) -> str:
    """How YAML read a value, in words an analyst knows (a catalogue key)."""
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (bool, "boolean"),
        (int, "whole_number"),
        (float, "number"),
        (str, "text"),
        ((datetime.date, datetime.datetime), "date"),
        (list, "list"),
        (dict, "mapping"),
    ]
    if value is None:
        return "empty"
    for kind, name in kinds:
        if isinstance(value, kind):
            return name
    return "other"


def _show(value: Any, limit: int = 60) -> str:
    """A short, quoted rendering of a value for a message."""
    if isinstance(value, dict | list):
        return "…"
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _closest(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """The nearest allowed spelling, or an empty string when none is near."""
    folded = {c.casefold(): c for c in choices}
    if value.casefold() in folded:
        return folded[value.casefold()]
    matches = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else ""
