from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Administrators' reports and exports: completions, quiz attempts, certificates, PARS."""

    name = "lms.reports"
    label = "reports"
    verbose_name = "Reports"
