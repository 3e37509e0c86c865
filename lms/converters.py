"""URL converters shared by every app."""

from __future__ import annotations


class RowIdConverter:
    """A database row id: 1 to 18 digits, so an absurd id is a 404 and never overflows a 64-bit
    column (SQLite raises OverflowError past 2**63 - 1, which would be a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
