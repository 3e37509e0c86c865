"""Reads: the credit a learner may claim, their certificates and transcript totals. Whether they may
claim yet is the one rule in courses/pathway.py."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from certificates.models import LIVE_STATUSES, Certificate, CertificateStatus
from courses.models import CoursePage, CreditDesignation
from courses.pathway import credit_type_for

if TYPE_CHECKING:
    from lms.accounts.models import User


def offered_designation(*, profession: str, course: CoursePage) -> CreditDesignation | None:
    """The course's designation the learner's profession may claim, or None if the course offers none."""
    return course.credit_designations.filter(credit_type=credit_type_for(profession)).first()


def claim_choices(*, maximum: Decimal) -> list[Decimal]:
    """0.25, 0.5, … up to the designated maximum."""
    steps = int(maximum / Decimal("0.25"))
    return [Decimal("0.25") * n for n in range(1, steps + 1)]


def live_certificate(*, user: User, course: CoursePage) -> Certificate | None:
    return Certificate.objects.filter(user=user, course=course, status__in=LIVE_STATUSES).first()


def own_certificate(*, certificate_id: str, user: User) -> Certificate | None:
    """The learner's own certificate; administrators may open any. Others get None (a 404)."""
    qs = Certificate.objects.select_related("course", "claim")
    if not (user.is_superuser or user.has_perm("certificates.view_certificate")):
        qs = qs.filter(user=user)
    return qs.filter(pk=certificate_id).first()


def learner_certificates(*, user: User) -> list[Certificate]:
    return list(
        Certificate.objects.filter(user=user)
        .exclude(status=CertificateStatus.SUPERSEDED)
        .select_related("course")
        .order_by("-created_at")
    )


MATE_REQUIRED_HOURS = Decimal(8)


def transcript_totals(*, certificates: list[Certificate]) -> dict[str, object]:
    """Totals per credit type of issued certificates, and MATE Act hours toward the one-time 8."""
    issued = [c for c in certificates if c.status == CertificateStatus.ISSUED]
    totals: dict[str, Decimal] = {}
    for certificate in issued:
        label = certificate.record["credit_type_label"]
        totals[label] = totals.get(label, Decimal(0)) + Decimal(certificate.record["credits"])
    mate = sum((Decimal(c.record["credits"]) for c in issued if c.record.get("mate_eligible")), Decimal(0))
    return {
        "totals": sorted(totals.items()),
        "mate_hours": mate,
        "mate_required": MATE_REQUIRED_HOURS,
        "mate_remaining": max(Decimal(0), MATE_REQUIRED_HOURS - mate),
        "mate_percent": min(100, int(mate / MATE_REQUIRED_HOURS * 100)),
    }
