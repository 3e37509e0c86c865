"""Credit arithmetic: AMA PRA Category 1 Credit™ is 1 per 60 minutes, claimed in 0.25 steps."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import ValidationError

CREDIT_STEP = Decimal("0.25")


def is_quarter_step(value: Decimal) -> bool:
    return value > 0 and (value / CREDIT_STEP) == (value / CREDIT_STEP).to_integral_value()


def validate_quarter_step(value: Decimal) -> None:
    if not is_quarter_step(value):
        raise ValidationError("Credits must be greater than zero and in steps of 0.25 (0.25, 0.5, 0.75, 1 …).")


def credits_for_minutes(minutes: int) -> Decimal:
    """The designation for enduring material: its estimated time, rounded down to 0.25 credit."""
    hours = Decimal(minutes) / Decimal(60)
    return (hours / CREDIT_STEP).to_integral_value(rounding=ROUND_FLOOR) * CREDIT_STEP
