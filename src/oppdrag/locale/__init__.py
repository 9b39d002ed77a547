"""Every user-visible string, one catalogue per language, and how to fill them in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from oppdrag.visible import visible

Lang = Literal["en", "nb", "nn"]
# The languages with every message; nynorsk has the report's own words and
# takes the rest from bokmål (see locale/nn.py).
LANGUAGES: tuple[Lang, ...] = ("en", "nb")


@dataclass(frozen=True, slots=True)
class Msg:
    """A message, what to do about it, and the help to use with a suggestion."""

    text: str
    help: str = ""
    suggest: str = ""


class _Blank(dict[str, Any]):
    """Format arguments that leave a missing name empty instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def catalogue(lang: Lang) -> Mapping[str, Msg]:
    """The messages of one language."""
    if lang == "nb":
        from oppdrag.locale import nb  # noqa: PLC0415 -- load a language only when used

        return nb.MESSAGES
    if lang == "nn":
        from oppdrag.locale import nn  # noqa: PLC0415

        return nn.MESSAGES
    from oppdrag.locale import en  # noqa: PLC0415 -- load a language only when used

    return en.MESSAGES


def term(lang: Lang, prefix: str, value: str) -> str:
    """A translated term such as ``type.accelerating`` (the value itself if unknown)."""
    entry = catalogue(lang).get(f"{prefix}.{value}")
    return entry.text if entry is not None else value


def _term(lang: Lang, prefix: str, value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(term(lang, prefix, str(v)) for v in value)
    return term(lang, prefix, value) if isinstance(value, str) else value


def _fill(lang: Lang, template: str, args: Mapping[str, Any]) -> str:
    values = _Blank({k: _shown(lang, k, v) for k, v in args.items()})
    return template.format_map(values)


def _shown(lang: Lang, key: str, value: Any) -> Any:
    """A message's value as shown: a term in words, text with its controls visible.

    A value often comes from the input (a status, a key, a file name); a
    carriage return or an escape sequence in it would otherwise reach a
    terminal or a CI log raw.
    """
    shown = _term(lang, _TERMS[key], value) if key in _TERMS else value
    return visible(shown) if isinstance(shown, str) else shown


# Arguments whose values are catalogue terms, and the prefix of their entries.
_TERMS = {
    "expected": "kind",
    "actual": "kind",
    "declared": "type",
    "detected": "type",
    "criteria": "criterion",
}


def text(lang: Lang, message_id: str, **args: Any) -> str:
    """The filled-in message ``message_id`` in ``lang`` (English when missing)."""
    entry = catalogue(lang).get(message_id) or catalogue("en").get(message_id)
    if entry is None:
        return message_id
    return _fill(lang, entry.text, args)


def message_and_help(
    lang: Lang, message_id: str, args: Mapping[str, Any]
) -> tuple[str, str]:
    """The message and its help line; the help uses a suggestion when there is one."""
    entry = catalogue(lang).get(message_id) or catalogue("en").get(message_id)
    if entry is None:
        return message_id, ""
    helper = entry.suggest if entry.suggest and args.get("suggestion") else entry.help
    return _fill(lang, entry.text, args), _fill(lang, helper, args)


def language_from_environment(
    environ: Mapping[str, str] | None = None, setting: Lang | None = None
) -> Lang:
    """OPPDRAG_LANG, else the ``lang`` setting, else the locale.

    From the locale, bokmål when it says Norwegian (nb, no, nn), else English.
    A project's setting comes before the locale, so that hooks and CI, which
    often run with an English locale, write the project's language.
    """
    env = os.environ if environ is None else environ
    for name in ("OPPDRAG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip().lower()
        if name != "OPPDRAG_LANG" and setting is not None:
            return setting
        if value:
            return "nb" if value[:2] in {"nb", "no", "nn"} else "en"
    return setting or "en"
