"""Cells that spreadsheet programs read as text, never as formulas."""

from __future__ import annotations

from typing import Any

# A cell starting with one of these is read as a formula by Excel, LibreOffice and
# Google Sheets; a proposal's title may start with '-' or '=' by accident or not.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text that would start a formula gets a leading apostrophe (OWASP's advice).

    Numbers are left as numbers, so '-0.12' as a score stays a number.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value
