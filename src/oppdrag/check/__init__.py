"""What only ``oppdrag check`` does: batch rules, selection, suppressions, baselines."""
