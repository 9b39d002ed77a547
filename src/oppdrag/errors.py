"""Exceptions that stop a run; problems inside input files are findings instead."""


class OppdragError(Exception):
    """Base of every error the command line reports as one line and exit code 2."""


class ConfigError(OppdragError):
    """A configuration file cannot be read or says something oppdrag does not know."""


class InputError(OppdragError):
    """A file named on the command line, such as a baseline, cannot be used."""
