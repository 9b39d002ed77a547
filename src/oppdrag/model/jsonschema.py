"""The JSON Schema of the proposal format, generated from the models.

Draft 2020-12 is the reference; draft-07 is offered for editors and tools that
read nothing newer. Both accept exactly the same documents.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic.json_schema import models_json_schema

from oppdrag.model.proposal import SCHEMA_ID, Proposal, Strategy

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID_07 = SCHEMA_ID.replace(".schema.json", ".draft-07.schema.json")

Draft = Literal["2020-12", "07"]


def proposal_json_schema() -> dict[str, Any]:
    """One schema that accepts a single proposal or a county strategy document."""
    _, defs = models_json_schema(
        [(Proposal, "validation"), (Strategy, "validation")],
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "oppdrag mission proposal, schema version 1",
        "description": (
            "A mission proposal (forslag til målrettet samfunnsoppdrag) or a county "
            "strategy (strategi) with a list of missions. Written in YAML; keys are "
            "English, values may be bokmål, nynorsk or English."
        ),
        "anyOf": [{"$ref": "#/$defs/Proposal"}, {"$ref": "#/$defs/Strategy"}],
        "$defs": defs["$defs"],
    }


def proposal_json_schema_draft_07() -> dict[str, Any]:
    """The same schema in draft-07: 'definitions' for '$defs'.

    Draft-07 ignores keywords beside a '$ref', so a reference with its own
    description becomes an 'allOf' of one, and editors still show the text.
    """
    schema = proposal_json_schema()
    converted: dict[str, Any] = _draft_07(schema)
    converted["$schema"] = DRAFT_07
    converted["$id"] = SCHEMA_ID_07
    converted["definitions"] = converted.pop("$defs")
    return converted


def _draft_07(node: Any) -> Any:
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _draft_07(value) for key, value in node.items()}
    ref = converted.get("$ref")
    if isinstance(ref, str):
        converted["$ref"] = ref.replace("#/$defs/", "#/definitions/")
        if len(converted) > 1:
            siblings = {k: v for k, v in converted.items() if k != "$ref"}
            return {"allOf": [{"$ref": converted["$ref"]}], **siblings}
    return converted


def proposal_json_schema_text(draft: Draft = "2020-12") -> str:
    """The schema as the text committed in ``schemas/`` (stable key order, newline)."""
    schema = (
        proposal_json_schema()
        if draft == "2020-12"
        else proposal_json_schema_draft_07()
    )
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
