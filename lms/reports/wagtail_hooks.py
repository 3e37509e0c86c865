"""The reports under Wagtail's Reports menu, shown to users who may read them (the views check again)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.reports import urls
from lms.reports.views import VIEW_REPORTS


class ReportsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(VIEW_REPORTS)


@hooks.register("register_admin_urls")
def register_report_urls() -> list[Any]:
    return [path("antidote-reports/", include((urls, "antidote_reports"), namespace="antidote_reports"))]


def _item(label: str, url_name: str, name: str, icon: str, order: int) -> ReportsMenuItem:
    return ReportsMenuItem(label, reverse(url_name), name=name, icon_name=icon, order=order)


@hooks.register("register_reports_menu_item")
def register_completions_menu_item() -> MenuItem:
    return _item("Completions", "antidote_reports:completions", "antidote-completions", "tick-inverse", 100)


@hooks.register("register_reports_menu_item")
def register_quiz_attempts_menu_item() -> MenuItem:
    return _item("Quiz attempts", "antidote_reports:quiz_attempts", "antidote-quiz-attempts", "form", 110)


@hooks.register("register_reports_menu_item")
def register_certificates_menu_item() -> MenuItem:
    return _item("Certificates", "antidote_reports:certificates", "antidote-certificates", "doc-full", 120)


@hooks.register("register_reports_menu_item")
def register_pars_menu_item() -> MenuItem:
    return _item("PARS export", "antidote_reports:pars", "antidote-pars", "download", 130)
