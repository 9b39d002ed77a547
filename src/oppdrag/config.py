"""Settings from ``[tool.oppdrag]`` in pyproject.toml, or from oppdrag.toml."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oppdrag.errors import ConfigError

if TYPE_CHECKING:
    from pydantic import ValidationError

    from oppdrag.classify.rulebook import Overrides, Rulebook
    from oppdrag.selection import CheckSettings

CONFIG_NAMES = ("oppdrag.toml", ".oppdrag.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings of a run and the file they came from.

    ``classify`` and ``check`` are None when no file sets them: the models are
    then imported only by the commands that use them (start-up stays quick).
    """

    source: Path | None = None
    classify: Overrides | None = None
    check: CheckSettings | None = None

    def check_settings(self) -> CheckSettings:
        """The check settings, the defaults when the file has none."""
        from oppdrag.selection import CheckSettings  # noqa: PLC0415 -- lazy

        return self.check if self.check is not None else CheckSettings()

    @property
    def root(self) -> Path | None:
        """The folder the settings file is in (globs are relative to it)."""
        return self.source.parent if self.source else None

    @property
    def changes_rulebook(self) -> bool:
        """True when the settings change the shipped rulebook."""
        if self.classify is None:
            return False
        from oppdrag.classify.rulebook import Overrides  # noqa: PLC0415 -- lazy

        return self.classify != Overrides()

    def rulebook(self) -> Rulebook:
        """The shipped rulebook with this configuration's overrides applied."""
        from oppdrag.classify.rulebook import (  # noqa: PLC0415 -- lazy
            Overrides,
            apply_overrides,
            default_rulebook,
        )

        try:
            return apply_overrides(default_rulebook(), self.classify or Overrides())
        except KeyError as error:
            name = str(error.args[0])
            known = [c.id for c in default_rulebook().criteria]
            raise ConfigError(
                _unknown(f"criterion '{name}'", name, known, self.source)
            ) from None


def find_config(start: Path) -> Path | None:
    """The nearest oppdrag.toml, .oppdrag.toml or pyproject.toml with [tool.oppdrag].

    The search goes up from ``start`` and stops at the root of the repository
    (the folder holding ``.git``), as ruff's does: a settings file above the
    repository belongs to someone else and must not change what CI checks.
    """
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
        if (candidate / ".git").exists():
            return None
    return None


def load_settings(path: Path | None) -> Settings:
    """Read settings from ``path`` (None gives the defaults)."""
    if path is None:
        return Settings()
    from pydantic import ValidationError  # noqa: PLC0415 -- only with a settings file

    from oppdrag.classify.rulebook import Overrides  # noqa: PLC0415
    from oppdrag.selection import CheckSettings  # noqa: PLC0415

    check_keys = set(CheckSettings.model_fields) | {
        f.alias for f in CheckSettings.model_fields.values() if f.alias
    }
    table = dict(_oppdrag_table(path))
    classify_table = table.pop("classify", {})
    for key in table:
        if key not in check_keys:
            known = sorted(k for k in check_keys if "_" not in k or k == "select")
            raise ConfigError(_unknown(f"key '{key}'", key, [*known, "classify"], path))
    try:
        overrides = Overrides.model_validate(classify_table)
    except ValidationError as error:
        raise ConfigError(_explain(error, path, "classify.")) from None
    try:
        check = CheckSettings.model_validate(table)
    except ValidationError as error:
        raise ConfigError(_explain(error, path, "")) from None
    return Settings(source=path, classify=overrides, check=check)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from error
    except RecursionError:  # tomllib nests arrays and tables by recursion
        msg = f"{path}: cannot read the configuration: it is nested too deeply"
        raise ConfigError(msg) from None


def _has_tool_section(path: Path) -> bool:
    try:
        return "oppdrag" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _oppdrag_table(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("oppdrag", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.oppdrag] must be a table")
    return data


def _unknown(what: str, name: str, known: list[str], path: Path | None) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else f" Known: {', '.join(known)}."
    where = f"{path}: " if path else ""
    return f"{where}unknown {what} in the configuration.{hint}"


def _explain(error: ValidationError, path: Path, prefix: str) -> str:
    from oppdrag.classify.rulebook import Overrides  # noqa: PLC0415 -- lazy
    from oppdrag.selection import CheckSettings  # noqa: PLC0415

    first = error.errors()[0]
    location = ".".join(str(p) for p in first["loc"])
    if first["type"] == "extra_forbidden":
        model: type[Overrides] | type[CheckSettings] = (
            Overrides if prefix else CheckSettings
        )
        known = [f.alias or name for name, f in model.model_fields.items()]
        return _unknown(f"key '{prefix}{location}'", str(first["loc"][-1]), known, path)
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{path}: {prefix}{location}: {message}"
