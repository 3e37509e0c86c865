"""URL converters shared by every app."""

from __future__ import annotations

import re

ROW_ID = re.compile(r"[0-9]{1,18}")


def is_row_id(value: object) -> bool:
    """Whether a submitted value can be a row id (form fields check this before any lookup)."""
    return ROW_ID.fullmatch(str(value).strip()) is not None


class RowIdConverter:
    """A database row id: 1 to 18 digits, so an absurd id is a 404 and never overflows a 64-bit
    column (SQLite raises OverflowError past 2**63 - 1, which would be a 500)."""

    regex = ROW_ID.pattern

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
