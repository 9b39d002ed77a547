"""Norway's 15 counties from 1 January 2024, their numbers and accepted spellings."""

from __future__ import annotations

import unicodedata

# County number → official bokmål name (regjeringen.no, "Fylkesinndelingen fra 2024").
COUNTIES: dict[str, str] = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}

NATIONAL = "national"

# Other accepted names: Sami and Kven names. Spellings without æ, ø and å are
# accepted too (see _fold).
_ALIASES: dict[str, str] = {
    "nordlánnda": "Nordland",
    "trööndelage": "Trøndelag",
    "romsa": "Troms",
    "tromssa": "Troms",
    "finnmárku": "Finnmark",
    "finmarkku": "Finnmark",
    "nasjonal": NATIONAL,
    "nasjonalt": NATIONAL,
    "hele landet": NATIONAL,
    "heile landet": NATIONAL,
    "landsdekkende": NATIONAL,
    "landsdekkande": NATIONAL,
}


def _fold(text: str) -> str:
    """Lower-case and strip accents, keeping æ/ø/å distinct from a/o."""
    text = " ".join(text.split()).casefold()
    replaced = text.replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    decomposed = unicodedata.normalize("NFKD", replaced)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lookup_table() -> dict[str, str]:
    table: dict[str, str] = {NATIONAL: NATIONAL}
    for number, name in COUNTIES.items():
        table[number] = name
        table[str(int(number))] = name
        table[name.casefold()] = name
        table[_fold(name)] = name
    for alias, name in _ALIASES.items():
        table[alias] = name
        table[_fold(alias)] = name
    return table


_LOOKUP = _lookup_table()


def accepted_spellings() -> list[str]:
    """Every spelling ``canonical_county`` accepts (in any letter case), for schemas."""
    return sorted(_LOOKUP, key=lambda spelling: (len(spelling), spelling))


def canonical_county(value: str | int) -> str | None:
    """The official name for a county given by name (any case) or number, else None."""
    key = str(value).strip()
    return _LOOKUP.get(key.casefold()) or _LOOKUP.get(_fold(key))


def county_choices() -> list[str]:
    """The names a user may write, for suggestions and the JSON Schema."""
    return [*COUNTIES.values(), NATIONAL]


# Counties that no longer exist, and what took their place (for helpful messages).
FORMER_COUNTIES: dict[str, str] = {
    "viken": "Østfold, Akershus, Buskerud",
    "vestfold og telemark": "Vestfold, Telemark",
    "troms og finnmark": "Troms, Finnmark",
    "hordaland": "Vestland",
    "sogn og fjordane": "Vestland",
    "hedmark": "Innlandet",
    "oppland": "Innlandet",
    "aust-agder": "Agder",
    "vest-agder": "Agder",
    "sør-trøndelag": "Trøndelag",
    "nord-trøndelag": "Trøndelag",
}


def successor_of(value: str | int) -> str | None:
    """What a former county became, if ``value`` names one."""
    return FORMER_COUNTIES.get(" ".join(str(value).split()).casefold())
