"""The rules: each module holds a family's rules; registry.py lists them all.

The package itself imports nothing, so that code needing one module (the
consistency rules, for every classified mission) does not load every rule.
"""
