"""One module per command: its options, its help, and a request for ``cli.run``.

Each module imports ``oppdrag.cli.run`` (and so the core) only when its command
runs, so that ``oppdrag --help`` and ``oppdrag new`` start at once.
"""
