"""The JSON Schema (2020-12) of the proposal format, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import models_json_schema

from oppdrag.model.proposal import SCHEMA_ID, Proposal, Strategy

DIALECT = "https://json-schema.org/draft/2020-12/schema"


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


def proposal_json_schema_text() -> str:
    """The schema as the text committed in ``schemas/`` (stable key order, newline)."""
    return json.dumps(proposal_json_schema(), indent=2, ensure_ascii=False) + "\n"
