"""'oppdrag validate|check|classify FILE…' without typer, as editors and hooks run them.

With no options these commands need no parser; starting typer would add about
a third to the time of a one-file run. The typer commands build the same
requests with the same defaults, so both give the same output.
"""

from __future__ import annotations

# The commands that have a plain form: a command name and paths, nothing else.
PLAIN_COMMANDS = frozenset({"validate", "check", "classify"})


def is_plain(arguments: list[str]) -> bool:
    """True for a plain command followed only by paths (no options, no help)."""
    if len(arguments) < 2 or arguments[0] not in PLAIN_COMMANDS:
        return False
    return all(a == "-" or not a.startswith("-") for a in arguments[1:])


def run_plain(arguments: list[str]) -> int:
    """Run a plain command (see ``is_plain``) with its defaults; the exit code."""
    from oppdrag.cli.run import (  # noqa: PLC0415 -- the core, when run
        CheckRequest,
        ClassifyRequest,
        OutputSpec,
        Request,
        ValidateRequest,
        default_outputs,
        execute,
    )

    command, paths = arguments[0], arguments[1:]
    request: Request
    if command == "check":
        outputs = [OutputSpec(fmt, None) for fmt in default_outputs()]
        request = CheckRequest(paths=paths, outputs=outputs)
    elif command == "classify":
        request = ClassifyRequest(paths=paths)
    else:
        request = ValidateRequest(paths=paths)
    return execute(request)
