"""Rich renderables printed into text, with or without colour, for the tables."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, RenderableType

from oppdrag.reporters import DEFAULT_WIDTH

TYPE_STYLE = {
    "accelerating": "cyan",
    "transforming": "magenta",
    "undetermined": "yellow",
}


def render(
    renderables: Iterable[RenderableType], *, color: bool, width: int = DEFAULT_WIDTH
) -> str:
    """Print rich renderables into a string, with or without colour."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()
