from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from courses.credits import credits_for_minutes, is_quarter_step, validate_quarter_step


@pytest.mark.parametrize(
    ("minutes", "credits"), [(60, "1.00"), (75, "1.25"), (89, "1.25"), (90, "1.50"), (14, "0.00"), (15, "0.25")]
)
def test_enduring_material_designation_is_its_time_in_quarter_credits(minutes: int, credits: str) -> None:
    assert credits_for_minutes(minutes) == Decimal(credits)


@pytest.mark.parametrize("value", ["0.25", "0.5", "1", "1.75", "12.00"])
def test_quarter_steps_are_accepted(value: str) -> None:
    assert is_quarter_step(Decimal(value))
    validate_quarter_step(Decimal(value))


@pytest.mark.parametrize("value", ["0", "-0.25", "0.3", "1.1", "0.125"])
def test_other_amounts_are_refused_with_a_message(value: str) -> None:
    assert not is_quarter_step(Decimal(value))
    with pytest.raises(ValidationError, match="steps of 0.25"):
        validate_quarter_step(Decimal(value))
