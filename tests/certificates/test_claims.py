"""Evaluation, eligibility, claiming credit, status, download, transcript and public verification."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus, CreditClaim
from courses.models import CoursePage, Enrollment, EvaluationResponse
from lms.accounts.models import User
from tests.factories import (
    EVALUATION,
    ClinicianFactory,
    EnrollmentFactory,
    ModuleProgressFactory,
    UserFactory,
    modules_of,
    publish,
    ready_to_claim,
)


@pytest.fixture
def ready(
    client: Client, learner_ready_to_claim: User, evaluated_course: CoursePage
) -> tuple[Client, User, CoursePage]:
    """A physician who finished every module and the evaluation, logged in."""
    client.force_login(learner_ready_to_claim)
    return client, learner_ready_to_claim, evaluated_course


def enrolled_clinician(course: CoursePage, **clinician: Any) -> User:
    """A physician with a profile, enrolled and acknowledged, nothing done yet."""
    user = ClinicianFactory.create(profile__full_name_for_certificate="Avery Q. Claimant", **clinician)
    EnrollmentFactory.create(user=user, course=course, acknowledged=True)
    return user


def finish_modules(user: User, course: CoursePage) -> None:
    enrollment = Enrollment.objects.get(user=user, course=course)
    for module in modules_of(course):
        ModuleProgressFactory.create(enrollment=enrollment, module=module, complete=True)


# Evaluation


def test_the_evaluation_waits_for_the_modules(client: Client, evaluated_course: CoursePage) -> None:
    client.force_login(enrolled_clinician(evaluated_course))
    response = client.get(f"/learn/courses/{evaluated_course.pk}/evaluation/")
    assert response.status_code == 409
    expected = "The evaluation opens once the steps before it are done: Complete 3 more modules."
    assert expected in response.content.decode()


def test_the_evaluation_requires_the_likert_items_and_keeps_answers(
    client: Client, evaluated_course: CoursePage
) -> None:
    user = enrolled_clinician(evaluated_course)
    finish_modules(user, evaluated_course)
    client.force_login(user)
    url = f"/learn/courses/{evaluated_course.pk}/evaluation/"
    blocks = list(evaluated_course.evaluation)
    response = client.post(url, {f"e-{blocks[2].id}": "Offer naloxone at 50 MME/day."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose how much you agree." in html and "Offer naloxone at 50 MME/day." in html
    assert not EvaluationResponse.objects.exists()
    response = client.post(url, {f"e-{blocks[0].id}": "9"})
    assert response.status_code == 400 and "Choose one of the five answers." in response.content.decode()
    response = client.post(url, {f"e-{blocks[0].id}": "5", f"e-{blocks[2].id}": "Co-prescribe naloxone."})
    assert response.status_code == 302
    assert response["Location"] == f"/certificates/claim/{evaluated_course.pk}/"
    saved = EvaluationResponse.objects.get()
    assert saved.items[0]["question"] == "The content was free of commercial bias." and saved.items[0]["answer"] == "5"
    assert saved.items[2]["answer"] == "Co-prescribe naloxone."


# Claiming


def test_the_claim_page_says_exactly_what_is_missing(client: Client, evaluated_course: CoursePage) -> None:
    client.force_login(enrolled_clinician(evaluated_course))
    html = client.get(f"/certificates/claim/{evaluated_course.pk}/").content.decode()
    assert "Complete 3 more modules" in html and "Complete the course evaluation" in html
    response = client.post(f"/certificates/claim/{evaluated_course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert response.status_code == 409
    assert not CreditClaim.objects.exists() and not Certificate.objects.exists()


def test_a_claim_writes_the_claim_and_a_pending_certificate_with_a_frozen_record(
    ready: tuple[Client, User, CoursePage], django_capture_on_commit_callbacks: Any
) -> None:
    client, user, course = ready
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/certificates/claim/{course.pk}/", {"credits": "0.75", "attest": "yes"})
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert response["Location"] == f"/certificates/{certificate.pk}/"
    assert len(callbacks) == 1, "rendering is enqueued after commit"
    assert certificate.status == CertificateStatus.PENDING
    assert certificate.claim.credits == Decimal("0.75") and certificate.credit_type == "ama_pra_1"
    record = certificate.record
    assert record["learner_name"] == "Avery Q. Claimant" and record["degree"] == "MD"
    assert record["credits"] == "0.75" and "designates this enduring material" in record["designation_statement"]
    assert len(certificate.verification_token) >= 32  # >= 128 bits, URL-safe base64
    page = client.get(response["Location"]).content.decode()
    assert "Preparing your certificate" in page and 'aria-live="polite"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"credits": "1.25", "attest": "yes"}, "Claim between 0.25 and 1.00 credits"),
        ({"credits": "0.30", "attest": "yes"}, "in steps of 0.25"),
        ({"credits": "-1", "attest": "yes"}, "in steps of 0.25"),
        ({"credits": "lots", "attest": "yes"}, "Choose how many credits"),
        ({"credits": "0.50"}, "Tick the attestation"),
    ],
)
def test_bad_claims_are_refused_and_write_nothing(
    ready: tuple[Client, User, CoursePage], data: dict[str, str], message: str
) -> None:
    client, _, course = ready
    response = client.post(f"/certificates/claim/{course.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CreditClaim.objects.exists() and not Certificate.objects.exists()


def test_a_second_claim_returns_the_first_certificate(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    first = client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    second = client.post(f"/certificates/claim/{course.pk}/", {"credits": "0.25", "attest": "yes"})
    assert first["Location"] == second["Location"]
    assert Certificate.objects.count() == 1 and CreditClaim.objects.get().credits == 1


def test_a_profession_the_course_offers_no_credit_for_is_told_so(client: Client, evaluated_course: CoursePage) -> None:
    # The course designates no participation credit.
    client.force_login(ready_to_claim(evaluated_course, profile__pharmacist=True))
    response = client.post(f"/certificates/claim/{evaluated_course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert response.status_code == 409
    assert "This course offers no credit for a pharmacist" in response.content.decode()
    assert not Certificate.objects.exists()


def test_nurses_claim_contact_hours(client: Client, evaluated_course: CoursePage) -> None:
    client.force_login(ready_to_claim(evaluated_course, profile__nurse=True))
    client.post(f"/certificates/claim/{evaluated_course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert Certificate.objects.get().credit_type == "ancc_contact_hours"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_claims_give_one_certificate(course_factory: Any) -> None:
    course = publish(course_factory(), evaluation=EVALUATION)
    user = ready_to_claim(course)
    clients = []
    for _ in range(20):
        clients.append(Client(raise_request_exception=False))
        clients[-1].force_login(user)
    barrier = threading.Barrier(20, timeout=30)
    statuses: list[int] = []

    def claim(c: Client) -> None:
        barrier.wait()
        statuses.append(c.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"}).status_code)
        connection.close()

    threads = [threading.Thread(target=claim, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [302] * 20
    assert Certificate.objects.filter(user=user).count() == 1
    assert CreditClaim.objects.filter(user=user).count() == 1


# Status, download, transcript


def issued(certificate: Certificate) -> Certificate:
    certificate.pdf.save("test.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    certificate.status = CertificateStatus.ISSUED
    certificate.issued_at = timezone.now()
    certificate.save()
    return certificate


def test_the_owner_downloads_the_pdf_and_nobody_else_can(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = Certificate.objects.get()
    assert client.get(f"/certificates/{certificate.pk}/download/").status_code == 409  # not ready yet
    issued(certificate)
    page = client.get(f"/certificates/{certificate.pk}/").content.decode()
    assert "Download your certificate (PDF)" in page
    response = client.get(f"/certificates/{certificate.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    other = Client()
    other.force_login(UserFactory.create(email="nosy@example.org"))
    for url in ("/", "/download/", "/status.json"):
        assert other.get(f"/certificates/{certificate.pk}{url}").status_code == 404
    assert other.get("/certificates/not-a-uuid/").status_code == 404


def test_the_status_json_reports_progress(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = Certificate.objects.get()
    assert client.get(f"/certificates/{certificate.pk}/status.json").json()["status"] == "pending"
    issued(certificate)
    assert client.get(f"/certificates/{certificate.pk}/status.json").json()["status"] == "issued"


def test_the_transcript_totals_credits_and_tracks_mate_hours(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "0.75", "attest": "yes"})
    issued(Certificate.objects.get())
    html = client.get("/transcript/").content.decode()
    assert course.title in html and "AMA PRA Category 1 Credit™: 0.75" in html
    assert "0.75 of 8 hours from Antidote: 7.25 to go" in html
    assert 'aria-valuenow="9"' in html


# Public verification


def test_anyone_can_verify_by_link_or_code_and_sees_nothing_else_personal(
    ready: tuple[Client, User, CoursePage],
) -> None:
    client, user, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = issued(Certificate.objects.get())
    anonymous = Client()
    by_link = anonymous.get(f"/verify/{certificate.verification_token}/")
    assert by_link.status_code == 200
    html = by_link.content.decode()
    assert "Valid" in html and "Avery Q. Claimant" in html and course.title in html and "1.00" in html
    profile = user.clinician_profile
    private = (profile.licence_number, profile.npi, user.email)  # licence, NPI and email stay private
    assert all(private) and not any(value in html for value in private)
    by_code = anonymous.get("/verify/", {"code": certificate.short_code.lower().replace("-", "")})
    assert by_code.status_code == 200 and "Valid" in by_code.content.decode()


def test_a_pending_or_forged_certificate_does_not_verify(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = Certificate.objects.get()
    anonymous = Client()
    assert anonymous.get(f"/verify/{certificate.verification_token}/").status_code == 404  # not issued yet
    assert anonymous.get("/verify/forged-token/").status_code == 404
    assert anonymous.get("/verify/", {"code": "AAAAA-AAAAA"}).status_code == 404


def test_a_revoked_certificate_says_revoked(ready: tuple[Client, User, CoursePage]) -> None:
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = issued(Certificate.objects.get())
    Certificate.objects.filter(pk=certificate.pk).update(status=CertificateStatus.REVOKED, revoked_at=timezone.now())
    html = Client().get(f"/verify/{certificate.verification_token}/").content.decode()
    assert "Revoked" in html and "no longer valid" in html


def test_verification_is_rate_limited(db: None) -> None:
    anonymous = Client()
    statuses = [anonymous.get("/verify/", {"code": f"AAAAA-{n:05d}"}).status_code for n in range(32)]
    assert statuses[:30] == [404] * 30
    assert statuses[30:] == [429, 429]


def test_the_printable_transcript_summary_is_a_pdf_with_the_mate_hours(
    ready: tuple[Client, User, CoursePage],
) -> None:
    import io

    from pypdf import PdfReader

    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "0.75", "attest": "yes"})
    certificate = issued(Certificate.objects.get())
    response = client.get("/transcript/summary.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "0.75 of 8 hours" in text and course.title in text and certificate.short_code in text
    assert "Avery Q. Claimant" in text


def test_administrators_are_told_when_a_certificate_fails_without_learner_details(
    ready: tuple[Client, User, CoursePage], settings: Any, mailoutbox: list[Any]
) -> None:
    from certificates.services import certificate_mark_failed

    settings.ADMINS = [("ops@antidote.example", "ops@antidote.example")]
    client, _, course = ready
    client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    certificate = Certificate.objects.get()
    assert certificate_mark_failed(certificate_id=str(certificate.pk), error="OSError: read-only file system")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.FAILED and "read-only" in certificate.error
    mail = [m for m in mailoutbox if "ops@antidote.example" in m.to]
    assert len(mail) == 1 and certificate.short_code in mail[0].subject
    assert "Avery" not in mail[0].body and "read-only file system" in mail[0].body
    page = client.get(f"/certificates/{certificate.pk}/").content.decode()
    assert "our administrators have been told" in page and CreditClaim.objects.count() == 1
