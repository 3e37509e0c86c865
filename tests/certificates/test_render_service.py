"""Rendering a certificate: claimed once, issued once, from the frozen record; failures are kept,
retried and finally marked; stale leases are reclaimed and lost tasks re-enqueued."""

from __future__ import annotations

import datetime
import json
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.models import Certificate, CertificateStatus, CreditClaim
from certificates.services import (
    MAX_RENDER_ATTEMPTS,
    certificate_mark_failed,
    certificate_render,
    certificates_requeue_stale,
    render_lease,
)
from certificates.tasks import certificate_render_task, certificates_requeue_stale_task
from courses.models import CoursePage
from lms.accounts.models import ClinicianProfile
from tests.certificates.test_rendering import accredit, make_profile, pdftotext
from tests.factories import CertificateFactory, CreditClaimFactory, EnrollmentFactory

BASE_URL = "https://ce.example.org"


def make_certificate(course: CoursePage, profile: ClinicianProfile, **fields: Any) -> Certificate:
    """A claim of 1.25 credits and its pending certificate, as credit_claim_create leaves them
    (without the task)."""
    enrollment = EnrollmentFactory.create(user=profile.user, course=course)
    claim = CreditClaimFactory.create(enrollment=enrollment, credits=Decimal("1.25"))
    return CertificateFactory.create(claim=claim, completed_on="2026-11-26", **fields)


def stored_pdf(certificate: Certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as f:
        return f.read()


def log_actions(certificate: Certificate) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(certificate.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


@pytest.fixture(autouse=True)
def _base_url(settings: Any) -> None:
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


@pytest.fixture
def physician(db: None) -> ClinicianProfile:
    return make_profile("physician")


@pytest.fixture
def certificate(course: CoursePage, physician: ClinicianProfile) -> Certificate:
    return make_certificate(accredit(course), physician)


def test_rendering_issues_the_certificate_stores_the_pdf_logs_it_and_emails_the_learner(
    certificate: Certificate,
) -> None:
    issued = certificate_render(certificate_id=str(certificate.pk))

    assert issued is not None
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.issued_at is not None
    assert certificate.render_attempts == 1
    assert certificate.error == ""
    assert certificate.pdf.name.endswith(f"{certificate.short_code}.pdf")
    text = pdftotext(stored_pdf(certificate))
    assert "Jordan A. Rivera, MD" in text
    assert f"{BASE_URL}/verify/{certificate.verification_token}/" in text

    entry = ModelLogEntry.objects.get(object_id=str(certificate.pk))
    assert entry.action == "antidote.certificate.issued"
    assert entry.user is None
    assert entry.data["short_code"] == certificate.short_code
    assert entry.data["credits"] == "1.25"
    logged = json.dumps(entry.data) + entry.label
    assert "Rivera" not in logged and certificate.user.email not in logged

    [message] = mail.outbox
    assert message.to == [certificate.user.email]
    assert "Overdose prevention" in message.subject
    assert "Hello Jordan A. Rivera," in message.body
    assert f"{BASE_URL}/certificates/{certificate.pk}/" in message.body
    assert certificate.verification_token not in message.body


def test_rendering_twice_changes_nothing_the_second_time(certificate: Certificate) -> None:
    certificate_render(certificate_id=str(certificate.pk))
    first = Certificate.objects.get(pk=certificate.pk)
    first_pdf = stored_pdf(first)

    assert certificate_render(certificate_id=str(certificate.pk)) is None

    again = Certificate.objects.get(pk=certificate.pk)
    assert (again.status, again.issued_at, again.pdf.name) == (
        CertificateStatus.ISSUED,
        first.issued_at,
        first.pdf.name,
    )
    assert again.render_attempts == 1
    assert stored_pdf(again) == first_pdf
    directory, _ = first.pdf.name.rsplit("/", 1)
    ours = [name for name in first.pdf.storage.listdir(directory)[1] if name.startswith(first.short_code)]
    assert ours == [f"{first.short_code}.pdf"]  # one PDF stored, not a second under another name
    assert log_actions(certificate) == ["antidote.certificate.issued"]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("status", [CertificateStatus.FAILED, CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED])
def test_a_failed_revoked_or_superseded_certificate_is_not_rendered(
    course: CoursePage, physician: ClinicianProfile, status: str
) -> None:
    certificate = make_certificate(accredit(course), physician, status=status)

    assert certificate_render(certificate_id=str(certificate.pk)) is None

    certificate.refresh_from_db()
    assert certificate.status == status
    assert not certificate.pdf
    assert not mail.outbox


def test_a_failed_render_keeps_the_claim_and_a_pending_certificate_with_the_error(
    certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**kwargs: Any) -> bytes:
        raise RuntimeError("Pango could not load a font")

    monkeypatch.setattr(services, "render_certificate_pdf", broken)

    with pytest.raises(RuntimeError):
        certificate_render(certificate_id=str(certificate.pk))

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PENDING  # ready for the retry
    assert certificate.error == "RuntimeError: Pango could not load a font"
    assert certificate.render_attempts == 1
    assert not certificate.pdf
    assert CreditClaim.objects.filter(pk=certificate.claim_id).exists()
    assert not mail.outbox

    reason = "RuntimeError: Pango could not load a font"
    assert certificate_mark_failed(certificate_id=str(certificate.pk), error=reason)

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.FAILED
    assert certificate.error == reason
    assert log_actions(certificate) == ["antidote.certificate.failed"]
    assert certificate_render(certificate_id=str(certificate.pk)) is None  # failed stays failed
    assert not certificate_mark_failed(certificate_id=str(certificate.pk), error="again")


def test_an_issued_certificate_is_never_marked_failed(certificate: Certificate) -> None:
    certificate_render(certificate_id=str(certificate.pk))

    assert not certificate_mark_failed(certificate_id=str(certificate.pk), error="late failure")

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.error == ""


def test_a_stale_rendering_lease_is_reclaimed(certificate: Certificate) -> None:
    # A worker was killed mid-render: the row says rendering, and the lease has run out.
    started = timezone.now() - render_lease() - datetime.timedelta(seconds=1)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=CertificateStatus.RENDERING, render_started_at=started, render_attempts=1
    )

    assert certificate_render(certificate_id=str(certificate.pk)) is not None

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.render_attempts == 2


def test_a_fresh_rendering_lease_is_left_to_its_worker(certificate: Certificate) -> None:
    started = timezone.now() - datetime.timedelta(seconds=10)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=CertificateStatus.RENDERING, render_started_at=started, render_attempts=1
    )

    assert certificate_render(certificate_id=str(certificate.pk)) is None

    certificate.refresh_from_db()
    assert (certificate.status, certificate.render_started_at, certificate.render_attempts) == (
        CertificateStatus.RENDERING,
        started,
        1,
    )
    assert not certificate.pdf


@override_settings(CELERY_TASK_TIME_LIMIT=10)
def test_the_lease_follows_the_hard_time_limit() -> None:
    assert render_lease() == datetime.timedelta(seconds=40)


def test_a_worker_that_lost_its_lease_does_not_issue_over_the_new_claim(
    certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_render = services.render_certificate_pdf

    def slow_render(**kwargs: Any) -> bytes:
        # While this worker renders, its lease runs out and another worker reclaims the row.
        Certificate.objects.filter(pk=certificate.pk).update(render_started_at=timezone.now())
        return real_render(**kwargs)

    monkeypatch.setattr(services, "render_certificate_pdf", slow_render)

    assert certificate_render(certificate_id=str(certificate.pk)) is None

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.RENDERING  # the other worker's claim stands
    assert not certificate.pdf
    assert not mail.outbox


def test_later_profile_and_course_edits_change_neither_a_pending_nor_an_issued_certificate(
    course: CoursePage, physician: ClinicianProfile
) -> None:
    course = accredit(course)
    pending = make_certificate(course, physician)
    # Edits after the claim, before the worker renders: the certificate prints the claim-time record.
    ClinicianProfile.objects.filter(pk=physician.pk).update(full_name_for_certificate="Changed Name")
    CoursePage.objects.filter(pk=course.pk).update(title="Renamed course")

    certificate_render(certificate_id=str(pending.pk))
    issued_pdf = stored_pdf(pending)
    text = pdftotext(issued_pdf)
    assert "Jordan A. Rivera" in text and "Overdose prevention" in text
    assert "Changed Name" not in text and "Renamed course" not in text

    ClinicianProfile.objects.filter(pk=physician.pk).update(full_name_for_certificate="Another Name")
    assert certificate_render(certificate_id=str(pending.pk)) is None
    assert stored_pdf(pending) == issued_pdf


def test_the_task_issues_the_certificate(certificate: Certificate) -> None:
    result = certificate_render_task.apply(args=[str(certificate.pk)])

    assert result.successful()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert len(mail.outbox) == 1


def test_the_task_retries_a_transient_failure_and_then_issues(
    certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_render = services.render_certificate_pdf
    calls: list[int] = []

    def flaky(**kwargs: Any) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("storage briefly unavailable")
        return real_render(**kwargs)

    monkeypatch.setattr(services, "render_certificate_pdf", flaky)

    certificate_render_task.apply(args=[str(certificate.pk)])

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.render_attempts == 2
    assert certificate.error == ""


def test_the_task_marks_the_certificate_failed_when_its_retries_run_out(
    certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**kwargs: Any) -> bytes:
        raise RuntimeError("template error")

    monkeypatch.setattr(services, "render_certificate_pdf", broken)

    result = certificate_render_task.apply(args=[str(certificate.pk)])

    assert result.failed()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.FAILED
    assert certificate.error == "RuntimeError: template error"
    assert certificate.render_attempts == 6  # the first attempt and max_retries=5
    assert log_actions(certificate) == ["antidote.certificate.failed"]
    assert CreditClaim.objects.filter(pk=certificate.claim_id).exists()


def test_the_beat_task_re_enqueues_only_certificates_whose_task_was_lost(
    course: CoursePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = accredit(course)
    now = timezone.now()
    old = now - datetime.timedelta(minutes=3)
    expired = now - render_lease() - datetime.timedelta(seconds=1)

    def certificate(profession: str = "physician", **fields: Any) -> Certificate:
        return make_certificate(course, make_profile(profession), **fields)

    lost_at_claim = certificate(created_at=old)
    worker_died = certificate(
        status=CertificateStatus.RENDERING, created_at=old, render_started_at=expired, render_attempts=1
    )
    certificate(created_at=now)  # just claimed: its task is on the way
    certificate(status=CertificateStatus.RENDERING, created_at=old, render_started_at=now, render_attempts=1)
    certificate(created_at=old, render_started_at=now - datetime.timedelta(seconds=20), render_attempts=1)  # retrying
    certificate(status=CertificateStatus.FAILED, created_at=old)
    hopeless = certificate(
        status=CertificateStatus.RENDERING,
        created_at=old,
        render_started_at=expired,
        render_attempts=MAX_RENDER_ATTEMPTS,
    )
    enqueued: list[str] = []
    monkeypatch.setattr(certificate_render_task, "delay", lambda certificate_id: enqueued.append(certificate_id))

    count = certificates_requeue_stale_task.apply().get()

    assert count == 2
    assert sorted(enqueued) == sorted([str(lost_at_claim.pk), str(worker_died.pk)])
    hopeless.refresh_from_db()
    assert hopeless.status == CertificateStatus.FAILED
    assert hopeless.error == f"Gave up after {MAX_RENDER_ATTEMPTS} render attempts."


def test_a_re_enqueued_certificate_is_issued(certificate: Certificate, monkeypatch: pytest.MonkeyPatch) -> None:
    Certificate.objects.filter(pk=certificate.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    monkeypatch.setattr(
        certificate_render_task, "delay", lambda certificate_id: certificate_render_task.apply(args=[certificate_id])
    )

    assert certificates_requeue_stale() == 1

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED


# serialized_rollback: an earlier transactional test flushed the database, Wagtail's locale and root with it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_rendering_at_once_issue_one_certificate(course_factory: Callable[[], CoursePage]) -> None:
    certificate = make_certificate(accredit(course_factory()), make_profile("physician"))
    barrier = threading.Barrier(2)
    results: list[Certificate | None] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(certificate_render(certificate_id=str(certificate.pk)))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    assert sum(result is not None for result in results) == 1
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    assert certificate.render_attempts == 1
    assert len(mail.outbox) == 1
