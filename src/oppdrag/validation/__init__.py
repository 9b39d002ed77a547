"""Validation: YAML documents checked against the proposal models."""
