"""The formula guard on its own: what is neutralised and what is left as it is."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from lms.staff import neutralise_formula


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", '=HYPERLINK("x")'])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["Ana Alvarez", "", "a=b", "O'Neil", " =1", "1-2"])
def test_other_text_is_unchanged(text: str) -> None:
    assert neutralise_formula(text) == text


@pytest.mark.parametrize("value", [None, -3, Decimal("-0.75"), 2.5, datetime.date(2026, 10, 1)])
def test_numbers_dates_and_empty_cells_stay_typed(value: object) -> None:
    assert neutralise_formula(value) is value
