"""The engine: from paths to one RunReport (run.py), in one or several processes."""
