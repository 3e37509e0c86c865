"""Form pieces shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from lms.converters import is_row_id


class RowIdChoiceMixin:
    """For model choice fields: a value that cannot be a row id is an invalid choice, refused before
    the lookup (SQLite raises OverflowError past 2**63 - 1, which would be a 500)."""

    empty_values: Any
    error_messages: dict[str, Any]

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not is_row_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)  # type: ignore[misc]


class RowIdModelChoiceField(RowIdChoiceMixin, forms.ModelChoiceField):
    pass
