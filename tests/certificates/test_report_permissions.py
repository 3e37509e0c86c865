"""Every role against every report, results fragment and export URL: only administrators get through."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.models import CoursePage
from lms.accounts.models import User
from tests.factories import staff_user
from tests.report_records import claim, enroll, make_learner

# Every report, whichever app owns it (URL names: report page, results fragment).
REPORTS = ["certificate_reports:completions", "quiz_reports:attempts", "certificate_reports:certificates"]


def report_urls(course: CoursePage) -> list[str]:
    urls = []
    for name in REPORTS:
        urls += [
            reverse(name),
            reverse(f"{name}_results"),
            reverse(name) + "?export=csv",
            reverse(name) + "?export=xlsx",
        ]
    pars = reverse("certificate_reports:pars")
    query = f"course={course.pk}&date_from=2026-10-01&date_to=2026-10-31&activity_id=123456789"
    urls += [pars, f"{pars}?{query}"] + [f"{pars}?{query}&export={fmt}" for fmt in ("csv", "xlsx", "left-out-csv")]
    return urls


def clinician() -> User:
    return make_learner("clinician@example.org")


ROLES: dict[str, Callable[[], User | None]] = {
    "anonymous": lambda: None,
    "clinician": clinician,
    "specialist": lambda: staff_user("specialist"),
    "reviewer": lambda: staff_user("reviewer"),
    "administrator": lambda: staff_user("administrator"),
}


def client_for(role: str) -> Client:
    client = Client()
    user = ROLES[role]()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def completed(course: CoursePage) -> None:
    learner = make_learner("learner@example.org")
    claim(enroll(learner, course), day="2026-10-02")


@pytest.mark.parametrize("role", ["anonymous", "clinician"])
def test_users_without_admin_access_are_sent_to_the_admin_login(role: str, course: CoursePage, completed: None) -> None:
    client = client_for(role)
    for url in report_urls(course):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    assert not ModelLogEntry.objects.filter(action="antidote.report.exported").exists()


@pytest.mark.parametrize("role", ["specialist", "reviewer"])
def test_staff_without_the_reports_permission_get_403(role: str, course: CoursePage, completed: None) -> None:
    client = client_for(role)
    for url in report_urls(course):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Permission denied" in response.content.decode(), url
    assert not ModelLogEntry.objects.filter(action="antidote.report.exported").exists()


def test_administrators_read_and_export_every_report(course: CoursePage, completed: None) -> None:
    client = client_for("administrator")
    for url in report_urls(course):
        response = client.get(url)
        assert response.status_code == 200, url
        if "export=" in url:
            assert "attachment" in response["Content-Disposition"], url
    # Three reports x two formats, and three PARS downloads.
    assert ModelLogEntry.objects.filter(action="antidote.report.exported").count() == 9


@pytest.mark.parametrize(("role", "shown"), [("administrator", True), ("specialist", False), ("reviewer", False)])
def test_the_reports_menu_lists_the_reports_only_for_administrators(role: str, shown: bool, course: CoursePage) -> None:
    html = client_for(role).get(reverse("wagtailadmin_home")).content.decode()
    for name in [*REPORTS, "certificate_reports:pars"]:
        assert (reverse(name) in html) is shown, name
