"""Entry point for ``python -m oppdrag``."""

from oppdrag.cli import main

main()
