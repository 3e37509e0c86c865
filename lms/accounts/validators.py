"""Pure checks on what clinicians type into their profile (no database, no HTTP)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

_TEN_DIGITS = re.compile(r"[0-9]{10}")
# The NPI is an ISO 7812 card number with the health-industry prefix 80840; CMS publishes the
# check digit as a Luhn digit over "80840" + the first nine digits. The prefix's own Luhn
# contribution (8, 0, 8, 4, 0 with every other digit doubled from the right of the full
# 15-digit string) is the constant 24.
_NPI_PREFIX_LUHN_SUM = 24

# Days in each month of a leap year: a birth date without its year may be 29 February.
_DAYS_IN_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def npi_check_digit(first_nine: str) -> int:
    """The Luhn check digit of an NPI's first nine digits, computed over the 80840 prefix."""
    total = _NPI_PREFIX_LUHN_SUM
    # Walking the nine digits from the right, the first one (the digit beside the check digit)
    # is doubled, then every other one.
    for position, char in enumerate(reversed(first_nine)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def npi_is_valid(value: str) -> bool:
    """True for exactly ten ASCII digits whose last digit is the NPI Luhn check digit.

    The first digit is not restricted: CMS issues NPIs starting with 1 or 2 "initially", so the
    check digit is the rule that will not change.
    """
    if not isinstance(value, str) or not _TEN_DIGITS.fullmatch(value):
        return False
    return npi_check_digit(value[:9]) == int(value[9])


def validate_npi(value: str) -> None:
    if not _TEN_DIGITS.fullmatch(value or ""):
        raise ValidationError("An NPI has exactly 10 digits: check the number you entered.", code="npi_length")
    if not npi_is_valid(value):
        raise ValidationError(
            "This is not a valid NPI: its last (check) digit does not match. Check for a typing mistake.",
            code="npi_check_digit",
        )


def birth_month_day_is_valid(month: int, day: int) -> bool:
    """A real month and day in some year (29 February counts: we never ask for the year)."""
    return month in _DAYS_IN_MONTH and 1 <= day <= _DAYS_IN_MONTH[month]


def days_in_month(month: int) -> int:
    return _DAYS_IN_MONTH[month]
