"""``oppdrag schema``: the JSON Schema of the proposal format, for editors."""

from __future__ import annotations

import typer

from oppdrag.cli.console import EXIT_USAGE, write_output
from oppdrag.cli.options import OutputOption
from oppdrag.locale import language_from_environment


def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the proposal format, for editors and other tools.

    Put '# yaml-language-server: $schema=<path to the schema>' at the top of a
    proposal to get completion and checks in VS Code.
    """
    from oppdrag.model.jsonschema import proposal_json_schema_text  # noqa: PLC0415

    if not write_output(
        proposal_json_schema_text(), output, language_from_environment()
    ):
        raise typer.Exit(EXIT_USAGE)
