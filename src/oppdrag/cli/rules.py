"""``oppdrag rule`` (the rules and their documentation) and ``oppdrag config``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from oppdrag.cli.app import app
from oppdrag.cli.console import EXIT_USAGE, error_line, write_output
from oppdrag.cli.options import ConfigOption, OutputOption, settings
from oppdrag.locale import language_from_environment
from oppdrag.reporters import RuleFormat, spelled


@app.command()
def rule(
    code: Annotated[
        str | None,
        typer.Argument(help="A rule code or name, e.g. Q101.", show_default=False),
    ] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Every rule.")] = False,
    output_format: Annotated[
        RuleFormat, typer.Option("--format", "-f", help=f"{spelled(RuleFormat)}.")
    ] = RuleFormat.TEXT,
    output: OutputOption = None,
) -> None:
    """Explain a rule: what it checks, why it matters, failing and passing examples."""
    from oppdrag.reporters import ruledocs  # noqa: PLC0415 -- lazy for start-up
    from oppdrag.rules import ALL_RULES, by_code  # noqa: PLC0415

    chosen = list(ALL_RULES)
    if not all_rules:
        found = by_code(code) if code else None
        if found is None:
            known = ", ".join(r.code for r in ALL_RULES)
            error_line(
                f"unknown rule '{code}'; rules: {known}"
                if code
                else "give a CODE or --all"
            )
            raise typer.Exit(EXIT_USAGE)
        chosen = [found]
    content = ruledocs.render_rules(chosen, output_format)
    write_output(content, output, language_from_environment())


@app.command()
def config(config_file: ConfigOption = None) -> None:
    """Show the effective settings and the file each came from."""
    loaded = settings(config_file)
    source = (
        str(loaded.source) if loaded.source else "(defaults: no settings file found)"
    )
    check = loaded.check_settings().model_dump(mode="json", by_alias=True)
    explicitly = loaded.check.model_fields_set if loaded.check is not None else set()
    document = {
        "source": source,
        "settings": {
            key: {
                "value": value,
                "from": source if key.replace("-", "_") in explicitly else "default",
            }
            for key, value in check.items()
        },
        "classify": {
            "value": loaded.classify.model_dump(mode="json") if loaded.classify else {},
            "from": source if loaded.changes_rulebook else "default",
        },
    }
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
