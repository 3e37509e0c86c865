"""Credit claims and certificates. A certificate's record is frozen at claim time: later profile or
course edits never change an issued certificate or its PDF."""

from __future__ import annotations

import secrets
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from courses.credits import validate_quarter_step
from courses.models import CreditType

# Crockford's base32 without look-alikes, for the short code a person can type.
SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_verification_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits, for the URL and the QR code


def new_short_code() -> str:
    raw = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(10))  # ~49 bits; lookups are rate-limited
    return f"{raw[:5]}-{raw[5:]}"


class CreditClaim(models.Model):
    """What the learner claimed and attested. Written in one transaction with its certificate."""

    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.PROTECT, related_name="credit_claims")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="credit_claims")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="credit_claims")
    credit_type = models.CharField(max_length=40, choices=CreditType.choices)
    credits = models.DecimalField(max_digits=5, decimal_places=2, validators=[validate_quarter_step])
    attested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.CheckConstraint(condition=models.Q(credits__gt=0), name="claim_credits_positive"),
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk}"


class CertificateStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RENDERING = "rendering", "Rendering"
    ISSUED = "issued", "Issued"
    FAILED = "failed", "Failed"
    REVOKED = "revoked", "Revoked"
    SUPERSEDED = "superseded", "Superseded"


LIVE_STATUSES = [
    CertificateStatus.PENDING,
    CertificateStatus.RENDERING,
    CertificateStatus.ISSUED,
    CertificateStatus.FAILED,
]


class Certificate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    claim = models.ForeignKey(CreditClaim, on_delete=models.PROTECT, related_name="certificates")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="certificates")
    credit_type = models.CharField(max_length=40, choices=CreditType.choices)
    status = models.CharField(max_length=12, choices=CertificateStatus.choices, default=CertificateStatus.PENDING)
    verification_token = models.CharField(max_length=64, unique=True, default=new_verification_token, editable=False)
    short_code = models.CharField(max_length=11, unique=True, default=new_short_code, editable=False)
    record = models.JSONField(help_text="Everything printed on the certificate, frozen at claim time.")
    pdf = models.FileField(upload_to="certificates/%Y/%m/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    render_started_at = models.DateTimeField(null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    issued_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, help_text="Why rendering failed, for administrators.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoke_reason = models.TextField(blank=True)
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes"
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        # Granted to the Administrators role (lms/accounts/roles.py): reports, exports and certificate actions.
        permissions = (
            ("view_reports", "Can view and export completion, attempt and certificate reports"),
            ("manage_certificates", "Can revoke, reissue and retry certificates"),
        )
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(
                fields=["user", "course", "credit_type"],
                condition=models.Q(status__in=LIVE_STATUSES),
                name="one_live_certificate_per_course_and_credit_type",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="issued") | models.Q(issued_at__isnull=False),
                name="issued_certificates_have_a_date",
            ),
        ]
        indexes: ClassVar[list[Any]] = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"Certificate {self.short_code}"

    @property
    def is_issued(self) -> bool:
        return self.status == CertificateStatus.ISSUED
