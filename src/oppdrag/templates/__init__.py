"""Commented templates for a new proposal, one per language the format supports."""

from __future__ import annotations

from importlib.resources import files

TEMPLATE_LANGUAGES = ("nb", "nn", "en")


def template(lang: str) -> str:
    """The template text for ``lang`` (nb, nn or en)."""
    return files(__package__).joinpath(f"proposal.{lang}.yaml").read_text("utf-8")
