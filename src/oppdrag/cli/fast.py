"""'oppdrag validate|check|classify FILE…' without typer, as editors and hooks run them.

With no options but ``--jobs`` these commands need no parser; starting typer
would add about a third to the time of a one-file run. The typer commands
build the same requests with the same defaults, so both give the same output.
Anything else on the command line, a bad ``--jobs`` value included, goes to
typer, which reads it or says what is wrong.
"""

from __future__ import annotations

# The commands that have a plain form: a command name and paths, nothing else.
PLAIN_COMMANDS = frozenset({"validate", "check", "classify"})


def is_plain(arguments: list[str]) -> bool:
    """True for a plain command: paths, and at most a number of processes."""
    return _plain_form(arguments) is not None


def run_plain(arguments: list[str]) -> int:
    """Run a plain command (see ``is_plain``) with its defaults; the exit code."""
    from oppdrag.cli.run import (  # noqa: PLC0415 -- the core, when run
        CheckRequest,
        ClassifyRequest,
        OutputSpec,
        Request,
        RunSettings,
        ValidateRequest,
        default_outputs,
        execute,
    )

    form = _plain_form(arguments)
    assert form is not None  # checked by is_plain
    command, paths, jobs = form
    run = RunSettings(jobs=jobs)
    request: Request
    if command == "check":
        outputs = [OutputSpec(fmt, None) for fmt in default_outputs()]
        request = CheckRequest(paths=paths, outputs=outputs, run=run)
    elif command == "classify":
        request = ClassifyRequest(paths=paths, run=run)
    else:
        request = ValidateRequest(paths=paths, run=run)
    return execute(request)


_JOBS = ("-j", "--jobs")


def _plain_form(arguments: list[str]) -> tuple[str, list[str], int] | None:
    """The command, its paths and --jobs (0 if not given), or None if not plain."""
    if len(arguments) < 2 or arguments[0] not in PLAIN_COMMANDS:
        return None
    paths: list[str] = []
    jobs = 0
    rest = iter(arguments[1:])
    for argument in rest:
        value: str | None
        if argument in _JOBS:
            value = next(rest, None)
        elif argument.startswith("--jobs="):
            value = argument.removeprefix("--jobs=")
        elif argument == "-" or not argument.startswith("-"):
            paths.append(argument)
            continue
        else:
            return None  # another option, or help: typer reads it
        if value is None or not (value.isascii() and value.isdigit()):
            return None  # typer says what is wrong with it
        jobs = int(value)
    return (arguments[0], paths, jobs) if paths else None
