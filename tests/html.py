"""Helpers for reading rendered pages in tests."""

from __future__ import annotations

import re


def error_beside(html: str, field: str) -> str:
    """The error shown beside a form field, checked to be tied to its input for screen readers."""
    marker = f'id="id_{field}_error"'
    assert marker in html, f"no error shown beside {field}"
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', html), f"the error is not tied to {field}"
    start = html.index(marker)
    return html[start : html.index("</span>", start)]
