"""Hand-built learner records for the report tests: profiles, enrollments, attempts, claims, certificates."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, cast

import pytest
from django.test import Client
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus, CreditClaim
from courses.models import CoursePage, CreditType, Enrollment
from lms.accounts.models import ClinicianProfile, User
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from tests.factories import UserFactory, staff_user


def at(day: str, hour: int = 12) -> datetime.datetime:
    """Noon (by default) of an ISO day in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour)))


def make_learner(
    email: str,
    *,
    first_name: str = "Casey",
    last_name: str = "Learner",
    profession: str | None = "physician",
    licence_state: str = "MA",
    licence_number: str = "A-1",
    npi: str = "",
    birth: tuple[int, int] | None = (4, 9),
    pars_consent: bool = True,
    certificate_name: str | None = None,
) -> User:
    user = cast(User, UserFactory(email=email, first_name=first_name, last_name=last_name))
    if profession is not None:
        ClinicianProfile.objects.create(
            user=user,
            full_name_for_certificate=certificate_name or f"{first_name} {last_name}",
            degree={"physician": "MD", "nurse": "RN", "pharmacist": "PharmD", "nurse_practitioner": "NP"}[profession],
            profession=profession,
            licence_state=licence_state,
            licence_number=licence_number,
            npi=npi,
            nabp_eprofile_id="1234567" if profession == "pharmacist" else "",
            birth_month=birth[0] if birth else None,
            birth_day=birth[1] if birth else None,
            pars_consent=pars_consent,
        )
    return user


def enroll(user: User, course: CoursePage, *, day: str = "2026-10-01") -> Enrollment:
    return Enrollment.objects.create(user=user, course=course, enrolled_at=at(day, 9))


def posttest(enrollment: Enrollment, *, score: str, passed: bool, number: int = 1) -> QuizAttempt:
    submitted = timezone.now()
    return QuizAttempt.objects.create(
        user=enrollment.user,
        enrollment=enrollment,
        page=enrollment.course,
        kind=QuizKind.POST,
        number=number,
        max_attempts=0,
        status=AttemptStatus.SUBMITTED,
        started_at=submitted - datetime.timedelta(minutes=10),
        submitted_at=submitted,
        snapshot={"questions": []},
        score=Decimal(score),
        passed=passed,
    )


def claim(
    enrollment: Enrollment,
    *,
    day: str,
    credits: str = "1.00",
    credit_type: str = CreditType.AMA_PRA_1,
    status: str = CertificateStatus.ISSUED,
    error: str = "",
) -> Certificate:
    attested = at(day)
    credit_claim = CreditClaim.objects.create(
        enrollment=enrollment,
        user=enrollment.user,
        course=enrollment.course,
        credit_type=credit_type,
        credits=Decimal(credits),
        attested_at=attested,
    )
    return Certificate.objects.create(
        claim=credit_claim,
        user=enrollment.user,
        course=enrollment.course,
        credit_type=credit_type,
        status=status,
        record={},
        created_at=attested,
        issued_at=attested if status in (CertificateStatus.ISSUED, CertificateStatus.REVOKED) else None,
        revoked_at=attested if status == CertificateStatus.REVOKED else None,
        error=error,
    )


@pytest.fixture
def administrator(db: None) -> User:
    return staff_user("administrator", email="admin@example.org")


@pytest.fixture
def admin_client(administrator: User) -> Client:
    client = Client()
    client.force_login(administrator)
    return client


def get(client: Client, url: str, **params: Any) -> Any:
    return client.get(url, params)
