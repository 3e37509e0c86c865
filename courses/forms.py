"""The MME calculator form: server-side validation of what the learner typed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from .mme import BUPRENORPHINE_NOTE, OPIOIDS, MMEInputError, MMEResult, mme_for, mme_total

CALCULATOR_ROWS = 4
OPIOID_CHOICES = (
    [("", "Choose an opioid")]
    + [(o.key, f"{o.name} ({o.unit})") for o in OPIOIDS.values()]
    + [("buprenorphine", "Buprenorphine (no MME factor)")]
)


class MMECalculatorForm(forms.Form):
    """Up to four opioid lines; a line with neither drug nor dose is ignored."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(CALCULATOR_ROWS):
            self.fields[f"opioid_{i}"] = forms.ChoiceField(
                label=f"Opioid {i + 1}", choices=OPIOID_CHOICES, required=False
            )
            self.fields[f"dose_{i}"] = forms.DecimalField(
                label=f"Total daily dose {i + 1}",
                required=False,
                max_digits=8,
                decimal_places=2,
                help_text="mg per day; for the fentanyl patch, mcg per hour",
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any", "min": "0"}),
            )
        self.result: MMEResult | None = None

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"opioid_{i}"], self[f"dose_{i}"]) for i in range(CALCULATOR_ROWS)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lines: list[tuple[str, Decimal]] = []
        for i in range(CALCULATOR_ROWS):
            opioid_field, dose_field = f"opioid_{i}", f"dose_{i}"
            if opioid_field in self.errors or dose_field in self.errors:
                continue
            key, dose = cleaned.get(opioid_field) or "", cleaned.get(dose_field)
            if not key and dose is None:
                continue
            if not key:
                self.add_error(opioid_field, "Choose the opioid for this dose.")
                continue
            if key == "buprenorphine":
                self.add_error(opioid_field, BUPRENORPHINE_NOTE)
                continue
            if dose is None:
                self.add_error(dose_field, "Enter the total daily dose.")
                continue
            try:
                mme_for(key, dose)
            except MMEInputError as error:
                self.add_error(dose_field if error.field == "dose" else opioid_field, error.message)
                continue
            lines.append((key, dose))
        if not lines and not self.errors:
            raise forms.ValidationError("Enter at least one opioid and its total daily dose.")
        if lines and not self.errors:
            self.result = mme_total(lines)
        return cleaned
