"""Validate loaded YAML documents: each becomes one or more mission reports."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import ValidationError

from oppdrag import codes
from oppdrag.diagnostics import DataPath, Finding, Severity
from oppdrag.model.proposal import (
    INHERITED_FIELDS,
    MissionFields,
    Proposal,
    Strategy,
    StrategyEnvelope,
)
from oppdrag.report import MissionReport
from oppdrag.rules.base import MissionFacts
from oppdrag.source.yaml import Document
from oppdrag.validation.pydantic_errors import (
    error_finding,
    findings_from_error,
    yaml_kind,
)


def validate_document(document: Document) -> list[MissionReport]:
    """Validate one YAML document: a single proposal or a county strategy."""
    units = _validate_data(document)
    for key, position in document.duplicate_keys:
        finding = Finding(
            codes.DUPLICATE_KEY,
            Severity.ERROR,
            "yaml.duplicate_key",
            {"key": key},
            position=position,
        )
        index = _unit_at_line(units, position.line)
        unit = units[index]
        # The second value of the key is lost: the mission is not as written.
        units[index] = dataclasses.replace(
            unit, findings=(*unit.findings, finding), conforms=False
        )
    return units


def _unit_at_line(units: list[MissionReport], line: int) -> int:
    """The unit a line belongs to: the last one that starts at or before it."""
    chosen = 0
    for index, unit in enumerate(units):
        if unit.line <= line:
            chosen = index
    return chosen


def _validate_data(document: Document) -> list[MissionReport]:
    data = document.data
    if data is None:
        return [_problem_unit(document, codes.EMPTY_DOCUMENT, "document.empty")]
    if not isinstance(data, dict):
        kind = yaml_kind(data)
        return [
            _problem_unit(
                document, codes.NOT_A_MAPPING, "document.not_mapping", actual=kind
            )
        ]
    if "missions" in data or "strategy" in data:
        return _validate_strategy(document, data)
    return [_validate_proposal(document, data)]


def _validate_proposal(document: Document, data: dict[Any, Any]) -> MissionReport:
    fields: MissionFields | None = None
    findings: tuple[Finding, ...] = ()
    try:
        fields = Proposal.model_validate(data)
    except ValidationError as error:
        findings = findings_from_error(error, Proposal, ())
    return MissionReport(
        kind="proposal",
        document=document.index,
        mission=None,
        line=document.line,
        path=(),
        id=_text(data.get("id")),
        title=_text(data.get("title")),
        fields=fields,
        findings=findings,
        conforms=fields is not None,
        facts=None if fields is None else MissionFacts.of(fields),
    )


def _validate_strategy(document: Document, data: dict[Any, Any]) -> list[MissionReport]:
    header: StrategyEnvelope | None = None
    findings: tuple[Finding, ...] = ()
    try:
        header = StrategyEnvelope.model_validate(data)
    except ValidationError as error:
        findings = findings_from_error(error, Strategy, ())
    strategy = data.get("strategy")
    title = _text(strategy.get("title")) if isinstance(strategy, dict) else None
    units = [
        MissionReport(
            kind="strategy",
            document=document.index,
            mission=None,
            line=document.line,
            path=(),
            id=None,
            title=title,
            fields=None,
            findings=findings,
            conforms=header is not None,
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
) -> MissionReport:
    path: DataPath = ("missions", index)
    lines = document.mission_lines
    line = lines[index] if index < len(lines) else document.line
    fields: MissionFields | None = None
    findings: tuple[Finding, ...] = ()
    if not isinstance(data, dict):
        kind = yaml_kind(data)
        findings = (
            error_finding(
                codes.NOT_A_MAPPING, "mission.not_mapping", path, actual=kind
            ),
        )
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
    return MissionReport(
        kind="mission",
        document=document.index,
        mission=index,
        line=line,
        path=path,
        id=_text(data.get("id")),
        title=_text(data.get("title")),
        fields=fields,
        findings=findings,
        conforms=fields is not None,
        facts=None if fields is None else MissionFacts.of(fields),
    )


def _problem_unit(
    document: Document, code: str, message_id: str, **args: Any
) -> MissionReport:
    return MissionReport(
        kind="proposal",
        document=document.index,
        mission=None,
        line=document.line,
        path=(),
        id=None,
        title=None,
        fields=None,
        findings=(error_finding(code, message_id, (), **args),),
        conforms=False,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
