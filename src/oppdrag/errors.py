"""Exceptions that stop a run; problems in input files are findings instead."""


class OppdragError(Exception):
    """Base of every error the command line reports as one line and exit code 2."""


class UsageError(OppdragError):
    """The user asked for something that cannot be done (bad option value, no input)."""


class InputError(OppdragError):
    """A path given on the command line cannot be read at all."""
