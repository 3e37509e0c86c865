"""Administrators' certificate actions in the Wagtail admin: revoke (with a reason), reissue after a
name correction, retry a failed render. Each refusal leaves everything as it was; only the
Administrators role may act; the verification page, the learner's pages and the audit log say what
happened."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.admin_views import certificates_report_url
from certificates.models import Certificate, CertificateStatus
from certificates.services import certificate_mark_failed, certificate_render
from courses.models import CoursePage
from lms.accounts.models import ClinicianProfile, User
from tests.certificates.test_render_service import BASE_URL, log_actions, make_certificate, stored_pdf
from tests.certificates.test_rendering import accredit, make_profile, pdftotext
from tests.factories import UserFactory, staff_user
from tests.worker import CeleryWorker, wait_until

ACTIONS = ["revoke", "reissue", "retry"]


@pytest.fixture(autouse=True)
def _base_url(settings: Any) -> None:
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def action_url(action: str, certificate: Certificate | str) -> str:
    pk = certificate.pk if isinstance(certificate, Certificate) else certificate
    return reverse(f"antidote_certificates:{action}", args=[pk])


def issued_certificate(course: CoursePage, profession: str = "physician") -> Certificate:
    certificate = make_certificate(course, make_profile(profession))
    assert certificate_render(certificate_id=str(certificate.pk)) is not None
    certificate.refresh_from_db()
    return certificate


def failed_certificate(course: CoursePage) -> Certificate:
    certificate = make_certificate(course, make_profile("physician"))
    Certificate.objects.filter(pk=certificate.pk).update(render_attempts=6)
    assert certificate_mark_failed(
        certificate_id=str(certificate.pk), error="OSError: [Errno 30] Read-only file system"
    )
    certificate.refresh_from_db()
    return certificate


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def snapshot(certificate: Certificate) -> dict[str, Any]:
    """Everything an action could change, to prove a refusal changed nothing."""
    row = Certificate.objects.filter(pk=certificate.pk).values().get()
    return {
        "row": row,
        "certificates": Certificate.objects.filter(user=certificate.user).count(),
        "log": ModelLogEntry.objects.count(),
    }


@pytest.fixture
def accredited(course: CoursePage) -> CoursePage:
    return accredit(course)


@pytest.fixture
def certificate(accredited: CoursePage) -> Certificate:
    return issued_certificate(accredited)


@pytest.fixture
def administrator(db: None) -> User:
    return staff_user("administrator", first_name="Alex", last_name="Morgan")


@pytest.fixture
def admin_client(administrator: User, client: Client) -> Client:
    client.force_login(administrator)
    return client


# The confirmation page


def test_the_confirmation_page_shows_the_learner_course_status_and_code(
    admin_client: Client, certificate: Certificate
) -> None:
    response = admin_client.get(action_url("revoke", certificate))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Jordan A. Rivera, MD" in html
    assert certificate.user.email in html
    assert "Overdose prevention" in html
    assert "Issued" in html
    assert certificate.short_code in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'<textarea[^>]*name="reason"', html)
    assert "Revoke certificate" in html
    assert 'id="wagtail-sidebar"' in html  # the Wagtail admin's own page furniture


def test_an_impossible_action_says_why_on_the_confirmation_page_and_offers_no_button(
    admin_client: Client, certificate: Certificate
) -> None:
    html = admin_client.get(action_url("retry", certificate)).content.decode()

    assert f"Certificate {certificate.short_code} cannot be retried: it is issued" in html
    assert "Retry rendering</button>" not in html


# Revoke


def test_revoking_records_when_who_and_why_and_returns_to_the_reports(
    admin_client: Client, administrator: User, certificate: Certificate
) -> None:
    response = admin_client.post(action_url("revoke", certificate), {"reason": "  Attendance was not verified.  "})

    assert response.status_code == 302
    assert response["Location"] == certificates_report_url()
    assert messages_of(response) == [f"Certificate {certificate.short_code} revoked."]
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_at is not None and certificate.revoked_by == administrator
    assert certificate.revoke_reason == "Attendance was not verified."
    assert certificate.pdf  # the PDF that was issued is kept as the record
    entry = ModelLogEntry.objects.get(object_id=str(certificate.pk), action="antidote.certificate.revoked")
    assert entry.user == administrator
    assert entry.data["reason"] == "Attendance was not verified."
    assert entry.data["short_code"] == certificate.short_code


def test_revoking_without_a_reason_is_refused_and_changes_nothing(
    admin_client: Client, certificate: Certificate
) -> None:
    before = snapshot(certificate)

    for reason in ["", "   "]:
        response = admin_client.post(action_url("revoke", certificate), {"reason": reason})
        assert response.status_code == 400
        assert "This field is required." in response.content.decode()

    assert snapshot(certificate) == before


def test_revoking_twice_is_refused_with_a_message_and_changes_nothing(
    admin_client: Client, certificate: Certificate
) -> None:
    admin_client.post(action_url("revoke", certificate), {"reason": "Duplicate registration."}, follow=True)
    before = snapshot(certificate)

    response = admin_client.post(action_url("revoke", certificate), {"reason": "Again."})

    assert response.status_code == 409
    refusal = f"Certificate {certificate.short_code} cannot be revoked: it is revoked. Nothing was changed."
    assert messages_of(response) == [refusal]
    assert refusal in response.content.decode()
    assert snapshot(certificate) == before
    assert log_actions(certificate).count("antidote.certificate.revoked") == 1


def test_the_verification_page_says_revoked_with_the_date_and_keeps_the_reason_private(
    admin_client: Client, certificate: Certificate
) -> None:
    admin_client.post(action_url("revoke", certificate), {"reason": "Learner asked to withdraw: see ticket 4411."})
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    revoked_on = timezone.localtime(certificate.revoked_at).strftime("%-d %B %Y")

    for response in [
        Client().get(f"/verify/{certificate.verification_token}/"),
        Client().get("/verify/", {"code": certificate.short_code}),
    ]:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Revoked: not valid" in html
        assert f"This certificate was revoked on {revoked_on} and is no longer valid." in html
        assert "Valid</h2>" not in html
        assert "ticket 4411" not in html and "withdraw" not in html


def test_the_learner_sees_the_revocation_and_can_no_longer_download_the_pdf(
    admin_client: Client, certificate: Certificate, client_for: Callable[[User], Client]
) -> None:
    learner = client_for(certificate.user)
    assert learner.get(f"/certificates/{certificate.pk}/download/").status_code == 200
    admin_client.post(action_url("revoke", certificate), {"reason": "Issued in error."})

    status_page = learner.get(f"/certificates/{certificate.pk}/").content.decode()
    assert "Revoked." in status_page and "can no longer be downloaded" in status_page
    assert f"/certificates/{certificate.pk}/download/" not in status_page
    download = learner.get(f"/certificates/{certificate.pk}/download/")
    assert download.status_code == 410
    assert download["Content-Type"].startswith("text/html")
    transcript = learner.get("/transcript/").content.decode()
    assert "<strong>Revoked</strong>" in transcript and "not valid, not counted" in transcript
    assert "No issued certificates yet." in transcript  # the totals leave it out


# Reissue


def test_a_reissue_replaces_the_certificate_with_the_corrected_name_and_a_new_code(
    admin_client: Client, administrator: User, certificate: Certificate, client_for: Callable[[User], Client]
) -> None:
    old_pdf = stored_pdf(certificate)
    ClinicianProfile.objects.filter(user=certificate.user).update(full_name_for_certificate="Jordan A. Rivera-Lopez")
    page = admin_client.get(action_url("reissue", certificate)).content.decode()
    assert "Jordan A. Rivera-Lopez" in page  # the profile's corrected name, beside the printed one

    response = admin_client.post(action_url("reissue", certificate), {"reason": "Surname misspelt."})

    assert response.status_code == 302
    old = Certificate.objects.get(pk=certificate.pk)
    new = Certificate.objects.exclude(pk=certificate.pk).get(user=certificate.user)
    assert old.status == CertificateStatus.SUPERSEDED and old.superseded_by == new
    assert new.status == CertificateStatus.PENDING
    assert new.claim_id == old.claim_id and new.course_id == old.course_id and new.credit_type == old.credit_type
    assert new.short_code != old.short_code and new.verification_token != old.verification_token
    assert new.record["learner_name"] == "Jordan A. Rivera-Lopez"
    unchanged = {k: v for k, v in old.record.items() if k != "learner_name"}
    assert {k: v for k, v in new.record.items() if k != "learner_name"} == unchanged
    assert stored_pdf(old) == old_pdf  # the old PDF is kept as it was
    entry = ModelLogEntry.objects.get(object_id=str(old.pk), action="antidote.certificate.reissued")
    assert entry.user == administrator
    assert entry.data["new_short_code"] == new.short_code and entry.data["reason"] == "Surname misspelt."

    # Until the new one is rendered, the old code says it was replaced, without a link yet.
    verify_old = Client().get(f"/verify/{old.verification_token}/").content.decode()
    assert "replaced by a newer certificate" in verify_old and "still being prepared" in verify_old

    assert certificate_render(certificate_id=str(new.pk)) is not None
    text = pdftotext(stored_pdf(new))
    assert "Jordan A. Rivera-Lopez, MD" in text
    assert new.short_code in text and old.short_code not in text
    verify_old = Client().get(f"/verify/{old.verification_token}/").content.decode()
    assert f'href="/verify/{new.verification_token}/"' in verify_old
    verify_new = Client().get(f"/verify/{new.verification_token}/").content.decode()
    assert "Valid</h2>" in verify_new and "Jordan A. Rivera-Lopez" in verify_new

    learner = client_for(certificate.user)
    old_status = learner.get(f"/certificates/{old.pk}/").content.decode()
    assert f'href="/certificates/{new.pk}/"' in old_status
    assert learner.get(f"/certificates/{old.pk}/download/").status_code == 410
    assert learner.get(f"/certificates/{new.pk}/download/").status_code == 200
    transcript = learner.get("/transcript/").content.decode()
    assert f"/certificates/{new.pk}/" in transcript and f"/certificates/{old.pk}/" not in transcript


def test_a_replaced_certificate_leads_the_verifier_to_its_replacement_even_once_that_is_revoked(
    admin_client: Client, certificate: Certificate
) -> None:
    admin_client.post(action_url("reissue", certificate), {"reason": ""}, follow=True)
    new = Certificate.objects.get(supersedes=certificate.pk)
    certificate_render(certificate_id=str(new.pk))
    admin_client.post(action_url("revoke", new), {"reason": "Claimed for the wrong activity."})

    old_page = Client().get(f"/verify/{certificate.verification_token}/").content.decode()
    assert "replaced by a newer certificate" in old_page
    assert f'href="/verify/{new.verification_token}/"' in old_page
    new_page = Client().get(f"/verify/{new.verification_token}/").content.decode()
    assert "Revoked: not valid" in new_page and "wrong activity" not in new_page


@pytest.mark.parametrize("state", ["revoked", "superseded", "failed", "pending"])
def test_reissuing_a_certificate_that_is_not_issued_is_refused(
    admin_client: Client, accredited: CoursePage, state: str
) -> None:
    if state == "failed":
        certificate = failed_certificate(accredited)
    elif state == "pending":
        certificate = make_certificate(accredited, make_profile("physician"))
    else:
        certificate = issued_certificate(accredited)
        admin = staff_user("administrator")
        if state == "revoked":
            services.certificate_revoke(certificate=certificate, by=admin, reason="Issued in error.")
        else:
            services.certificate_reissue(certificate=certificate, by=admin)
    before = snapshot(certificate)

    response = admin_client.post(action_url("reissue", certificate), {"reason": ""})

    assert response.status_code == 409
    [message] = messages_of(response)
    assert message.startswith(f"Certificate {certificate.short_code} cannot be reissued: it is ")
    assert message.endswith("Nothing was changed.")
    assert snapshot(certificate) == before


def test_a_reissue_without_a_profile_is_refused(admin_client: Client, certificate: Certificate) -> None:
    ClinicianProfile.objects.filter(user=certificate.user).delete()
    before = snapshot(certificate)

    response = admin_client.post(action_url("reissue", certificate), {"reason": ""})

    assert response.status_code == 409
    assert "has no profile to take the corrected name from" in messages_of(response)[0]
    assert snapshot(certificate) == before


# Retry


def test_retry_puts_a_failed_certificate_back_to_pending_and_it_renders(
    admin_client: Client, administrator: User, accredited: CoursePage
) -> None:
    certificate = failed_certificate(accredited)
    assert "Read-only file system" in admin_client.get(action_url("retry", certificate)).content.decode()

    response = admin_client.post(action_url("retry", certificate))

    assert response.status_code == 302
    assert messages_of(response) == [f"Certificate {certificate.short_code} queued for rendering again."]
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PENDING
    assert certificate.render_attempts == 0 and certificate.error == "" and certificate.render_started_at is None
    entry = ModelLogEntry.objects.get(object_id=str(certificate.pk), action="antidote.certificate.retried")
    assert entry.user == administrator
    assert entry.data["previous_error"] == "OSError: [Errno 30] Read-only file system"

    assert certificate_render(certificate_id=str(certificate.pk)) is not None
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED and certificate.render_attempts == 1
    assert "Jordan A. Rivera, MD" in pdftotext(stored_pdf(certificate))


@pytest.mark.parametrize("state", ["issued", "pending", "revoked"])
def test_retrying_a_certificate_that_has_not_failed_is_refused(
    admin_client: Client, accredited: CoursePage, state: str
) -> None:
    if state == "pending":
        certificate = make_certificate(accredited, make_profile("physician"))
    else:
        certificate = issued_certificate(accredited)
        if state == "revoked":
            services.certificate_revoke(certificate=certificate, by=staff_user("administrator"), reason="Error.")
    before = snapshot(certificate)

    response = admin_client.post(action_url("retry", certificate))

    assert response.status_code == 409
    [message] = messages_of(response)
    assert message.startswith(f"Certificate {certificate.short_code} cannot be retried: it is ")
    assert snapshot(certificate) == before


def test_revoking_a_failed_certificate_is_refused(admin_client: Client, accredited: CoursePage) -> None:
    certificate = failed_certificate(accredited)
    before = snapshot(certificate)

    response = admin_client.post(action_url("revoke", certificate), {"reason": "Not needed."})

    assert response.status_code == 409
    assert "cannot be revoked: it is marked failed (retry it instead)" in messages_of(response)[0]
    assert snapshot(certificate) == before


# Who may act


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ["anonymous", "clinician", "specialist", "reviewer"])
def test_only_administrators_may_see_or_use_the_actions(
    accredited: CoursePage, certificate: Certificate, action: str, role: str
) -> None:
    client = Client()
    if role == "clinician":
        client.force_login(certificate.user)  # the learner themself, even
    elif role != "anonymous":
        client.force_login(staff_user(role))
    before = snapshot(certificate)

    get = client.get(action_url(action, certificate))
    post = client.post(action_url(action, certificate), {"reason": "Because."})

    for response in (get, post):
        if role in ("anonymous", "clinician"):  # Wagtail's own admin check: to the admin login
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
        else:
            assert response.status_code == 403
            assert "Permission denied" in response.content.decode()
    assert snapshot(certificate) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_administrators_may_open_every_action(admin_client: Client, certificate: Certificate, action: str) -> None:
    assert admin_client.get(action_url(action, certificate)).status_code == 200


def test_a_staff_user_without_the_role_but_with_the_permission_alone_may_act(
    certificate: Certificate, client_for: Callable[[User], Client]
) -> None:
    """The check is the permission, not the group's name."""
    from django.contrib.auth.models import Permission

    user = cast(User, UserFactory(email="delegate@example.org"))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__model="certificate", codename="manage_certificates"),
    )
    response = client_for(user).post(action_url("revoke", certificate), {"reason": "Delegated."})
    assert response.status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).status == CertificateStatus.REVOKED


@pytest.mark.parametrize("action", ACTIONS)
def test_an_unknown_certificate_is_not_found(admin_client: Client, certificate: Certificate, action: str) -> None:
    assert admin_client.get(action_url(action, "0b4a6b0e-5f0e-4b57-9a39-1c1b7e1e4a11")).status_code == 404
    assert admin_client.post(action_url(action, "0b4a6b0e-5f0e-4b57-9a39-1c1b7e1e4a11")).status_code == 404
    assert admin_client.get(f"/admin/antidote-certificates/not-a-uuid/{action}/").status_code == 404


def test_a_post_without_the_csrf_token_is_refused(administrator: User, certificate: Certificate) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    before = snapshot(certificate)

    response = client.post(action_url("revoke", certificate), {"reason": "Forged."})

    assert response.status_code == 403
    assert snapshot(certificate) == before


# Double submits


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("action", ["revoke", "reissue"])
def test_two_administrators_submitting_at_once_act_once(
    course_factory: Callable[[], CoursePage], action: str, client_for: Callable[[User], Client]
) -> None:
    certificate = issued_certificate(accredit(course_factory()))
    clients = [client_for(staff_user("administrator")) for _ in range(2)]
    barrier = threading.Barrier(2, timeout=30)
    statuses: list[int] = []

    def submit(client: Client) -> None:
        barrier.wait()
        statuses.append(client.post(action_url(action, certificate), {"reason": "Both clicked."}).status_code)

    threads = [threading.Thread(target=submit, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert sorted(statuses) == [302, 409]
    assert log_actions(certificate).count(f"antidote.certificate.{action}d") == 1
    certificates = Certificate.objects.filter(user=certificate.user)
    assert certificates.count() == (2 if action == "reissue" else 1)


# Through a real worker: the retried and the reissued certificates are enqueued after commit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_retried_and_reissued_certificates_are_rendered_by_the_worker(
    course_factory: Callable[[], CoursePage],
    celery_worker: CeleryWorker,
    media_root: Path,
    client_for: Callable[[User], Client],
) -> None:
    course = accredit(course_factory())
    admin = client_for(staff_user("administrator"))
    failed = failed_certificate(course)

    assert admin.post(action_url("retry", failed)).status_code == 302
    wait_until(
        lambda: Certificate.objects.get(pk=failed.pk).status == CertificateStatus.ISSUED,
        step="the worker to issue the retried certificate",
        timeout=30,
        logs=celery_worker.log,
    )

    ClinicianProfile.objects.filter(user=failed.user).update(full_name_for_certificate="Jordan Alexis Rivera")
    assert admin.post(action_url("reissue", failed), {"reason": "Middle name in full."}).status_code == 302
    new = Certificate.objects.get(supersedes=failed.pk)
    wait_until(
        lambda: Certificate.objects.get(pk=new.pk).status == CertificateStatus.ISSUED,
        step="the worker to issue the reissued certificate",
        timeout=30,
        logs=celery_worker.log,
    )
    text = pdftotext(stored_pdf(new))
    assert "Jordan Alexis Rivera, MD" in text
