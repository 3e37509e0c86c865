"""The completions and certificates reports' filters: the shared ones (lms/staff.py) and status."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import QuerySet
from wagtail.admin.filters import DateRangePickerWidget

from certificates.models import Certificate, CertificateStatus
from certificates.reports.selectors import completed, completed_between
from courses.models import Enrollment
from lms.staff import CourseFilter, ReportFilterSet, report_courses


class CompletionFilterSet(ReportFilterSet):
    course = CourseFilter(label="Course", field_name="course", queryset=report_courses, empty_label="All courses")
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

    def filter_status(self, queryset: QuerySet[Enrollment], name: str, value: str) -> QuerySet[Enrollment]:
        return completed(queryset=queryset, yes=value == "completed")

    def filter_completed_between(self, queryset: QuerySet[Enrollment], name: str, value: slice) -> QuerySet[Enrollment]:
        """The completion date (earliest claim) from the start day's first instant to the end day's last."""
        if value.start is None and value.stop is None:
            return queryset
        end = value.stop + datetime.timedelta(microseconds=1) if value.stop is not None else None
        return completed_between(queryset=queryset, start=value.start, end=end)


class CertificateFilterSet(ReportFilterSet):
    course = CourseFilter(label="Course", field_name="course", queryset=report_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(
        label="Claimed between", field_name="created_at", widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label="Status", field_name="status", choices=CertificateStatus.choices, empty_label="Any status"
    )

    class Meta(ReportFilterSet.Meta):
        model = Certificate
