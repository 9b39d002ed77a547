"""The portfolio as one web page: self-contained, no script, readable offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from oppdrag.locale import Lang, term, text
from oppdrag.reporters.portfolio import TYPES, MissionView, Portfolio, anchor, number


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("oppdrag.templates", "report"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _stylesheet() -> str:
    css = files("oppdrag.templates").joinpath("report/report.css").read_text("utf-8")
    # The comment at the top is for maintainers, not for every page.
    return re.sub(r"/\*.*?\*/\s*", "", css, flags=re.DOTALL).strip()


def _page(lang: Lang, tool_version: str) -> dict[str, Any]:
    """What every page's template may use: the language's words and numbers."""
    return {
        "lang": lang,
        "tool_version": tool_version,
        "css": Markup(_stylesheet()),  # our own stylesheet, not input
        "types": TYPES,
        "t": lambda key, **args: text(lang, key, **args),
        "term": lambda prefix, value: term(lang, prefix, value),
        "num": lambda value, decimals=0: number(value, lang, decimals),
        "county_anchor": lambda name: anchor("county", name),
        "highlight": highlight,
    }


def render_portfolio_html(portfolio: Portfolio) -> str:
    """The portfolio as one HTML document (inline CSS and SVG, no script)."""
    return "".join(portfolio_html_pieces(portfolio))


def portfolio_html_pieces(portfolio: Portfolio) -> Iterator[str]:
    """The same document in pieces, to be written as it is made.

    The page of 50,000 missions is over 200 MB of text; made whole, with the
    pieces it is joined from, it took a gigabyte.
    """
    page = _environment().get_template("portfolio.html.j2")
    return page.generate(p=portfolio, **_page(portfolio.lang, portfolio.tool_version))


def render_explanations_html(
    missions: tuple[MissionView, ...], lang: Lang, tool_version: str
) -> str:
    """Explain -f html: each mission's full reasoning on one page."""
    page = _environment().get_template("explanations.html.j2")
    title = text(lang, "report.explanation")
    return page.render(missions=missions, title=title, **_page(lang, tool_version))


def highlight(sentence: str, words: str) -> Markup:
    """The sentence, escaped, with the evidence's words marked where they stand."""
    at = sentence.casefold().find(words.casefold()) if words else -1
    if at < 0:
        return escape(sentence)
    end = at + len(words)
    return (
        escape(sentence[:at])
        + Markup("<mark>")
        + escape(sentence[at:end])
        + Markup("</mark>")
        + escape(sentence[end:])
    )
