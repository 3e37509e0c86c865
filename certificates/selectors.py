"""Reads: is a learner eligible for credit, which credit types they may claim, their certificates."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from certificates.models import LIVE_STATUSES, Certificate, CertificateStatus
from courses.models import CoursePage, CreditDesignation, CreditType, Enrollment
from courses.selectors import LearnerCourseState, learner_course_state
from lms.accounts.models import ClinicianProfile, Profession

if TYPE_CHECKING:
    from lms.accounts.models import User

# Which credit a profession may claim. Pharmacists get a statement of participation: their credit
# goes only through NABP's CPE Monitor (ACPE, since 2014).
CREDIT_TYPE_FOR_PROFESSION = {
    Profession.PHYSICIAN: CreditType.AMA_PRA_1,
    Profession.NURSE: CreditType.ANCC_CONTACT_HOURS,
    Profession.NURSE_PRACTITIONER: CreditType.ANCC_CONTACT_HOURS,
}


@dataclass
class Eligibility:
    state: LearnerCourseState
    profile: ClinicianProfile | None
    missing: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.missing


def credit_eligibility(user: User, course: CoursePage) -> Eligibility:
    """What is still missing before this learner may claim credit for this course."""
    state = learner_course_state(user, course)
    profile = ClinicianProfile.objects.filter(user=user).first()
    result = Eligibility(state=state, profile=profile)
    if state.enrollment is None:
        result.missing.append("Enroll in the course")
        return result
    if profile is None:
        result.missing.append("Fill in your profile (your name as it must appear on the certificate)")
    if not state.acknowledged:
        result.missing.append("Acknowledge the faculty disclosures")
    remaining = len(state.modules) - state.modules_complete
    if remaining:
        result.missing.append(f"Complete {remaining} more module{'s' if remaining != 1 else ''}")
    if state.has_posttest and not state.posttest_passed:
        result.missing.append("Pass the post-test")
    if not evaluation_submitted(state.enrollment):
        result.missing.append("Complete the course evaluation")
    return result


def evaluation_submitted(enrollment: Enrollment) -> bool:
    from courses.models import EvaluationResponse

    return EvaluationResponse.objects.filter(enrollment=enrollment).exists()


def credit_type_for(profile: ClinicianProfile) -> str:
    return CREDIT_TYPE_FOR_PROFESSION.get(Profession(profile.profession), CreditType.PARTICIPATION)


def offered_designation(profile: ClinicianProfile, course: CoursePage) -> CreditDesignation | None:
    """The course's designation the learner's profession may claim, or None if the course offers none."""
    return course.credit_designations.filter(credit_type=credit_type_for(profile)).first()


def claim_choices(maximum: Decimal) -> list[Decimal]:
    """0.25, 0.5, … up to the designated maximum."""
    steps = int(maximum / Decimal("0.25"))
    return [Decimal("0.25") * n for n in range(1, steps + 1)]


def live_certificate(user: User, course: CoursePage) -> Certificate | None:
    return Certificate.objects.filter(user=user, course=course, status__in=LIVE_STATUSES).first()


def own_certificate(certificate_id: str, user: User) -> Certificate | None:
    """The learner's own certificate; administrators may open any. Others get None (a 404)."""
    qs = Certificate.objects.select_related("course", "claim")
    if not (user.is_superuser or user.has_perm("certificates.view_certificate")):
        qs = qs.filter(user=user)
    return qs.filter(pk=certificate_id).first()


def learner_certificates(user: User) -> list[Certificate]:
    return list(
        Certificate.objects.filter(user=user)
        .exclude(status=CertificateStatus.SUPERSEDED)
        .select_related("course")
        .order_by("-created_at")
    )


MATE_REQUIRED_HOURS = Decimal(8)


def transcript_totals(certificates: list[Certificate]) -> dict[str, object]:
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
