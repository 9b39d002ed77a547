"""Validate loaded YAML documents: each becomes one or more mission reports."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
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

# A key at the start of a line: 'title:' but not '  title:', '- title:' or '#'.
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", re.MULTILINE)


@cache
def _proposal_keys() -> tuple[str, ...]:
    keys = {*Proposal.model_fields, *Strategy.model_fields}
    return tuple(sorted(keys))


def looks_like_proposal(text: str) -> bool:
    """False for YAML that is plainly something else: no proposal key at the top.

    A folder of proposals often holds other YAML (mkdocs.yml, a CI file);
    such files are left out when a folder is searched. A file whose top-level
    keys could be proposal keys with a typo ('titel:') counts as a proposal,
    so that a draft is never skipped for its mistakes. Text without any
    top-level key (a flow mapping, a list, nothing) is left to validation.
    """
    keys = set(_TOP_LEVEL_KEY.findall(text))
    if not keys:
        return True
    known = _proposal_keys()
    return any(key in known or _one_typo_from(key, known) for key in keys)


def _one_typo_from(key: str, known: tuple[str, ...]) -> bool:
    """True when ``key`` is one typo (a letter added, lost, changed or swapped) away."""
    return len(key) >= 4 and any(_typo_distance(key, k) <= 1 for k in known)


def _typo_distance(left: str, right: str) -> int:
    """Edits between two words, a swap of neighbours counting as one (2 means more)."""
    if abs(len(left) - len(right)) > 1:
        return 2
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == right[j - 2] and left[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return min(previous[-1], 2)


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
