"""Wagtail admin customisation for certificates: the audit-log actions, the administrators' revoke,
reissue and retry views (certificates/admin_views.py), and a way to the audit log for them.

Wagtail refuses to save a log entry whose action is not registered, so every action that
certificates, claims, exports and quiz grading log is declared here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry, LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy

CERTIFICATE_LOG_ACTIONS: list[tuple[str, str, str]] = [
    ("antidote.certificate.claimed", "Claim credit", "Credit claimed"),
    ("antidote.certificate.issued", "Issue certificate", "Certificate issued"),
    ("antidote.certificate.failed", "Certificate rendering failed", "Certificate rendering failed"),
    ("antidote.certificate.revoked", "Revoke certificate", "Certificate revoked"),
    ("antidote.certificate.reissued", "Reissue certificate", "Certificate reissued"),
    ("antidote.certificate.retried", "Retry certificate rendering", "Certificate rendering retried"),
    ("antidote.report.exported", "Export report", "Report exported"),
    ("antidote.quiz.graded", "Grade quiz attempt", "Quiz attempt graded"),
]


def _graded(data: dict[str, Any]) -> str:
    if data.get("score") is None:
        return ""
    outcome = "passed" if data.get("passed") else "not passed"
    return f"{data.get('kind', '')} quiz, attempt {data.get('number', '?')}: {data['score']}%, {outcome}"


def _reissued(data: dict[str, Any]) -> str:
    new = f"replaced by {data['new_short_code']}" if data.get("new_short_code") else ""
    return "; ".join(part for part in (new, str(data.get("reason") or "")) if part)


# What the Site history report shows after an entry's message: the detail an administrator scans
# for (it is escaped by the template). Never personal data: the entries' data holds none.
LOG_DETAILS: dict[str, Callable[[dict[str, Any]], str]] = {
    "antidote.certificate.failed": lambda data: str(data.get("error") or ""),
    "antidote.certificate.revoked": lambda data: str(data.get("reason") or ""),
    "antidote.certificate.reissued": _reissued,
    "antidote.certificate.retried": lambda data: (
        f"previous error: {data['previous_error']}" if data.get("previous_error") else ""
    ),
    "antidote.quiz.graded": _graded,
}


def _formatter(label: str, message: str, detail: Callable[[dict[str, Any]], str] | None) -> type[LogFormatter]:
    def format_message(self: LogFormatter, log_entry: Any) -> str:
        extra = detail(log_entry.data or {}) if detail else ""
        return f"{message}: {extra}" if extra else message

    return type(
        "AntidoteLogFormatter", (LogFormatter,), {"label": label, "message": message, "format_message": format_message}
    )


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions: LogActionRegistry) -> None:
    for action, label, message in CERTIFICATE_LOG_ACTIONS:
        actions.register_action(action)(_formatter(label, message, LOG_DETAILS.get(action)))


@hooks.register("register_admin_urls")
def register_certificate_admin_urls() -> list[URLPattern | URLResolver]:
    """Under /admin/antidote-certificates/: Wagtail wraps these in its admin-access check (anonymous
    users go to the admin login); each view checks certificates.manage_certificates itself."""
    from certificates import admin_views

    urls = [
        path("<uuid:certificate_id>/revoke/", admin_views.RevokeView.as_view(), name="revoke"),
        path("<uuid:certificate_id>/reissue/", admin_views.ReissueView.as_view(), name="reissue"),
        path("<uuid:certificate_id>/retry/", admin_views.RetryView.as_view(), name="retry"),
    ]
    return [path("antidote-certificates/", include((urls, "antidote_certificates"), namespace="antidote_certificates"))]


class AuditLogMenuItem(MenuItem):
    """Reports > Audit log, for administrators. Wagtail's own "Site history" entry (the same report)
    is shown only to users with a page permission, which administrators deliberately lack."""

    def is_shown(self, request: HttpRequest) -> bool:
        user = request.user
        if not (user.has_perm("certificates.view_reports") or user.has_perm("certificates.manage_certificates")):
            return False
        return PagePermissionPolicy().explorable_root_instance(user) is None  # else Wagtail's item shows


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item() -> MenuItem:
    return AuditLogMenuItem(
        "Audit log", reverse("wagtailadmin_reports:site_history"), name="audit-log", icon_name="history", order=1001
    )
