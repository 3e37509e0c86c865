"""The NPI check digit and the birth month/day rule: pure functions, no HTTP, no database."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from lms.accounts.validators import birth_month_day_is_valid, npi_check_digit, npi_is_valid, validate_npi


@pytest.mark.parametrize("npi", ["1234567893", "1245319599", "1003000126"])
def test_real_npis_pass_the_check_digit(npi: str) -> None:
    assert npi_is_valid(npi)
    validate_npi(npi)


@pytest.mark.parametrize(
    "npi",
    [
        "1234567890",  # the CMS example with the wrong last digit
        "123456789",  # nine digits
        "12345678901",  # eleven digits
        "abcdefghij",
        "0000000000",  # 80840 + nine zeros has check digit 6, not 0
        "",
        " 1234567893",
        "123456789３",  # a full-width digit is not an ASCII digit
    ],
)
def test_malformed_or_mistyped_npis_fail(npi: str) -> None:
    assert not npi_is_valid(npi)
    with pytest.raises(ValidationError):
        validate_npi(npi)


def test_the_check_digit_is_luhn_over_the_80840_prefix() -> None:
    def luhn_total_is_multiple_of_ten(digits: str) -> bool:
        total = 0
        for position, char in enumerate(reversed(digits)):
            digit = int(char) * (2 if position % 2 else 1)
            total += digit - 9 if digit > 9 else digit
        return total % 10 == 0

    for first_nine in ("123456789", "124531959", "100300012", "000000000", "999999999", "281746503"):
        npi = first_nine + str(npi_check_digit(first_nine))
        assert luhn_total_is_multiple_of_ten("80840" + npi)
        assert npi_is_valid(npi)
    assert npi_check_digit("000000000") == 6


def test_a_single_mistyped_digit_is_caught() -> None:
    valid = "1245319599"
    for index in range(10):
        for replacement in "0123456789":
            if replacement != valid[index]:
                assert not npi_is_valid(valid[:index] + replacement + valid[index + 1 :])


def test_wrong_length_and_wrong_check_digit_get_different_messages() -> None:
    with pytest.raises(ValidationError, match="exactly 10 digits"):
        validate_npi("123456789")
    with pytest.raises(ValidationError, match="check"):
        validate_npi("1234567890")


@pytest.mark.parametrize(("month", "day"), [(1, 31), (2, 29), (4, 30), (12, 31), (6, 1)])
def test_real_month_day_pairs_are_accepted(month: int, day: int) -> None:
    assert birth_month_day_is_valid(month, day)


@pytest.mark.parametrize(
    ("month", "day"), [(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (13, 1), (0, 1), (1, 0)]
)
def test_impossible_month_day_pairs_are_refused(month: int, day: int) -> None:
    assert not birth_month_day_is_valid(month, day)
