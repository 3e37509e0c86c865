"""Template helpers for the design system: USWDS classes and accessible field wiring."""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def uswds_widget(field: forms.BoundField) -> SafeString:
    """Render a field's widget with the USWDS class and aria-describedby tied to its hint and errors."""
    widget = field.field.widget
    css = "usa-select" if isinstance(widget, forms.Select) else "usa-input"
    if isinstance(widget, forms.CheckboxInput):
        css = "usa-checkbox__input"
    if isinstance(widget, forms.Textarea):
        css = "usa-textarea"
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        css += " usa-input--error"
        described_by.append(f"{field.auto_id}_error")
    attrs: dict[str, str | bool] = {"class": css}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def lookup(mapping: dict[object, object] | None, key: object) -> object:
    """`{{ statuses|lookup:course.pk }}`: a dict lookup in templates; None when absent."""
    return mapping.get(key) if mapping else None
