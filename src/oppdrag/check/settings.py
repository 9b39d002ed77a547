"""How the check settings apply to findings: selection, severities, path overrides."""

from __future__ import annotations

import contextlib
import fnmatch
from dataclasses import dataclass
from pathlib import Path

from oppdrag.config import CheckSettings, PathOverride
from oppdrag.diagnostics import Finding, Severity


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

    def selects(self, code: str, file: str) -> bool:
        """True when the rule ``code`` is switched on for ``file``."""
        select, ignore, _ = self._for(file)
        # As in ruff: the more specific of select and ignore wins (ties: ignore).
        return _matches(code, select) > _matches(code, ignore)

    def applies(self, finding: Finding, file: str) -> Finding | None:
        """The finding with its configured severity, or None when it is switched off."""
        if not self.selects(finding.code, file):
            return None
        _, _, severity = self._for(file)
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

    def _for(self, file: str) -> tuple[list[str], list[str], dict[str, Severity]]:
        """What is selected, ignored and re-graded for ``file``, overrides applied."""
        select = self.settings.select + self.settings.extend_select
        ignore = list(self.settings.ignore)
        severity = dict(self.settings.severity)
        for override in self._overrides_for(file):
            select += override.extend_select
            ignore += override.ignore
            severity.update(override.severity)
        return select, ignore, severity

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
