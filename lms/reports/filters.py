"""The reports' filters: course, date range, profession, licence state, status.

A filter form that does not validate (an unknown course id, a malformed or reversed date range)
never falls back to the unfiltered report, as Wagtail's listings do: the views show the errors,
list nothing and export nothing (lms/reports/views.py).
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import django_filters
from django import forms
from django.db.models import QuerySet
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from certificates.models import Certificate, CertificateStatus
from courses.models import CoursePage, Enrollment
from lms.accounts.models import LicenceState, Profession
from lms.forms import RowIdChoiceMixin
from lms.reports.selectors import completed, completed_between
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind


class CourseChoiceField(RowIdChoiceMixin, django_filters.fields.ModelChoiceField):
    """An out-of-range or non-numeric course id is an invalid choice, never a lookup."""


class CourseFilter(django_filters.ModelChoiceFilter):
    field_class = CourseChoiceField


class ReportFilterForm(forms.Form):
    """Refuses a date range whose start is after its end (either end may be left empty)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        period = cleaned.get("date")
        if period is not None and period.start and period.stop and period.start > period.stop:
            self.add_error("date", "The start date is after the end date.")
        return cleaned


def _courses(request: Any) -> QuerySet[CoursePage]:
    return CoursePage.objects.order_by("title")


class ReportFilterSet(WagtailFilterSet):
    """The filters every report shares. ``date`` filters the field a subclass names."""

    course = CourseFilter(label="Course", queryset=_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    # Real paths, not the reports' annotations: the filters run on the lean querysets (selectors.py).
    profession = django_filters.ChoiceFilter(
        label="Profession",
        field_name="user__clinician_profile__profession",
        choices=Profession.choices,
        empty_label="All professions",
    )
    licence_state = django_filters.ChoiceFilter(
        label="License state",
        field_name="user__clinician_profile__licence_state",
        choices=LicenceState.choices,
        empty_label="All states",
    )

    class Meta:
        form = ReportFilterForm
        fields: ClassVar[list[str]] = []

    def filtered_fields(self) -> dict[str, str]:
        """The applied filters as plain strings (ids, codes, ISO dates) for the audit log: no PII."""
        if not self.is_bound or not self.is_valid():
            return {}
        result: dict[str, str] = {}
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            if name == "course":
                result[name] = str(value.pk)
            elif name == "date":
                if value.start:
                    result["date_from"] = value.start.date().isoformat()
                if value.stop:
                    result["date_to"] = value.stop.date().isoformat()
            else:
                result[name] = str(value)
        return result


class CompletionFilterSet(ReportFilterSet):
    course = CourseFilter(label="Course", field_name="course", queryset=_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(
        label="Completed between", method="filter_completed_between", widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("completed", "Completed (credit claimed)"), ("not_completed", "Not completed")],
        method="filter_status",
        empty_label="Any status",
    )

    class Meta(ReportFilterSet.Meta):
        model = Enrollment

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return completed(queryset, yes=value == "completed")

    def filter_completed_between(self, queryset: QuerySet[Any], name: str, value: slice) -> QuerySet[Any]:
        """The completion date (earliest claim) from the start day's first instant to the end day's last."""
        if value.start is None and value.stop is None:
            return queryset
        end = value.stop + datetime.timedelta(microseconds=1) if value.stop is not None else None
        return completed_between(queryset, start=value.start, end=end)


class QuizAttemptFilterSet(ReportFilterSet):
    course = CourseFilter(label="Course", field_name="enrollment__course", queryset=_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(
        label="Started between", field_name="started_at", widget=DateRangePickerWidget
    )
    kind = django_filters.ChoiceFilter(label="Quiz", choices=QuizKind.choices, empty_label="All quizzes")
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[
            (AttemptStatus.IN_PROGRESS.value, "In progress"),
            ("passed", "Submitted, passed"),
            ("failed", "Submitted, not passed"),
        ],
        method="filter_status",
        empty_label="Any status",
    )

    class Meta(ReportFilterSet.Meta):
        model = QuizAttempt

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == AttemptStatus.IN_PROGRESS:
            return queryset.filter(status=AttemptStatus.IN_PROGRESS)
        return queryset.filter(status=AttemptStatus.SUBMITTED, passed=value == "passed")


class CertificateFilterSet(ReportFilterSet):
    course = CourseFilter(label="Course", field_name="course", queryset=_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(
        label="Claimed between", field_name="created_at", widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label="Status", field_name="status", choices=CertificateStatus.choices, empty_label="Any status"
    )

    class Meta(ReportFilterSet.Meta):
        model = Certificate
