"""The proposal format (schema version 1) as pydantic models."""

from oppdrag.model.proposal import SCHEMA_VERSION, Proposal, Strategy, StrategyHeader

__all__ = ["SCHEMA_VERSION", "Proposal", "Strategy", "StrategyHeader"]
