"""The quiz attempts report under Wagtail's Reports menu: every attempt at every quiz, filtered and exported.

Its base, the filters it shares with the certificates app's reports, the exports and the
permission check (``certificates.view_reports``, the one reports permission) are in lms/staff.py;
its URLs and menu item are registered in quizzes/wagtail_hooks.py.
"""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.db.models import QuerySet
from wagtail.admin.filters import DateRangePickerWidget

from lms.staff import (
    LEARNER_DISPLAY,
    LEARNER_HEADINGS,
    Converter,
    CourseFilter,
    ReportFilterSet,
    StaffReportView,
    choice_label,
    report_courses,
    yes_no,
)
from quizzes import selectors
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind


class QuizAttemptFilterSet(ReportFilterSet):
    course = CourseFilter(
        label="Course", field_name="enrollment__course", queryset=report_courses, empty_label="All courses"
    )
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

    def filter_status(self, queryset: QuerySet[QuizAttempt], name: str, value: str) -> QuerySet[QuizAttempt]:
        if value == AttemptStatus.IN_PROGRESS:
            return queryset.filter(status=AttemptStatus.IN_PROGRESS)
        return queryset.filter(status=AttemptStatus.SUBMITTED, passed=value == "passed")


class QuizAttemptsReportView(StaffReportView[QuizAttempt]):
    page_title = "Quiz attempts"
    header_icon = "form"
    report_name = "quiz_attempts"
    index_url_name = "quiz_reports:attempts"
    index_results_url_name = "quiz_reports:attempts_results"
    filterset_class = QuizAttemptFilterSet
    fields = selectors.QUIZ_ATTEMPT_FIELDS
    headings: ClassVar[dict[str, str]] = {
        **LEARNER_HEADINGS,
        "quiz_title": "Page",
        "kind": "Quiz",
        "number": "Attempt",
        "status": "Status",
        "started_at": "Started",
        "submitted_at": "Submitted",
        "score": "Score",
        "passed": "Passed",
    }
    display: ClassVar[dict[str, Converter]] = {
        **LEARNER_DISPLAY,
        "kind": choice_label(QuizKind.choices),
        "status": choice_label(AttemptStatus.choices),
        "passed": yes_no,
    }

    def get_base_queryset(self) -> QuerySet[QuizAttempt]:
        return selectors.quiz_attempts_lean()

    def rows(self, queryset: QuerySet[QuizAttempt]) -> QuerySet[QuizAttempt]:
        return selectors.quiz_attempt_rows(queryset=queryset)
