"""Settings: their models, and reading them from pyproject.toml or oppdrag.toml."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from oppdrag.diagnostics import Severity
from oppdrag.errors import ConfigError

if TYPE_CHECKING:
    from pydantic import ValidationError

    from oppdrag.classify.rulebook import Overrides, Rulebook

CONFIG_NAMES = ("oppdrag.toml", ".oppdrag.toml", "pyproject.toml")


class _Settings(BaseModel):
    # Keys are written as in ruff (extend-select, fail-on); snake_case works too.
    # Built on first use: most runs (validate, classify) never need them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, defer_build=True
    )


def _check_codes(values: list[str]) -> list[str]:
    """Codes or code prefixes ("Q", "Q1", "Q103"); unknown ones are errors."""
    from oppdrag.rules.registry import known_codes  # noqa: PLC0415 -- when codes are set

    known = known_codes()
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
    """The ``[tool.oppdrag]`` table (besides ``classify``): what ``check`` reports."""

    select: Codes = Field(default_factory=lambda: ["ALL"])
    extend_select: Codes = Field(default_factory=list, alias="extend-select")
    ignore: Codes = Field(default_factory=list)
    severity: Severities = Field(default_factory=dict)
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    exclude: list[str] = Field(default_factory=list)
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    force_exclude: bool = Field(default=False, alias="force-exclude")
    reference_year: int | None = Field(
        default=None, alias="reference-year", ge=1900, le=2100
    )
    overrides: list[PathOverride] = Field(default_factory=list)
    # The language of messages and reports for everyone who runs oppdrag here
    # (hooks and CI often run with an English locale); --lang and OPPDRAG_LANG
    # still come first.
    lang: Literal["en", "nb", "nn"] | None = None


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


def find_config(
    start: Path, *, here: Path | None = None, home: Path | None = None
) -> Path | None:
    """The nearest oppdrag.toml, .oppdrag.toml or pyproject.toml with [tool.oppdrag].

    The search goes up from ``start``, the folder checked. In a git repository
    it stops at the repository's top (the folder holding ``.git``): a settings
    file above the repository belongs to someone else and must not change
    what CI checks. Outside any repository it goes no higher than the ``home``
    folder, or than the current folder (``here``) when ``start`` is not in
    the home folder; a folder in neither is the only one searched. A settings
    file in the file system's root is never read: in /tmp, anyone may write.
    """
    for candidate in _search_path(start.resolve(), here, home):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
    return None


def _search_path(folder: Path, here: Path | None, home: Path | None) -> list[Path]:
    """The folders to look in, from ``folder`` up (see ``find_config``)."""
    chain = [folder, *folder.parents]
    for index, candidate in enumerate(chain):
        if (candidate / ".git").exists():
            return chain[: index + 1]
    for ceiling in (home, here):
        if ceiling is None:
            continue
        top = ceiling.resolve()
        if top.parent != top and top in chain:
            return chain[: chain.index(top) + 1]
    return [folder]


def load_settings(path: Path | None) -> Settings:
    """Read settings from ``path`` (None gives the defaults)."""
    if path is None:
        return Settings()
    from pydantic import ValidationError  # noqa: PLC0415 -- only with a settings file

    from oppdrag.classify.rulebook import Overrides  # noqa: PLC0415

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
