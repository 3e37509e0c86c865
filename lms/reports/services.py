"""Writes of the reports app: the audit-log entry every export leaves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.log_actions import log

if TYPE_CHECKING:
    from lms.accounts.models import User

EXPORT_ACTION = "antidote.report.exported"


def report_export_log(*, user: User, report: str, export_format: str, filters: dict[str, str], rows: int) -> None:
    """Record an export in Wagtail's audit log (registered in certificates/wagtail_hooks.py).

    A report is not a model instance, and Wagtail's log needs one: the entry is filed under the
    exporting user (a ``ModelLogEntry`` on the user), whose name the audit log shows beside
    "Report exported". The data says which report, in which format, with which filters (ids, codes
    and dates only) and how many rows: never a learner's name or identifier.
    """
    log(
        instance=user,
        action=EXPORT_ACTION,
        user=user,
        data={"report": report, "format": export_format, "filters": filters, "rows": rows},
    )
