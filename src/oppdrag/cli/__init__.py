"""The ``oppdrag`` command; start-up stays light until a command needs more."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line; ``--version`` answers before anything heavy is imported."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from oppdrag import __version__  # noqa: PLC0415 -- keep --version instant

        sys.stdout.write(f"oppdrag {__version__}\n")
        return
    # pydantic scans every installed package for plugins at start-up; we use none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    arguments = sys.argv[1:]
    if _plain_validate(arguments):
        # 'oppdrag validate FILE…' with no options, as editors and pre-commit run it,
        # starts without typer, which would add about a third to its time; the
        # typer command runs exactly the same function with the same defaults.
        from oppdrag.cli.common import ValidateRequest, run_validate  # noqa: PLC0415

        sys.exit(run_validate(ValidateRequest(paths=arguments[1:])))
    from oppdrag.cli.app import app  # noqa: PLC0415 -- see above

    app()


def _plain_validate(arguments: list[str]) -> bool:
    """True for 'validate' followed only by paths (no options, no help)."""
    if len(arguments) < 2 or arguments[0] != "validate":
        return False
    return all(a == "-" or not a.startswith("-") for a in arguments[1:])
