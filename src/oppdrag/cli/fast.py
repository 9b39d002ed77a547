"""'oppdrag validate FILE…' without typer, as editors and pre-commit run it.

With no options the command needs no parser; starting typer would add about a
third to its time. The typer command runs the same request with the same
defaults, so both give the same output.
"""

from __future__ import annotations


def is_plain_validate(arguments: list[str]) -> bool:
    """True for 'validate' followed only by paths (no options, no help)."""
    if len(arguments) < 2 or arguments[0] != "validate":
        return False
    return all(a == "-" or not a.startswith("-") for a in arguments[1:])


def plain_validate(paths: list[str]) -> int:
    """Validate ``paths`` with the command's defaults; the exit code."""
    from oppdrag.cli.run import ValidateRequest, execute  # noqa: PLC0415

    return execute(ValidateRequest(paths=paths))
