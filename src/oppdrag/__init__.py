"""oppdrag: validate, check and classify Norwegian mission proposals."""

__version__ = "0.2.0"
