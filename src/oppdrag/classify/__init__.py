"""Classify missions as accelerating or transforming, with the evidence for it."""
