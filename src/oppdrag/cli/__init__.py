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
    from oppdrag.cli.app import app  # noqa: PLC0415 -- see above

    app()
