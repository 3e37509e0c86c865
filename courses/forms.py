"""What learners type, checked on the server: the MME calculator and the course evaluation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict

from courses.blocks import LIKERT_CHOICES
from courses.mme import BUPRENORPHINE_NOTE, OPIOIDS, MMEInputError, MMEResult, mme_for, mme_total
from courses.models import CoursePage

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


FREE_TEXT_MAX = 2000


def evaluation_fields(course: CoursePage) -> list[dict[str, Any]]:
    """One entry per evaluation item: its block id, type, question and choices."""
    fields = []
    for block in course.evaluation:
        if block.block_type == "likert":
            fields.append({"id": block.id, "type": "likert", "question": block.value["statement"], "required": True})
        elif block.block_type == "free_text":
            fields.append(
                {
                    "id": block.id,
                    "type": "free_text",
                    "question": block.value["question"],
                    "required": bool(block.value["required"]),
                }
            )
        else:
            fields.append(
                {"id": block.id, "type": "commitment", "question": block.value["question"], "required": False}
            )
    return fields


def evaluation_parse(course: CoursePage, data: QueryDict) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(items as asked and answered, errors by field id)."""
    items: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    allowed = {value for value, _ in LIKERT_CHOICES}
    for field in evaluation_fields(course):
        answer = (data.get(f"e-{field['id']}") or "").strip()
        if field["type"] == "likert" and answer not in allowed:
            errors[field["id"]] = "Choose how much you agree." if not answer else "Choose one of the five answers."
        elif field["required"] and not answer:
            errors[field["id"]] = "Answer this question."
        elif len(answer) > FREE_TEXT_MAX:
            errors[field["id"]] = f"Keep this answer under {FREE_TEXT_MAX} characters ({len(answer)} now)."
        items.append({"id": field["id"], "type": field["type"], "question": field["question"], "answer": answer})
    return items, errors
