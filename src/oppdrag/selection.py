"""Which rules apply where, and how serious they are: the check settings."""

from __future__ import annotations

import contextlib
import difflib
import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from oppdrag.diagnostics import Finding, Severity

SEVERITY_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class _Settings(BaseModel):
    # Keys are written as in ruff (extend-select, fail-on); snake_case works too.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _check_codes(values: list[str]) -> list[str]:
    """Codes or code prefixes ("Q", "Q1", "Q103"); unknown ones are errors."""
    from oppdrag.rules import codes  # noqa: PLC0415 -- the registry only when codes are set

    known = codes()
    cleaned = []
    for value in values:
        code = value.strip().upper()
        if code != "ALL" and not any(k.startswith(code) for k in known):
            close = difflib.get_close_matches(code, sorted(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            msg = f"unknown rule code '{value}'{hint}"
            raise ValueError(msg)
        cleaned.append(code)
    return cleaned


def _check_severities(value: dict[str, Severity]) -> dict[str, Severity]:
    """Severity overrides by rule code; the codes are checked like the others."""
    _check_codes(list(value))
    return {code.upper(): level for code, level in value.items()}


# Rule codes or prefixes, and severities by rule code, checked against the registry.
Codes = Annotated[list[str], AfterValidator(_check_codes)]
Severities = Annotated[dict[str, Severity], AfterValidator(_check_severities)]


class PathOverride(_Settings):
    """Different rules for some files: ``files`` globs, then ignore/select/severity."""

    files: list[str] = Field(min_length=1)
    ignore: Codes = Field(default_factory=list)
    extend_select: Codes = Field(default_factory=list, alias="extend-select")
    severity: Severities = Field(default_factory=dict)


class CheckSettings(_Settings):
    """The ``[tool.oppdrag]`` table (besides ``classify``)."""

    select: Codes = Field(default_factory=lambda: ["ALL"])
    extend_select: Codes = Field(default_factory=list, alias="extend-select")
    ignore: Codes = Field(default_factory=list)
    severity: Severities = Field(default_factory=dict)
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    exclude: list[str] = Field(default_factory=list)
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    reference_year: int | None = Field(
        default=None, alias="reference-year", ge=1900, le=2100
    )
    overrides: list[PathOverride] = Field(default_factory=list)


def _matches(code: str, patterns: list[str]) -> int:
    """The length of the longest pattern that selects ``code`` (-1 for none)."""
    best = -1
    for pattern in patterns:
        if pattern == "ALL":
            best = max(best, 0)
        elif code.startswith(pattern):
            best = max(best, len(pattern))
    return best


@dataclass(frozen=True, slots=True)
class Selection:
    """Applies the settings to findings of one file."""

    settings: CheckSettings
    # The folder of the settings file: override globs are relative to it.
    root: Path | None = None

    def applies(self, finding: Finding, file: str) -> Finding | None:
        """The finding with its configured severity, or None when it is switched off."""
        select = self.settings.select + self.settings.extend_select
        ignore = list(self.settings.ignore)
        severity = dict(self.settings.severity)
        for override in self._overrides_for(file):
            select += override.extend_select
            ignore += override.ignore
            severity.update(override.severity)
        # As in ruff: the more specific of select and ignore wins (ties: ignore).
        if _matches(finding.code, select) <= _matches(finding.code, ignore):
            return None
        level = severity.get(finding.code)
        if level is None or level is finding.severity:
            return finding
        return Finding(
            finding.code,
            level,
            finding.message_id,
            finding.args,
            finding.path,
            finding.position,
            finding.excerpt,
            finding.at_key,
        )

    def _overrides_for(self, file: str) -> list[PathOverride]:
        if not self.settings.overrides:
            return []
        text = _relative(file, self.root)
        return [
            o
            for o in self.settings.overrides
            if any(fnmatch.fnmatch(text, g) for g in o.files)
        ]


def _relative(file: str, root: Path | None) -> str:
    """A file's path relative to the settings folder, with forward slashes."""
    path = Path(file)
    if root is not None:
        with contextlib.suppress(ValueError, OSError):
            path = path.resolve().relative_to(root.resolve())
    return path.as_posix().removeprefix("./")


def fails(severity: Severity, fail_on: Severity) -> bool:
    """True when a finding of ``severity`` makes the run fail at level ``fail_on``."""
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[fail_on]
