"""Validate loaded documents against the models and turn errors into findings."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from oppdrag.diagnostics import DataPath, Finding, Position, Severity
from oppdrag.model.counties import county_choices, successor_of
from oppdrag.model.fields import field_at
from oppdrag.model.proposal import (
    INHERITED_FIELDS,
    MissionFields,
    Proposal,
    Strategy,
    StrategyEnvelope,
)
from oppdrag.model.synonyms import CHOICE_SYNONYMS
from oppdrag.source.yaml import Document

if TYPE_CHECKING:
    from oppdrag.classify.scorer import Classification

UnitKind = Literal["proposal", "mission", "strategy"]


@dataclass(frozen=True, slots=True)
class Unit:
    """One mission, or a county strategy's own header, with its findings.

    ``mission`` is the index in a strategy's ``missions`` list; ``path`` is the
    data path of the unit inside its document (empty for a single proposal).
    """

    kind: UnitKind
    document: int
    mission: int | None
    line: int
    path: DataPath
    id: str | None
    title: str | None
    fields: MissionFields | None
    findings: tuple[Finding, ...]
    classification: Classification | None = None
    # Places batch rules point at: (data path, position, source excerpt).
    anchors: tuple[tuple[DataPath, Position, str | None], ...] = ()

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)


def validate_document(document: Document) -> list[Unit]:
    """Validate one YAML document: a single proposal or a county strategy."""
    units = _validate_data(document)
    for key, position in document.duplicate_keys:
        finding = Finding(
            "Y002",
            Severity.ERROR,
            "yaml.duplicate_key",
            {"key": key},
            position=position,
        )
        index = _unit_at_line(units, position.line)
        unit = units[index]
        units[index] = dataclasses.replace(unit, findings=(*unit.findings, finding))
    return units


def _unit_at_line(units: list[Unit], line: int) -> int:
    """The unit a line belongs to: the last one that starts at or before it."""
    chosen = 0
    for index, unit in enumerate(units):
        if unit.line <= line:
            chosen = index
    return chosen


def _validate_data(document: Document) -> list[Unit]:
    data = document.data
    if data is None:
        return [_problem_unit(document, "Y008", "document.empty")]
    if not isinstance(data, dict):
        kind = _yaml_kind(data)
        return [_problem_unit(document, "S001", "document.not_mapping", actual=kind)]
    if "missions" in data or "strategy" in data:
        return _validate_strategy(document, data)
    return [_validate_proposal(document, data)]


def _validate_proposal(document: Document, data: dict[Any, Any]) -> Unit:
    fields: MissionFields | None = None
    findings: tuple[Finding, ...] = ()
    try:
        fields = Proposal.model_validate(data)
    except ValidationError as error:
        findings = findings_from_error(error, Proposal, ())
    return Unit(
        "proposal",
        document.index,
        None,
        document.line,
        (),
        _text(data.get("id")),
        _text(data.get("title")),
        fields,
        findings,
    )


def _validate_strategy(document: Document, data: dict[Any, Any]) -> list[Unit]:
    header: StrategyEnvelope | None = None
    findings: tuple[Finding, ...] = ()
    try:
        header = StrategyEnvelope.model_validate(data)
    except ValidationError as error:
        findings = findings_from_error(error, Strategy, ())
    strategy = data.get("strategy")
    title = _text(strategy.get("title")) if isinstance(strategy, dict) else None
    units = [
        Unit(
            "strategy",
            document.index,
            None,
            document.line,
            (),
            None,
            title,
            None,
            findings,
        )
    ]
    missions = data.get("missions")
    if isinstance(missions, list):
        inherited = _inherited_values(header)
        for index, mission in enumerate(missions):
            units.append(_validate_mission(document, index, mission, inherited))
    return units


def _inherited_values(header: StrategyEnvelope | None) -> dict[str, Any]:
    if header is None:
        return {}
    return {
        name: getattr(header.strategy, name)
        for name in INHERITED_FIELDS
        if name in header.strategy.model_fields_set
    }


def _validate_mission(
    document: Document, index: int, data: Any, inherited: dict[str, Any]
) -> Unit:
    path: DataPath = ("missions", index)
    lines = document.mission_lines
    line = lines[index] if index < len(lines) else document.line
    fields: MissionFields | None = None
    findings: tuple[Finding, ...] = ()
    if not isinstance(data, dict):
        finding = _finding("S001", "mission.not_mapping", path, actual=_yaml_kind(data))
        findings = (finding,)
        data = {}
    else:
        try:
            mission = MissionFields.model_validate(data)
            update = {
                k: v for k, v in inherited.items() if k not in mission.model_fields_set
            }
            fields = mission.model_copy(update=update)
        except ValidationError as error:
            findings = findings_from_error(error, Strategy, path)
    return Unit(
        "mission",
        document.index,
        index,
        line,
        path,
        _text(data.get("id")),
        _text(data.get("title")),
        fields,
        findings,
    )


def _problem_unit(document: Document, code: str, message_id: str, **args: Any) -> Unit:
    finding = _finding(code, message_id, (), **args)
    return Unit(
        "proposal",
        document.index,
        None,
        document.line,
        (),
        None,
        None,
        None,
        (finding,),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _finding(
    code: str, message_id: str, path: DataPath, *, at_key: bool = False, **args: Any
) -> Finding:
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
    code, message_id = _SIMPLE.get(kind, ("S007", "schema.other"))
    if kind == "string_pattern_mismatch":
        message_id = _PATTERN_MESSAGES.get(label, "schema.blank_text")
    args = {"field": label, "value": _show(value), "detail": detail["msg"], **ctx}
    return _finding(code, message_id, path, **args)


def _missing(root: type[BaseModel], path: DataPath, value: Any) -> Finding:
    return _finding("S003", "schema.missing", path, at_key=True, field=_label(path))


_PATTERN_MESSAGES = {"id": "schema.bad_id", "currency": "schema.bad_currency"}

_SIMPLE: dict[str, tuple[str, str]] = {
    "string_pattern_mismatch": ("S007", "schema.blank_text"),
    "greater_than_equal": ("S006", "schema.too_small"),
    "less_than_equal": ("S006", "schema.too_large"),
    "finite_number": ("S006", "schema.not_finite"),
    "string_too_short": ("S007", "schema.text_too_short"),
    "string_too_long": ("S007", "schema.text_too_long"),
    "too_short": ("S007", "schema.list_too_short"),
    "period_order": ("S008", "schema.period_order"),
    "unique_items": ("S008", "schema.duplicate_item"),
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
    return _finding(
        "S002",
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
        return _finding("S009", "schema.version", path, value=_show(value))
    text = str(value)
    synonym = CHOICE_SYNONYMS.get(text.strip().casefold())
    suggestion = synonym if synonym in choices else _closest(text, choices)
    return _finding(
        "S005",
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
        return _finding("S007", "county.empty", path)
    if kind == "county_type":
        return _finding("S004", "county.type", path)
    value = str(ctx.get("value", ""))
    successor = successor_of(value)
    if successor is not None:
        return _finding(
            "S005", "county.former", path, value=value, successors=successor
        )
    return _finding(
        "S005",
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
    actual = _yaml_kind(value)
    code, message_id = "S004", "schema.wrong_type"
    if actual == "date":
        message_id = "schema.wrong_type_date"
        code = "Y103" if expected == "text" else code
    if value is None:
        message_id = "schema.wrong_type_empty"
    return _finding(
        code,
        message_id,
        path,
        field=label,
        expected=expected,
        actual=actual,
        value=_show(value),
    )


def _yaml_kind(value: Any) -> str:
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
