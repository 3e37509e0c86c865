"""Writes: claim credit (claim + pending certificate in one transaction) and render certificates."""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import mail_admins, send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from certificates.models import Certificate, CertificateStatus, CreditClaim
from certificates.rendering import render_certificate_pdf, verify_url_for
from certificates.selectors import live_certificate, offered_designation
from certificates.tasks import certificate_render_task
from courses.credits import is_quarter_step
from courses.models import CoursePage, CreditDesignation, CreditType
from courses.selectors import learner_course_state
from courses.services import LearnerActionRefused
from lms.accounts.models import ClinicianProfile, Profession
from lms.accounts.selectors import profile_for

if TYPE_CHECKING:
    from lms.accounts.models import User

PHARMACIST_NOTE = (
    "This is a statement of participation. Pharmacists' credit is reported to NABP CPE Monitor "
    "with their NABP e-Profile ID and birth month and day; providers may not issue pharmacists "
    "their own statements of credit."
)


def certificate_record(
    *, profile: ClinicianProfile, course: CoursePage, credit_type: str, credits: Decimal, completed_on: str
) -> dict[str, Any]:
    """Everything printed on the certificate, frozen now: later edits change none of it."""
    designation = course.credit_designations.get(credit_type=credit_type)
    return {
        "learner_name": profile.full_name_for_certificate,
        "degree": profile.degree,
        "profession": profile.profession,
        "provider": course.accredited_provider,
        "course_title": course.title,
        "format": course.get_format_display(),
        "completion_date": completed_on,
        "credit_type": credit_type,
        "credit_type_label": CreditType(credit_type).label,
        "credits": f"{credits:.2f}",
        "max_credits": f"{designation.max_credits:.2f}",
        "accreditation_statement": course.accreditation_statement,
        "designation_statement": course.designation_statement(designation),
        "nursing_statement": course.nursing_approval_statement if credit_type == CreditType.ANCC_CONTACT_HOURS else "",
        "pharmacist_note": PHARMACIST_NOTE if profile.profession == Profession.PHARMACIST else "",
        "mate_eligible": course.mate_eligible,
        "course_id": course.pk,
        "course_revision_id": course.live_revision_id,
    }


def parse_credits(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw.strip())
    except (InvalidOperation, AttributeError):
        return None
    return value if value.is_finite() else None


def credit_claim_create(*, user: User, course: CoursePage, credits: Decimal, attested: bool) -> Certificate:
    """Claim credit: one CreditClaim and one pending Certificate, in one transaction.

    A double click or a second tab finds the live certificate (the unique constraint on live
    certificates per learner, course and credit type decides a race) and gets it back.
    """
    state = learner_course_state(user=user, course=course)
    if state.certificate_id is not None:
        existing = live_certificate(user=user, course=course)
        if existing is not None:
            return existing
    if state.requirements:
        raise LearnerActionRefused("Not yet: " + "; ".join(state.left_for_credit) + ".", status=409)
    profile, enrollment = profile_for(user=user), state.enrollment
    designation = offered_designation(profession=profile.profession, course=course) if profile else None
    if profile is None or enrollment is None or designation is None:
        # The rule above requires all three; a profile or a course edited since it was read lands here.
        raise LearnerActionRefused("Your profile or this course changed: reload the page and try again.", status=409)
    if not attested:
        raise LearnerActionRefused("Tick the attestation that the credit matches your participation.", status=400)
    if not is_quarter_step(credits) or credits > designation.max_credits:
        raise LearnerActionRefused(
            f"Claim between 0.25 and {designation.max_credits:.2f} credits, in steps of 0.25.", status=400
        )
    completed_on = timezone.localdate().isoformat()
    try:
        with transaction.atomic():
            claim = CreditClaim.objects.create(
                enrollment=enrollment, user=user, course=course, credit_type=designation.credit_type, credits=credits
            )
            certificate = Certificate.objects.create(
                claim=claim,
                user=user,
                course=course,
                credit_type=designation.credit_type,
                record=certificate_record(
                    profile=profile,
                    course=course,
                    credit_type=designation.credit_type,
                    credits=credits,
                    completed_on=completed_on,
                ),
            )
            log(instance=certificate, action="antidote.certificate.claimed", user=user, data=_log_data(certificate))
            transaction.on_commit(lambda: _enqueue_render(str(certificate.pk)))
    except IntegrityError:
        existing = live_certificate(user=user, course=course)
        if existing is None:
            raise
        return existing
    return certificate


def _enqueue_render(certificate_id: str) -> None:
    """Hand the certificate to the worker. If the broker is down the claim still stands: the beat
    task re-enqueues certificates left pending."""
    try:
        certificate_render_task.delay(certificate_id)
    except Exception:  # the broker is down: the beat task picks the certificate up later
        logging.getLogger(__name__).warning("certificate %s: enqueue failed; beat will retry", certificate_id)


# --- Rendering: claim the row, render the frozen record, issue, log, email ------------------------

logger = logging.getLogger(__name__)

# A pending certificate untouched this long has lost its task (broker outage, lost message).
PENDING_GRACE = datetime.timedelta(minutes=2)
# Past this many render attempts the beat task stops re-enqueueing and marks the certificate failed,
# so a certificate that kills its worker every time (hard time limit) does not loop for ever.
MAX_RENDER_ATTEMPTS = 12


class CertificateStorageRefused(Exception):
    """Rendering worked but the media storage would not take the file (retried like any failure)."""


def render_lease() -> datetime.timedelta:
    """How long a 'rendering' claim holds. Longer than the hard time limit, so a live worker never
    loses its claim; a worker killed mid-render leaves a lease that expires and is reclaimed."""
    return datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 30)


def _claimable(now: datetime.datetime) -> Q:
    return Q(status=CertificateStatus.PENDING) | Q(
        status=CertificateStatus.RENDERING, render_started_at__lt=now - render_lease()
    )


def certificate_render(*, certificate_id: str) -> Certificate | None:
    """Render, store and issue one certificate; None when there is nothing to do.

    Idempotent: a conditional UPDATE claims the row (pending, or rendering with an expired lease),
    so an issued, failed or revoked certificate, or one another worker is rendering, is left alone.
    The PDF comes from the record frozen at claim time, never the live profile or course. If
    rendering raises, the row goes back to pending with the error and the exception propagates
    for the task to retry.
    """
    now = timezone.now()
    claimed = Certificate.objects.filter(_claimable(now), pk=certificate_id).update(
        status=CertificateStatus.RENDERING, render_started_at=now, render_attempts=F("render_attempts") + 1
    )
    if not claimed:
        return None
    certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
    # Our claim is (pk, rendering, render_started_at=now): if the lease expired and another worker
    # reclaimed the row, its render_started_at differs and our late writes below change nothing.
    ours = Certificate.objects.filter(pk=certificate_id, status=CertificateStatus.RENDERING, render_started_at=now)
    try:
        pdf = render_certificate_pdf(
            record=certificate.record,
            certificate_id=str(certificate.pk),
            short_code=certificate.short_code,
            verify_url=verify_url_for(certificate),
        )
        try:
            certificate.pdf.save(f"{certificate.short_code}.pdf", ContentFile(pdf), save=False)
        except OSError as exc:  # a read-only or full disk: say so, for the administrators who read the error
            raise CertificateStorageRefused(f"The storage refused to write the PDF: {exc.strerror or exc}") from exc
    except Exception as exc:
        ours.update(status=CertificateStatus.PENDING, error=_error_text(exc))
        raise
    issued_at = timezone.now()
    with transaction.atomic():
        issued = ours.update(status=CertificateStatus.ISSUED, issued_at=issued_at, pdf=certificate.pdf.name, error="")
        if issued:
            certificate.status, certificate.issued_at, certificate.error = CertificateStatus.ISSUED, issued_at, ""
            log(instance=certificate, action="antidote.certificate.issued", user=None, data=_log_data(certificate))
    if not issued:  # lost the lease meanwhile, or revoked: the other outcome stands
        certificate.pdf.storage.delete(certificate.pdf.name)
        return None
    _email_issued(certificate)
    return certificate


def certificate_mark_failed(*, certificate_id: str, error: str) -> bool:
    """Give up on a certificate (retries exhausted): failed, with the reason for administrators."""
    failed = Certificate.objects.filter(
        pk=certificate_id, status__in=[CertificateStatus.PENDING, CertificateStatus.RENDERING]
    ).update(status=CertificateStatus.FAILED, error=error[:2000])
    if failed:
        certificate = Certificate.objects.get(pk=certificate_id)
        data = {**_log_data(certificate), "error": error.splitlines()[0][:200] if error else ""}
        log(instance=certificate, action="antidote.certificate.failed", user=None, data=data)
        # Administrators are told (the status page promises it). No learner details in the mail:
        # the certificate id leads to everything in the admin.
        mail_admins(
            f"Certificate {certificate.short_code} failed to render",
            f"Certificate {certificate.pk} could not be rendered and is marked failed.\n"
            f"Reason: {data['error']}\nRetry it from the admin once the cause is fixed.",
            fail_silently=True,
        )
    return bool(failed)


def certificates_requeue_stale() -> int:
    """Re-enqueue certificates whose task was lost: pending and untouched for PENDING_GRACE (the
    broker was down at claim time, or a retry message vanished), or rendering with an expired lease
    (the worker died). Returns how many were enqueued."""
    now = timezone.now()
    cutoff = now - PENDING_GRACE
    stale = Certificate.objects.filter(
        Q(status=CertificateStatus.PENDING, created_at__lt=cutoff)
        # A row put back to pending after a failed attempt is waiting for its retry: leave it be.
        & (Q(render_started_at__isnull=True) | Q(render_started_at__lt=cutoff))
        | Q(status=CertificateStatus.RENDERING, render_started_at__lt=now - render_lease())
    ).order_by("created_at")
    enqueued = 0
    for certificate_id, attempts in stale.values_list("pk", "render_attempts")[:500]:
        if attempts >= MAX_RENDER_ATTEMPTS:
            certificate_mark_failed(
                certificate_id=str(certificate_id), error=f"Gave up after {attempts} render attempts."
            )
            continue
        certificate_render_task.delay(str(certificate_id))
        enqueued += 1
    return enqueued


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def _log_data(certificate: Certificate) -> dict[str, Any]:
    """What the audit log keeps: identifiers and amounts, no personal data."""
    return {
        "short_code": certificate.short_code,
        "credit_type": certificate.credit_type,
        "credits": certificate.record.get("credits"),
        "course_id": certificate.course_id,
        "course_revision_id": certificate.record.get("course_revision_id"),
        "render_attempts": certificate.render_attempts,
    }


def _email_issued(certificate: Certificate) -> None:
    """Tell the learner. A mail failure does not undo the issue: the certificate page shows it."""
    record = certificate.record
    body = render_to_string(
        "certificates/email_issued.txt",
        {
            "learner_name": record["learner_name"],
            "course_title": record["course_title"],
            "certificate_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/certificates/{certificate.pk}/",
        },
    )
    subject = " ".join(f"Your certificate for {record['course_title']} is ready".split())[:200]
    try:
        send_mail(subject, body, None, [certificate.user.email])
    except Exception:
        logger.exception("certificate %s: issued, but the email to the learner failed", certificate.pk)


# --- Administrators' actions: revoke, reissue after a name correction, retry a failed render -------


class CertificateActionRefused(Exception):
    """An administrator's action that the certificate's state does not allow: nothing was changed.
    The message is shown to the administrator as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# The learner's details a reissue takes from the current profile. Everything about the activity
# (title, provider, statements, credits, completion date, revision) stays as it was certified.
REISSUED_LEARNER_FIELDS = ("learner_name", "degree", "profession", "pharmacist_note")

_STATE_WORDS = {
    CertificateStatus.PENDING: "still waiting to be rendered",
    CertificateStatus.RENDERING: "being rendered right now",
    CertificateStatus.FAILED: "marked failed (retry it instead)",
    CertificateStatus.REVOKED: "revoked",
    CertificateStatus.SUPERSEDED: "already replaced by a newer certificate",
}


def _locked(certificate: Certificate) -> Certificate:
    """The row, locked for the rest of the transaction (PostgreSQL; SQLite takes its write lock at
    BEGIN IMMEDIATE in this project's settings), so a double submit sees the first one's outcome."""
    return Certificate.objects.select_for_update(of=("self",)).select_related("course").get(pk=certificate.pk)


# What each action needs the certificate to be, and the word for the refusal.
ACTION_REQUIRES = {
    "revoke": (CertificateStatus.ISSUED, "revoked"),
    "reissue": (CertificateStatus.ISSUED, "reissued"),
    "retry": (CertificateStatus.FAILED, "retried"),
}


def certificate_action_refusal(certificate: Certificate, action: str) -> str:
    """Why ``action`` ("revoke", "reissue" or "retry") is not possible now, or "" when it is: the
    confirmation page says so before anyone submits."""
    required, verb = ACTION_REQUIRES[action]
    if certificate.status == required:
        return ""
    state = _STATE_WORDS.get(CertificateStatus(certificate.status), certificate.get_status_display().lower())
    return f"Certificate {certificate.short_code} cannot be {verb}: it is {state}. Nothing was changed."


def _refuse_unless_allowed(certificate: Certificate, action: str) -> None:
    refusal = certificate_action_refusal(certificate, action)
    if refusal:
        raise CertificateActionRefused(refusal)


def _transition(certificate: Certificate, expected: CertificateStatus, **changes: Any) -> None:
    """The state change as a conditional UPDATE: even without a row lock, only one request moves a
    certificate out of the state it checked."""
    if not Certificate.objects.filter(pk=certificate.pk, status=expected).update(**changes):
        raise CertificateActionRefused(
            f"Certificate {certificate.short_code} was changed by someone else meanwhile. Nothing was changed."
        )
    for name, value in changes.items():
        setattr(certificate, name, value)


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Revoke an issued certificate: the verification page says so from now on. The PDF is kept
    (the record of what was issued); the learner can no longer download it."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateActionRefused("Give the reason for revoking this certificate. Nothing was changed.")
    with transaction.atomic():
        locked = _locked(certificate)
        _refuse_unless_allowed(locked, "revoke")
        _transition(
            locked,
            CertificateStatus.ISSUED,
            status=CertificateStatus.REVOKED,
            revoked_at=timezone.now(),
            revoked_by=by,
            revoke_reason=reason,
        )
        # The reason is for administrators (the audit log and the certificates report), never public.
        log(
            instance=locked,
            action="antidote.certificate.revoked",
            user=by,
            data={**_log_data(locked), "reason": reason[:500]},
        )
    return locked


def certificate_reissue(*, certificate: Certificate, by: User, reason: str = "") -> Certificate:
    """Replace an issued certificate after the learner's name (or degree) was corrected in their
    profile: a new certificate, code and PDF; the old one is marked superseded and points to it.

    One transaction. The unique constraint allows one live certificate per learner, course and
    credit type, so the old one leaves the live states before the new one is created. The new one
    renders after commit, as a claim's does. Returns the new certificate.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        old = _locked(certificate)
        _refuse_unless_allowed(old, "reissue")
        profile = ClinicianProfile.objects.filter(user_id=old.user_id).first()
        if profile is None:
            raise CertificateActionRefused(
                f"The learner of certificate {old.short_code} has no profile to take the corrected name from. "
                "Nothing was changed."
            )
        try:
            fresh = certificate_record(
                profile=profile,
                course=old.course,
                credit_type=old.credit_type,
                credits=Decimal(old.record["credits"]),
                completed_on=old.record["completion_date"],
            )
        except CreditDesignation.DoesNotExist:
            raise CertificateActionRefused(
                f"The course no longer designates {old.get_credit_type_display()}, so certificate "
                f"{old.short_code} cannot be reissued. Nothing was changed."
            ) from None
        record = {**old.record, **{name: fresh[name] for name in REISSUED_LEARNER_FIELDS}}
        _transition(old, CertificateStatus.ISSUED, status=CertificateStatus.SUPERSEDED)
        new = Certificate.objects.create(
            claim_id=old.claim_id, user_id=old.user_id, course=old.course, credit_type=old.credit_type, record=record
        )
        Certificate.objects.filter(pk=old.pk).update(superseded_by=new)
        old.superseded_by = new
        log(
            instance=old,
            action="antidote.certificate.reissued",
            user=by,
            data={
                **_log_data(old),
                "new_certificate_id": str(new.pk),
                "new_short_code": new.short_code,
                "reason": reason[:500],
            },
        )
        transaction.on_commit(lambda: _enqueue_render(str(new.pk)))
    return new


def certificate_retry(*, certificate: Certificate, by: User) -> Certificate:
    """Give a failed certificate a fresh start once its cause is fixed: pending, its attempts reset
    (so the beat task's give-up limit counts afresh), and enqueued after commit."""
    with transaction.atomic():
        locked = _locked(certificate)
        _refuse_unless_allowed(locked, "retry")
        previous_error = locked.error
        _transition(
            locked,
            CertificateStatus.FAILED,
            status=CertificateStatus.PENDING,
            render_attempts=0,
            render_started_at=None,
            error="",
        )
        data = {**_log_data(locked), "previous_error": previous_error.splitlines()[0][:200] if previous_error else ""}
        log(instance=locked, action="antidote.certificate.retried", user=by, data=data)
        transaction.on_commit(lambda: _enqueue_render(str(locked.pk)))
    return locked
