"""The staff-admin plumbing (lms/staff.py): the one permission check every app's admin pages use,
and the formula guard on its own (what is neutralised and what is left as it is)."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import cast

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from courses.models import CoursePage
from lms.accounts.models import User
from lms.staff import FORBIDDEN_TEMPLATE, neutralise_formula
from tests.factories import UserFactory, staff_user

# One page per admin area, each owned by a different app, and the sentence its 403 says.
REPORT = (reverse("certificate_reports:completions"), "Reports, exports and PARS files are for administrators.")
QUIZ_REPORT = (reverse("quiz_reports:attempts"), "Reports, exports and PARS files are for administrators.")
# An id that does not exist: the refusal comes before the lookup, so it is a 403, not a 404.
CERTIFICATE_ACTION = (
    reverse("antidote_certificates:revoke", args=[uuid.uuid4()]),
    "Revoking, reissuing and retrying certificates is for administrators",
)
ANALYTICS = (reverse("antidote_analytics:index"), "You do not have permission to view course analytics.")


def refusal(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 403, url
    assert [t.name for t in response.templates][0] == FORBIDDEN_TEMPLATE, url
    return response.content.decode()


def test_one_permission_check_refuses_staff_in_every_admin_area_with_the_same_page(course: CoursePage) -> None:
    """A report (certificates), a report (quizzes), a certificate action and course analytics: the
    same 403 page, each saying whose the page is; a specialist meets it on the first three, and a
    staff user with admin access but no role on all four."""
    specialist = Client()
    specialist.force_login(staff_user("specialist"))
    for url, reason in (REPORT, QUIZ_REPORT, CERTIFICATE_ACTION):
        html = refusal(specialist, url)
        assert "Permission denied" in html and reason in html, url
    assert specialist.get(ANALYTICS[0]).status_code == 200

    no_role = cast(User, UserFactory(email="no-role@example.org"))
    no_role.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    bare = Client()
    bare.force_login(no_role)
    for url, reason in (REPORT, QUIZ_REPORT, CERTIFICATE_ACTION, ANALYTICS):
        assert reason in refusal(bare, url), url


def test_anonymous_users_go_to_the_admin_login_from_every_admin_area(db: None) -> None:
    for url, _reason in (REPORT, QUIZ_REPORT, CERTIFICATE_ACTION, ANALYTICS):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


# The formula guard


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", '=HYPERLINK("x")'])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["Ana Alvarez", "", "a=b", "O'Neil", " =1", "1-2"])
def test_other_text_is_unchanged(text: str) -> None:
    assert neutralise_formula(text) == text


@pytest.mark.parametrize("value", [None, -3, Decimal("-0.75"), 2.5, datetime.date(2026, 10, 1)])
def test_numbers_dates_and_empty_cells_stay_typed(value: object) -> None:
    assert neutralise_formula(value) is value
