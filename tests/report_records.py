"""Hand-built learner records for the report tests (tests/certificates, tests/quizzes): profiles,
enrollments, attempts, claims, certificates; the fixtures are imported by those folders' conftest.py."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus, CreditClaim
from courses.models import CoursePage, CreditType, Enrollment
from lms.accounts.models import User
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from tests.factories import ClinicianProfileFactory, CoursePageFactory, UserFactory, add_faculty_and_credits, staff_user


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
    """A learner as the reports see them: a profile of ``profession`` (None: no profile) with exactly the
    fields given, so each PARS reason can be produced alone."""
    user = UserFactory.create(email=email, first_name=first_name, last_name=last_name)
    if profession is not None:
        ClinicianProfileFactory.create(
            user=user,
            **{profession: True},
            full_name_for_certificate=certificate_name or f"{first_name} {last_name}",
            licence_state=licence_state,
            licence_number=licence_number,
            npi=npi,
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


def csv_rows(response: Any) -> list[dict[str, str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def xlsx_rows(response: Any) -> list[dict[str, Any]]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


@pytest.fixture
def second_course(catalog: Any) -> CoursePage:
    other = CoursePageFactory(parent=catalog, title="Buprenorphine basics", slug="buprenorphine-basics")
    add_faculty_and_credits(other)
    return other


@pytest.fixture
def records(course: CoursePage, second_course: CoursePage) -> dict[str, User]:
    """Four learners: two completions in October, one in November (another course), one still in progress."""
    ana = make_learner("ana@example.org", first_name="Ana", last_name="Alvarez", licence_state="MA")
    ben = make_learner("ben@example.org", first_name="Ben", last_name="Brook", profession="nurse", licence_state="NY")
    cy = make_learner("cy@example.org", first_name="Cy", last_name="Cole", licence_state="NY")
    dee = make_learner("dee@example.org", first_name="Dee", last_name="Dunn", profession="pharmacist")

    ana_enrollment = enroll(ana, course, day="2026-10-01")
    posttest(ana_enrollment, score="60.00", passed=False, number=1)
    posttest(ana_enrollment, score="90.00", passed=True, number=2)
    claim(ana_enrollment, day="2026-10-05", credits="0.75")

    ben_enrollment = enroll(ben, course, day="2026-10-02")
    posttest(ben_enrollment, score="85.00", passed=True)
    claim(
        ben_enrollment,
        day="2026-10-20",
        credit_type=CreditType.ANCC_CONTACT_HOURS,
        status=CertificateStatus.FAILED,
        error="WeasyPrint could not load a font",
    )

    cy_enrollment = enroll(cy, second_course, day="2026-10-03")
    posttest(cy_enrollment, score="100.00", passed=True)
    claim(cy_enrollment, day="2026-11-02", status=CertificateStatus.PENDING)

    enroll(dee, course, day="2026-10-04")  # in progress: no post-test, no claim
    return {"ana": ana, "ben": ben, "cy": cy, "dee": dee}


def emails(rows: list[dict[str, Any]]) -> list[str]:
    return [row["Email"] for row in rows]
