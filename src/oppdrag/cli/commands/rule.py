"""``oppdrag rule``: what a rule checks, why it matters, and its examples."""

from __future__ import annotations

from typing import Annotated

import typer

from oppdrag.cli.console import EXIT_USAGE, error_line, write_output
from oppdrag.cli.options import OutputOption
from oppdrag.reporters import RuleFormat, spelled


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
    from oppdrag.rules.registry import ALL_RULES, by_code  # noqa: PLC0415

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
    from oppdrag.cli.run import here_language  # noqa: PLC0415 -- lazy

    if not write_output(content, output, here_language()):
        raise typer.Exit(EXIT_USAGE)
