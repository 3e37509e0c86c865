"""/admin/antidote-reports/: the reports (each with a results-only URL for Wagtail's filter refresh) and PARS."""

from __future__ import annotations

from django.urls import path

from lms.reports import views

app_name = "antidote_reports"

urlpatterns = [
    path("completions/", views.CompletionsReportView.as_view(), name="completions"),
    path(
        "completions/results/",
        views.CompletionsReportView.as_view(results_only=True),
        name="completions_results",
    ),
    path("quiz-attempts/", views.QuizAttemptsReportView.as_view(), name="quiz_attempts"),
    path(
        "quiz-attempts/results/",
        views.QuizAttemptsReportView.as_view(results_only=True),
        name="quiz_attempts_results",
    ),
    path("certificates/", views.CertificatesReportView.as_view(), name="certificates"),
    path(
        "certificates/results/",
        views.CertificatesReportView.as_view(results_only=True),
        name="certificates_results",
    ),
    path("pars/", views.ParsExportView.as_view(), name="pars"),
]
