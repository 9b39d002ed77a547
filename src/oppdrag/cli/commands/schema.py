"""``oppdrag schema``: the JSON Schema of the proposal format, for editors."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from oppdrag.cli.console import EXIT_USAGE, write_output
from oppdrag.cli.options import OutputOption


class SchemaDraft(StrEnum):
    """``schema --draft``: the JSON Schema version to write."""

    DRAFT_2020_12 = "2020-12"
    DRAFT_07 = "07"


def schema(
    output: OutputOption = None,
    draft: Annotated[
        SchemaDraft,
        typer.Option(
            "--draft",
            help="JSON Schema version: 2020-12, or 07 for editors that need it.",
        ),
    ] = SchemaDraft.DRAFT_2020_12,
) -> None:
    """Print the JSON Schema of the proposal format, for editors and other tools.

    Put '# yaml-language-server: $schema=<path to the schema>' at the top of a
    proposal to get completion and checks in VS Code.
    """
    from oppdrag.cli.run import here_language  # noqa: PLC0415 -- lazy
    from oppdrag.model.jsonschema import proposal_json_schema_text  # noqa: PLC0415

    text = proposal_json_schema_text(draft.value)
    if not write_output(text, output, here_language()):
        raise typer.Exit(EXIT_USAGE)
