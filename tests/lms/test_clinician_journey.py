"""The whole of a new clinician's first visit, as one story: register, confirm, profile, enroll,
disclosures, modules in order, log out and back in, and the dashboard shows where they are."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from django.core import mail
from django.test import Client
from django.utils import timezone

from courses.models import CoursePage, ModulePage, ModuleProgress
from lms.accounts.models import ClinicianProfile, User

PASSWORD = "naloxone-saves-lives-42"


def test_a_new_clinician_gets_from_registration_to_the_second_module(
    client: Client, course: CoursePage, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    # Register: one email with a confirmation link.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/register/",
            {
                "email": "sam.lee@clinic.example",
                "first_name": "Sam",
                "last_name": "Lee",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302, "registration refused"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://testserver(/accounts/confirm/[^\s/]+/)", mail.outbox[0].body)
    assert link, "no confirmation link in the email"

    # Before confirming, enrolling is refused with a reason.
    assert client.post(f"/learn/courses/{course.pk}/enroll/").status_code == 403

    # Confirm (POST: a mail scanner's GET must not confirm), then fill the profile.
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert User.objects.get(email="sam.lee@clinic.example").email_confirmed
    response = client.post(
        "/accounts/profile/",
        {
            "full_name_for_certificate": "Sam Lee",
            "profession": "physician",
            "degree": "DO",
            "npi": "1245319599",
            "licence_state": "OH",
            "licence_number": "OH-12345",
            "nabp_eprofile_id": "",
            "birth_month": "",
            "birth_day": "",
            "pars_consent": "on",
        },
    )
    assert response.status_code == 302, "profile refused"
    assert ClinicianProfile.objects.get(user__email="sam.lee@clinic.example").pars_consent

    # Enroll from the course page; disclosures come first.
    assert "Enroll in this course" in client.get(course.url).content.decode()
    response = client.post(f"/learn/courses/{course.pk}/enroll/")
    assert response["Location"] == f"/learn/courses/{course.pk}/disclosures/"
    disclosures = client.get(response["Location"]).content.decode()
    assert "Dana Whitfield" in disclosures
    first, second, third = ModulePage.objects.child_of(course).order_by("path")
    response = client.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"})
    assert response["Location"] == first.url

    # Module 1: open it, spend the minimum time (the clock is the only thing faked), complete it.
    assert "Mark this module complete" in client.get(first.url).content.decode()
    assert "This module is locked" in client.get(third.url).content.decode()
    ModuleProgress.objects.filter(module=first).update(last_seen_at=timezone.now() - datetime.timedelta(minutes=9))
    response = client.post(f"/learn/modules/{first.pk}/complete/")
    assert response["Location"] == second.url
    client.get(second.url)

    # Log out and back in: the progress is where it was, and the dashboard says what is next.
    client.post("/accounts/logout/")
    assert client.get("/dashboard/").status_code == 302
    response = client.post("/accounts/login/", {"username": "sam.lee@clinic.example", "password": PASSWORD})
    assert response.status_code == 302, "login refused"
    dashboard = client.get("/dashboard/").content.decode()
    assert course.title in dashboard
    assert "1 of 3 modules complete" in dashboard
    assert f"Continue: {second.title}" in dashboard
    assert second.url in dashboard
