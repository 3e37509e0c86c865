"""Wagtail admin customisation for quizzes: the audit-log action grading writes, and the quiz
attempts report (quizzes/reports.py) under Reports."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry

from lms.staff import VIEW_REPORTS, DetailFormatter, PermissionMenuItem
from quizzes.reports import QuizAttemptsReportView


@hooks.register("register_log_actions")
def register_quiz_log_actions(actions: LogActionRegistry) -> None:
    """Wagtail refuses to save a log entry whose action is not registered (quizzes/services.py logs this)."""

    @actions.register_action("antidote.quiz.graded")
    class GradedFormatter(DetailFormatter):
        label = "Grade quiz attempt"
        message = "Quiz attempt graded"

        def detail(self, data: dict[str, Any]) -> str:
            if data.get("score") is None:
                return ""
            outcome = "passed" if data.get("passed") else "not passed"
            return f"{data.get('kind', '')} quiz, attempt {data.get('number', '?')}: {data['score']}%, {outcome}"


@hooks.register("register_admin_urls")
def register_quiz_report_urls() -> list[URLPattern | URLResolver]:
    """/admin/antidote-reports/quiz-attempts/ (beside the certificates app's reports), with a
    results-only URL for Wagtail's filter refresh; the view checks the reports permission itself."""
    urls = [
        path("", QuizAttemptsReportView.as_view(), name="attempts"),
        path("results/", QuizAttemptsReportView.as_view(results_only=True), name="attempts_results"),
    ]
    return [path("antidote-reports/quiz-attempts/", include((urls, "quiz_reports")))]


@hooks.register("register_reports_menu_item")
def register_quiz_attempts_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Quiz attempts",
        reverse("quiz_reports:attempts"),
        name="antidote-quiz-attempts",
        icon_name="form",
        order=110,
        permission=VIEW_REPORTS,
    )
