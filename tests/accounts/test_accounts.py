"""Registration, email confirmation, login (and its lockout), logout, password change and reset."""

from __future__ import annotations

import base64
import re
import smtplib
import time
from collections.abc import Callable
from typing import Any
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError
from django.test import Client

from lms.accounts import services
from lms.accounts.models import User
from lms.accounts.selectors import user_can_enroll
from tests.factories import UserFactory
from tests.html import error_beside

pytestmark = pytest.mark.django_db


REGISTER = "/accounts/register/"
LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"
RESEND = "/accounts/confirm/resend/"
PROFILE = "/accounts/profile/"
GOOD_PASSWORD = "naloxone-saves-lives-42"
LOCKOUT_MESSAGE = "Too many failed attempts: this account is locked for 15 minutes from this device/network"


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("connection refused")


def registration(**overrides: str) -> dict[str, str]:
    return {
        "email": "jordan.rivera@clinic.example",
        "first_name": "Jordan",
        "last_name": "Rivera",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        **overrides,
    }


@pytest.fixture
def register(client: Client, django_capture_on_commit_callbacks: Callable[..., Any]) -> Callable[..., Any]:
    """POST the registration form, running the after-commit email as a real request would."""

    def post(**overrides: str) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(REGISTER, registration(**overrides))

    return post


def confirmation_link() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^\s]+/accounts/confirm/[^\s/]+/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(0)


# Registration


def test_the_registration_page_has_a_labelled_field_for_everything_and_is_not_cached(client: Client) -> None:
    response = client.get(REGISTER)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for field in ("email", "first_name", "last_name", "password1", "password2"):
        assert f'for="id_{field}"' in html
    assert "no-store" in response["Cache-Control"]


def test_registering_creates_an_unconfirmed_account_logs_in_and_emails_one_link(
    client: Client, register: Callable[..., Any]
) -> None:
    response = register(email="Jordan.Rivera@Clinic.example")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm/sent/"
    user = User.objects.get()
    assert user.email == "jordan.rivera@clinic.example"
    assert (user.first_name, user.last_name) == ("Jordan", "Rivera")
    assert not user.email_confirmed
    assert not user_can_enroll(user=user)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jordan.rivera@clinic.example"]
    page = client.get("/accounts/confirm/sent/").content.decode()
    assert "jordan.rivera@clinic.example" in page
    assert "Send a new link" in page


def test_the_emailed_link_confirms_the_address_and_leads_to_the_profile(
    client: Client, register: Callable[..., Any]
) -> None:
    register()
    link = confirmation_link()
    path = link.split("testserver", 1)[1]
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirm my email address" in page.content.decode()
    assert not User.objects.get().email_confirmed, "a GET (a mail scanner) must not confirm"

    response = client.post(path, follow=True)
    user = User.objects.get()
    assert user.email_confirmed
    assert user_can_enroll(user=user)
    assert response.redirect_chain[-1][0] == PROFILE
    assert "complete your clinician profile" in response.content.decode()


def test_confirming_twice_keeps_the_first_confirmation_time(client: Client, register: Callable[..., Any]) -> None:
    register()
    path = confirmation_link().split("testserver", 1)[1]
    client.post(path)
    first = User.objects.get().email_confirmed_at
    client.post(path)
    assert User.objects.get().email_confirmed_at == first


def test_a_link_opened_while_logged_out_confirms_and_asks_to_log_in(client: Client) -> None:
    user = UserFactory.create()
    path = services.email_confirmation_url(user=user, base_url="http://testserver/").split("testserver", 1)[1]
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")
    user.refresh_from_db()
    assert user.email_confirmed


def test_the_confirmation_token_carries_no_email_address() -> None:
    user = UserFactory.create(email="private.person@clinic.example")
    token = services.email_confirmation_token(user=user)
    payload = token.split(":")[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
    for text in (token, decoded):
        assert "private.person" not in text
        assert "clinic.example" not in text


def test_a_tampered_token_answers_400_and_changes_nothing(client: Client, register: Callable[..., Any]) -> None:
    register()
    path = confirmation_link().split("testserver", 1)[1]
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    for method in (client.get, client.post):
        response = method(f"/accounts/confirm/{tampered}/")
        assert response.status_code == 400
        html = response.content.decode()
        assert "This confirmation link does not work" in html
        assert "Send a new link" in html
    assert not User.objects.get().email_confirmed


@pytest.mark.parametrize("token", ["not-a-token", "abc:def:ghi", "x" * 500, "%00"])
def test_garbage_tokens_answer_400(client: Client, token: str) -> None:
    assert client.get(f"/accounts/confirm/{token}/").status_code == 400


def test_an_expired_token_answers_400_says_so_and_changes_nothing(client: Client) -> None:
    user = UserFactory.create()
    four_days_ago = time.time() - 4 * 24 * 3600
    with patch("django.core.signing.time.time", return_value=four_days_ago):
        path = services.email_confirmation_url(user=user, base_url="http://testserver/").split("testserver", 1)[1]
    response = client.post(path)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    user.refresh_from_db()
    assert not user.email_confirmed


def test_a_token_still_works_just_inside_three_days(client: Client) -> None:
    user = UserFactory.create()
    almost_three_days_ago = time.time() - 3 * 24 * 3600 + 60
    with patch("django.core.signing.time.time", return_value=almost_three_days_ago):
        path = services.email_confirmation_url(user=user, base_url="http://testserver/").split("testserver", 1)[1]
    assert client.post(path).status_code == 302
    user.refresh_from_db()
    assert user.email_confirmed


def test_a_token_dies_when_the_address_changes(client: Client) -> None:
    user = UserFactory.create(email="old@clinic.example")
    path = services.email_confirmation_url(user=user, base_url="http://testserver/").split("testserver", 1)[1]
    User.objects.filter(pk=user.pk).update(email="new@clinic.example")
    assert client.post(path).status_code == 400
    user.refresh_from_db()
    assert not user.email_confirmed


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"password1": "short-pw1", "password2": "short-pw1"}, "password1", "too short"),
        ({"password1": "password1234", "password2": "password1234"}, "password1", "too common"),
        ({"password1": "4815162342108", "password2": "4815162342108"}, "password1", "entirely numeric"),
        ({"password2": "naloxone-saves-lives-43"}, "password2", "do not match"),
        ({"first_name": ""}, "first_name", "required"),
        ({"last_name": "   "}, "last_name", "required"),
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"email": ""}, "email", "required"),
    ],
)
def test_bad_registrations_are_refused_beside_the_field(
    register: Callable[..., Any], overrides: dict[str, str], field: str, message: str
) -> None:
    response = register(**overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in error_beside(html, field)
    assert 'role="alert"' in html
    assert not User.objects.exists()
    assert mail.outbox == []


def test_a_password_like_the_email_is_refused(register: Callable[..., Any]) -> None:
    response = register(email="naloxone.saves@clinic.example", password1="naloxone.saves", password2="naloxone.saves")
    assert "too similar" in error_beside(response.content.decode(), "password1")
    assert not User.objects.exists()


def test_a_taken_email_is_refused_whatever_its_case(register: Callable[..., Any]) -> None:
    UserFactory.create(email="jordan.rivera@clinic.example")
    response = register(email="JORDAN.Rivera@clinic.EXAMPLE")
    assert response.status_code == 400
    assert "already uses this email address" in error_beside(response.content.decode(), "email")
    assert User.objects.count() == 1
    assert mail.outbox == []


def test_an_empty_post_shows_the_messages_rather_than_a_blank_form(client: Client) -> None:
    response = client.post(REGISTER, {})
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("email", "first_name", "last_name", "password1", "password2"):
        error_beside(html, field)


def test_two_sign_ups_racing_for_one_address_create_one_account() -> None:
    services.user_register(
        email="race@clinic.example", password=GOOD_PASSWORD, first_name="A", last_name="B", base_url="/"
    )
    with pytest.raises(services.EmailTakenError):
        services.user_register(
            email="Race@Clinic.example", password=GOOD_PASSWORD, first_name="C", last_name="D", base_url="/"
        )
    assert User.objects.count() == 1


def test_the_database_refuses_an_address_that_is_not_lower_case() -> None:
    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(email="Mixed@Clinic.example")])


def test_a_logged_in_learner_visiting_registration_goes_to_their_profile(client: Client) -> None:
    client.force_login(UserFactory.create())
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"] == PROFILE


def test_registration_still_succeeds_when_the_mail_server_is_down(
    client: Client, register: Callable[..., Any], settings: Any
) -> None:
    settings.EMAIL_BACKEND = "tests.accounts.test_accounts.FailingEmailBackend"
    response = register()
    assert response.status_code == 302
    assert User.objects.count() == 1
    response = client.post(RESEND, follow=True)
    assert response.status_code == 200
    assert "could not send the email" in response.content.decode()


# Resending the link


def test_resending_sends_a_new_working_link(client: Client) -> None:
    user = UserFactory.create()
    client.force_login(user)
    response = client.post(RESEND, follow=True)
    assert response.status_code == 200
    assert "We sent a new confirmation link" in response.content.decode()
    client.post(confirmation_link().split("testserver", 1)[1])
    user.refresh_from_db()
    assert user.email_confirmed


def test_asking_again_within_a_minute_sends_nothing_more(client: Client) -> None:
    client.force_login(UserFactory.create())
    client.post(RESEND)
    response = client.post(RESEND, follow=True)
    assert response.status_code == 200
    assert "less than a minute ago" in response.content.decode()
    assert len(mail.outbox) == 1


def test_a_confirmed_learner_asking_for_a_link_gets_none(client: Client) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    response = client.post(RESEND, follow=True)
    assert "already confirmed" in response.content.decode()
    assert mail.outbox == []


def test_an_anonymous_resend_goes_to_login_then_the_profile(client: Client) -> None:
    response = client.post(RESEND)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/accounts/profile/"
    assert mail.outbox == []


@pytest.mark.parametrize("url", [LOGOUT, RESEND])
def test_post_only_endpoints_refuse_get_with_405(client: Client, url: str) -> None:
    client.force_login(UserFactory.create())
    assert client.get(url).status_code == 405


# Who may enroll


def test_only_a_signed_in_active_learner_with_a_confirmed_address_can_enroll() -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not user_can_enroll(user=AnonymousUser())
    assert not user_can_enroll(user=None)
    assert not user_can_enroll(user=UserFactory.create())
    assert user_can_enroll(user=UserFactory.create(confirmed=True))
    assert not user_can_enroll(user=UserFactory.create(confirmed=True, is_active=False))


# Login, lockout and logout


def test_the_login_page_offers_registration_and_password_reset(client: Client) -> None:
    html = client.get(LOGIN).content.decode()
    assert 'href="/accounts/register/"' in html and "Create an account" in html
    assert 'href="/accounts/password/reset/"' in html and "Forgot your password?" in html


def test_login_ignores_the_case_of_the_email_and_rotates_the_session(client: Client) -> None:
    user = UserFactory.create(email="casey@clinic.example")
    client.get(LOGIN)
    client.session.save()
    before = client.session.session_key
    response = client.post(LOGIN, {"username": "Casey@Clinic.Example", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session.session_key != before


def test_five_failures_lock_the_account_and_the_page_says_so(client: Client) -> None:
    UserFactory.create(email="casey@clinic.example")
    for _ in range(4):
        response = client.post(LOGIN, {"username": "casey@clinic.example", "password": "wrong-password"})
        assert response.status_code == 200
        assert "enter a correct email address and password" in response.content.decode()
    response = client.post(LOGIN, {"username": "casey@clinic.example", "password": "wrong-password"})
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKOUT_MESSAGE in html
    assert html.count("<h1") == 1

    # Even the right password, in any case of the address, is refused until the lock ends.
    response = client.post(LOGIN, {"username": "CASEY@clinic.example", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_and_network(client: Client) -> None:
    UserFactory.create(email="casey@clinic.example")
    other = UserFactory.create(email="dana@clinic.example")
    for _ in range(5):
        client.post(LOGIN, {"username": "casey@clinic.example", "password": "wrong-password"})
    response = client.post(LOGIN, {"username": "dana@clinic.example", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_logout_by_post_ends_the_session(client: Client) -> None:
    client.force_login(UserFactory.create())
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# Password change and reset


def test_changing_the_password_needs_the_old_one_and_keeps_the_learner_logged_in(client: Client) -> None:
    user = UserFactory.create()
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD},
    )
    assert response.status_code == 200
    assert "incorrectly" in error_beside(response.content.decode(), "old_password")

    response = client.post(
        "/accounts/password/change/",
        {"old_password": "a-long-test-password", "new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_password_change_page_needs_a_login(client: Client) -> None:
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


def _reset_link() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"http://testserver(/accounts/password/reset/[^\s/]+/[^\s/]+/)", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1)


def test_a_password_reset_sets_a_new_password_through_the_emailed_link(client: Client) -> None:
    user = UserFactory.create(email="casey@clinic.example")
    response = client.post("/accounts/password/reset/", {"email": "Casey@Clinic.example"}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/done/"
    assert mail.outbox[0].subject == "Reset your Antidote password"
    response = client.get(_reset_link(), follow=True)
    set_password_url = response.redirect_chain[-1][0]
    assert "Set a new password" in response.content.decode()
    response = client.post(
        set_password_url, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/complete/"
    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@clinic.example"}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/done/"
    assert mail.outbox == []


def test_a_broken_reset_link_answers_400(client: Client) -> None:
    user = UserFactory.create()
    client.post("/accounts/password/reset/", {"email": user.email})
    link = _reset_link()
    response = client.get(link[:-3] + "xx/", follow=True)
    assert response.status_code == 400
    assert "This reset link does not work" in response.content.decode()


def test_resetting_the_password_lifts_a_login_lockout(client: Client) -> None:
    UserFactory.create(email="casey@clinic.example")
    for _ in range(5):
        client.post(LOGIN, {"username": "casey@clinic.example", "password": "wrong-password"})
    assert client.post(LOGIN, {"username": "casey@clinic.example", "password": "x"}).status_code == 429

    client.post("/accounts/password/reset/", {"email": "casey@clinic.example"})
    set_password_url = client.get(_reset_link(), follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})

    response = client.post(LOGIN, {"username": "casey@clinic.example", "password": GOOD_PASSWORD})
    assert response.status_code == 302


def test_a_password_reset_when_the_mail_server_is_down_is_no_error_page(client: Client, settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.accounts.test_accounts.FailingEmailBackend"
    user = UserFactory.create()
    response = client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
