"""Wagtail admin customisation for certificates: the audit-log actions they write.

Wagtail refuses to save a log entry whose action is not registered, so every action that
certificates, claims and exports log is declared here.
"""

from __future__ import annotations

from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

CERTIFICATE_LOG_ACTIONS: list[tuple[str, str, str]] = [
    ("antidote.certificate.claimed", "Claim credit", "Credit claimed"),
    ("antidote.certificate.issued", "Issue certificate", "Certificate issued"),
    ("antidote.certificate.failed", "Certificate rendering failed", "Certificate rendering failed"),
    ("antidote.certificate.revoked", "Revoke certificate", "Certificate revoked"),
    ("antidote.certificate.reissued", "Reissue certificate", "Certificate reissued"),
    ("antidote.report.exported", "Export report", "Report exported"),
]


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions: LogActionRegistry) -> None:
    for action, label, message in CERTIFICATE_LOG_ACTIONS:
        actions.register_action(action, label, message)
