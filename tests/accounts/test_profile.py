"""The clinician profile: what certificates and credit reporting need, validated beside each field."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from django.db import IntegrityError
from django.test import Client

from lms.accounts.models import PROFILE_FIELDS, ClinicianProfile, Profession, User
from lms.accounts.selectors import profile_for
from tests.factories import UserFactory
from tests.html import error_beside

pytestmark = pytest.mark.django_db


PROFILE = "/accounts/profile/"
NPI = "1245319599"
LICENCE_NUMBER = "MD-448812"
NABP_ID = "4471902"


def physician(**overrides: Any) -> dict[str, Any]:
    return {
        "full_name_for_certificate": "Jordan A. Rivera",
        "profession": "physician",
        "degree": "MD",
        "npi": NPI,
        "licence_state": "NY",
        "licence_number": LICENCE_NUMBER,
        "nabp_eprofile_id": "",
        "birth_month": "",
        "birth_day": "",
        **overrides,
    }


def pharmacist(**overrides: Any) -> dict[str, Any]:
    defaults = {
        "profession": "pharmacist",
        "degree": "PharmD",
        "licence_state": "PR",
        "nabp_eprofile_id": NABP_ID,
        "birth_month": "2",
        "birth_day": "29",
    }
    return physician(**{**defaults, **overrides})


@pytest.fixture
def user(client: Client) -> User:
    user = UserFactory.create(first_name="Jordan", last_name="Rivera", confirmed=True)
    client.force_login(user)
    return user


def test_an_anonymous_visitor_is_sent_to_log_in_and_back(client: Client) -> None:
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_the_profile_page_is_never_cached(client: Client, user: User) -> None:
    response = client.get(PROFILE)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_new_profile_starts_from_the_account_name_with_consent_unchecked(client: Client, user: User) -> None:
    html = client.get(PROFILE).content.decode()
    assert html.count("<h1") == 1
    assert 'value="Jordan Rivera"' in html
    consent = re.search(r'<input[^>]*name="pars_consent"[^>]*>', html)
    assert consent and "checked" not in consent.group(0)
    assert "through ACCME&#x27;s PARS" in html
    for field in PROFILE_FIELDS:
        assert f'for="id_{field}"' in html, f"{field} has no label"


def label_of(html: str, field: str) -> str:
    start = html.index(f'for="id_{field}"')
    return html[start : html.index("</label>", start)]


def test_labels_say_optional_only_where_it_is_true_for_the_profession(client: Client, user: User) -> None:
    html = client.get(PROFILE).content.decode()
    for field in ("full_name_for_certificate", "profession", "degree", "licence_state", "licence_number"):
        assert "(optional)" not in label_of(html, field), field
    for field in ("npi", "nabp_eprofile_id", "birth_month", "birth_day"):
        assert "(optional)" in label_of(html, field), field

    client.post(PROFILE, pharmacist())
    html = client.get(PROFILE).content.decode()
    for field in ("nabp_eprofile_id", "birth_month", "birth_day"):
        assert "(optional)" not in label_of(html, field), field

    html = client.post(PROFILE, physician(profession="other", licence_state="ZZ")).content.decode()
    for field in ("licence_state", "licence_number"):
        assert "(optional)" in label_of(html, field), field


def test_a_physician_saves_a_profile_and_no_identifier_reaches_a_url(client: Client, user: User) -> None:
    response = client.post(PROFILE, physician(npi="1245 319 599", pars_consent="on"), follow=True)
    assert response.status_code == 200
    assert "Your profile is saved" in response.content.decode()
    profile = ClinicianProfile.objects.get(user=user)
    assert profile.npi == NPI
    assert profile.licence_state == "NY"
    assert profile.licence_number == LICENCE_NUMBER
    assert profile.is_physician and profile.is_prescriber and not profile.is_pharmacist and not profile.is_nurse
    assert profile.pars_consent and profile.pars_consent_at is not None
    for url, _ in response.redirect_chain:
        for secret in (NPI, LICENCE_NUMBER, "448812"):
            assert secret not in url
    assert profile_for(user=user) == profile


def test_a_pharmacist_saves_their_cpe_monitor_ids_including_29_february(client: Client, user: User) -> None:
    response = client.post(PROFILE, pharmacist())
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    profile = ClinicianProfile.objects.get(user=user)
    assert (profile.nabp_eprofile_id, profile.birth_month, profile.birth_day) == (NABP_ID, 2, 29)
    assert profile.is_pharmacist


def test_editing_updates_the_one_profile(client: Client, user: User) -> None:
    client.post(PROFILE, physician(pars_consent="on"))
    response = client.post(PROFILE, physician(profession="nurse_practitioner", degree="NP", npi=""))
    assert response.status_code == 302
    profile = ClinicianProfile.objects.get(user=user)
    assert profile.profession == Profession.NURSE_PRACTITIONER
    assert profile.npi == ""
    assert profile.is_nurse and profile.is_prescriber
    assert not profile.pars_consent and profile.pars_consent_at is None, "withdrawing consent clears its time"
    html = client.get(PROFILE).content.decode()
    assert 'value="nurse_practitioner" selected' in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (physician(npi="1234567890"), "npi", "check"),
        (physician(npi="123456789"), "npi", "exactly 10 digits"),
        (physician(npi="abcdefghij"), "npi", "exactly 10 digits"),
        (physician(licence_state="ZZ"), "licence_state", "Choose a US state or territory"),
        (physician(licence_state=""), "licence_state", "Choose the state"),
        (physician(licence_number=""), "licence_number", "Enter your license number"),
        (physician(licence_number="=HYPERLINK(1)"), "licence_number", "letters, digits"),
        (physician(full_name_for_certificate=""), "full_name_for_certificate", "required"),
        (physician(profession="surgeon"), "profession", "Choose a profession"),
        (physician(degree=""), "degree", "required"),
        (pharmacist(nabp_eprofile_id=""), "nabp_eprofile_id", "NABP e-Profile ID"),
        (pharmacist(nabp_eprofile_id="12345678"), "nabp_eprofile_id", "at most 7"),
        (pharmacist(nabp_eprofile_id="12a45"), "nabp_eprofile_id", "up to 7 digits"),
        (pharmacist(birth_month=""), "birth_month", "birth month"),
        (pharmacist(birth_day=""), "birth_day", "birth day"),
        (pharmacist(birth_month="2", birth_day="30"), "birth_day", "February has only 29 days"),
        (pharmacist(birth_month="4", birth_day="31"), "birth_day", "April has only 30 days"),
        (pharmacist(birth_month="13"), "birth_month", "Choose a month"),
        (pharmacist(birth_day="0"), "birth_day", "from 1 to 31"),
        (pharmacist(birth_day="tenth"), "birth_day", "from 1 to 31"),
        (physician(birth_month="5"), "birth_day", "as well as the month"),
        (physician(birth_day="5"), "birth_month", "as well as the day"),
    ],
)
def test_bad_profiles_are_refused_beside_the_field_and_nothing_is_saved(
    client: Client, user: User, data: dict[str, Any], field: str, message: str
) -> None:
    response = client.post(PROFILE, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in error_beside(html, field)
    assert 'role="alert"' in html
    assert not ClinicianProfile.objects.exists()


def test_a_pharmacist_missing_every_cpe_monitor_id_sees_each_one_named(client: Client, user: User) -> None:
    html = client.post(PROFILE, pharmacist(nabp_eprofile_id="", birth_month="", birth_day="")).content.decode()
    for field in ("nabp_eprofile_id", "birth_month", "birth_day"):
        error_beside(html, field)
    assert not ClinicianProfile.objects.exists()


def test_a_failed_edit_leaves_the_saved_profile_as_it_was(client: Client, user: User) -> None:
    client.post(PROFILE, physician())
    response = client.post(PROFILE, physician(npi="1234567890", licence_number="CHANGED-1"))
    assert response.status_code == 400
    profile = ClinicianProfile.objects.get(user=user)
    assert (profile.npi, profile.licence_number) == (NPI, LICENCE_NUMBER)


def test_other_professions_may_leave_license_and_npi_blank(client: Client, user: User) -> None:
    data = physician(profession="other", degree="other", npi="", licence_state="", licence_number="")
    assert client.post(PROFILE, data).status_code == 302
    assert ClinicianProfile.objects.get(user=user).licence_state == ""


def test_an_empty_post_names_every_required_field(client: Client, user: User) -> None:
    response = client.post(PROFILE, {})
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("full_name_for_certificate", "profession", "degree"):
        error_beside(html, field)


def test_a_safe_next_is_followed_after_saving_and_an_outside_one_is_not(client: Client, user: User) -> None:
    response = client.post(PROFILE, physician(next="/courses/overdose-prevention/"))
    assert response["Location"] == "/courses/overdose-prevention/"
    response = client.post(PROFILE, physician(next="https://evil.example/"))
    assert response["Location"] == PROFILE


def test_identifiers_never_reach_the_logs(client: Client, user: User, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(PROFILE, pharmacist(npi="1234567890"))  # refused: a 400 is logged
    client.post(PROFILE, pharmacist())  # saved
    assert ClinicianProfile.objects.filter(user=user).exists()
    logged = caplog.text
    assert logged, "expected the requests to log something"
    for secret in (NPI, "1234567890", LICENCE_NUMBER, NABP_ID):
        assert secret not in logged


def test_an_unconfirmed_learner_is_offered_a_new_link_on_the_profile(client: Client) -> None:
    client.force_login(UserFactory.create())
    html = client.get(PROFILE).content.decode()
    assert "Confirm your email address" in html
    assert 'action="/accounts/confirm/resend/"' in html


def test_profile_for_is_none_until_the_profile_exists() -> None:
    from django.contrib.auth.models import AnonymousUser

    user = UserFactory.create()
    assert profile_for(user=AnonymousUser()) is None
    assert profile_for(user=user) is None


def test_the_database_refuses_a_pharmacist_without_cpe_monitor_ids() -> None:
    with pytest.raises(IntegrityError):
        ClinicianProfile.objects.create(
            user=UserFactory.create(), full_name_for_certificate="A B", degree="PharmD", profession="pharmacist"
        )


def test_the_database_refuses_a_birth_month_without_a_day() -> None:
    with pytest.raises(IntegrityError):
        ClinicianProfile.objects.create(
            user=UserFactory.create(),
            full_name_for_certificate="A B",
            degree="MD",
            profession="physician",
            birth_month=3,
        )
