"""Wagtail admin customisation for certificates: the audit-log actions certificates and claims log,
the administrators' revoke, reissue and retry views (certificates/admin_views.py), the completions,
certificates and PARS reports (certificates/reports/), and a way to the audit log for administrators.

Wagtail refuses to save a log entry whose action is not registered: every action this app logs is
declared here (quiz grading is declared in quizzes/wagtail_hooks.py).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry
from wagtail.permission_policies.pages import PagePermissionPolicy

from certificates import admin_views
from certificates.reports import views as reports
from lms.staff import EXPORT_ACTION, VIEW_REPORTS, DetailFormatter, PermissionMenuItem


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action("antidote.certificate.claimed", "Claim credit", "Credit claimed")
    actions.register_action("antidote.certificate.issued", "Issue certificate", "Certificate issued")
    # Written by the reports' exports (lms/staff.py), the quiz attempts report's too: registered once,
    # here, where the reports permission and the Audit log menu item are.
    actions.register_action(EXPORT_ACTION, "Export report", "Report exported")

    @actions.register_action("antidote.certificate.failed")
    class FailedFormatter(DetailFormatter):
        label = "Certificate rendering failed"
        message = "Certificate rendering failed"

        def detail(self, data: dict[str, Any]) -> str:
            return str(data.get("error") or "")

    @actions.register_action("antidote.certificate.revoked")
    class RevokedFormatter(DetailFormatter):
        label = "Revoke certificate"
        message = "Certificate revoked"

        def detail(self, data: dict[str, Any]) -> str:
            return str(data.get("reason") or "")

    @actions.register_action("antidote.certificate.reissued")
    class ReissuedFormatter(DetailFormatter):
        label = "Reissue certificate"
        message = "Certificate reissued"

        def detail(self, data: dict[str, Any]) -> str:
            new = f"replaced by {data['new_short_code']}" if data.get("new_short_code") else ""
            return "; ".join(part for part in (new, str(data.get("reason") or "")) if part)

    @actions.register_action("antidote.certificate.retried")
    class RetriedFormatter(DetailFormatter):
        label = "Retry certificate rendering"
        message = "Certificate rendering retried"

        def detail(self, data: dict[str, Any]) -> str:
            return f"previous error: {data['previous_error']}" if data.get("previous_error") else ""


@hooks.register("register_admin_urls")
def register_certificate_admin_urls() -> list[URLPattern | URLResolver]:
    """Under /admin/antidote-certificates/ (the actions) and /admin/antidote-reports/ (the reports):
    Wagtail wraps these in its admin-access check (anonymous users go to the admin login); each view
    checks its permission itself (lms/staff.py)."""
    actions = [
        path("<uuid:certificate_id>/revoke/", admin_views.RevokeView.as_view(), name="revoke"),
        path("<uuid:certificate_id>/reissue/", admin_views.ReissueView.as_view(), name="reissue"),
        path("<uuid:certificate_id>/retry/", admin_views.RetryView.as_view(), name="retry"),
    ]
    # Each report with a results-only URL for Wagtail's filter refresh.
    report_urls = [
        path("completions/", reports.CompletionsReportView.as_view(), name="completions"),
        path(
            "completions/results/",
            reports.CompletionsReportView.as_view(results_only=True),
            name="completions_results",
        ),
        path("certificates/", reports.CertificatesReportView.as_view(), name="certificates"),
        path(
            "certificates/results/",
            reports.CertificatesReportView.as_view(results_only=True),
            name="certificates_results",
        ),
        path("pars/", reports.ParsExportView.as_view(), name="pars"),
    ]
    return [
        path("antidote-certificates/", include((actions, "antidote_certificates"))),
        path("antidote-reports/", include((report_urls, "certificate_reports"))),
    ]


def _report_item(label: str, url_name: str, name: str, icon: str, order: int) -> PermissionMenuItem:
    return PermissionMenuItem(label, reverse(url_name), name=name, icon_name=icon, order=order, permission=VIEW_REPORTS)


@hooks.register("register_reports_menu_item")
def register_completions_menu_item() -> MenuItem:
    return _report_item("Completions", "certificate_reports:completions", "antidote-completions", "tick-inverse", 100)


@hooks.register("register_reports_menu_item")
def register_certificates_menu_item() -> MenuItem:
    return _report_item("Certificates", "certificate_reports:certificates", "antidote-certificates", "doc-full", 120)


@hooks.register("register_reports_menu_item")
def register_pars_menu_item() -> MenuItem:
    return _report_item("PARS export", "certificate_reports:pars", "antidote-pars", "download", 130)


class AuditLogMenuItem(MenuItem):
    """Reports > Audit log, for administrators. Wagtail's own "Site history" entry (the same report)
    is shown only to users with a page permission, which administrators deliberately lack."""

    def is_shown(self, request: HttpRequest) -> bool:
        user = request.user
        if not (user.has_perm(VIEW_REPORTS) or user.has_perm("certificates.manage_certificates")):
            return False
        return PagePermissionPolicy().explorable_root_instance(user) is None  # else Wagtail's item shows


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item() -> MenuItem:
    return AuditLogMenuItem(
        "Audit log", reverse("wagtailadmin_reports:site_history"), name="audit-log", icon_name="history", order=1001
    )
