"""The certificates app's report querysets: completions, certificates, and the PARS learner rows.

Each report is one SQL query whatever its length: learner, profile and course columns are joined
(``F`` through the foreign keys) and the per-enrollment facts (completion date, best post-test
score, the claim, the certificate status) are correlated subqueries, which PostgreSQL evaluates
only for the rows of the page when the report is paginated. The querysets end in ``.values()``:
exports stream tens of thousands of rows, and dicts cost a fraction of model instances.

Shared definitions (briefs/urls.md; the course analytics and the quiz attempts report use the same):
- a course is *completed* when credit is claimed; the completion date is the earliest claim's
  ``attested_at`` (an enrollment has several claims only across revoke/reissue);
- the post-test score is the best submitted post-test attempt's score; passed if any passed.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery

from certificates.models import Certificate, CertificateStatus, CreditClaim
from courses.models import CoursePage, CreditType, Enrollment
from lms.accounts.models import Profession
from lms.staff import LearnerRow, learner_columns
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind


class CompletionRow(LearnerRow):
    """A row of the completions report: one enrollment, completed or not."""

    id: int
    enrolled_at: datetime.datetime
    completed_at: datetime.datetime | None  # None: not completed (no credit claimed)
    posttest_score: Decimal | None
    posttest_passed: bool | None  # None: no submitted post-test attempt
    credit_type: str | None
    credits: Decimal | None
    certificate_status: str | None


class CertificateRow(LearnerRow):
    """A row of the certificates report: one certificate in any status."""

    id: uuid.UUID
    short_code: str
    credit_type: str
    credits: Decimal
    status: str
    created_at: datetime.datetime
    issued_at: datetime.datetime | None
    error: str
    revoked_at: datetime.datetime | None
    revoke_reason: str


# The ``.values()`` keys: the row types' keys, so the two cannot drift apart.
COMPLETION_FIELDS: tuple[str, ...] = tuple(CompletionRow.__annotations__)
CERTIFICATE_FIELDS: tuple[str, ...] = tuple(CertificateRow.__annotations__)


def _completion_columns() -> dict[str, Subquery]:
    """Per-enrollment facts as correlated subqueries on ``OuterRef("pk")`` (an Enrollment)."""
    claims = CreditClaim.objects.filter(enrollment=OuterRef("pk"))
    latest_claim = claims.order_by("-attested_at", "-pk")
    posttests = QuizAttempt.objects.filter(
        enrollment=OuterRef("pk"), kind=QuizKind.POST, status=AttemptStatus.SUBMITTED
    )
    return {
        "completed_at": Subquery(claims.order_by("attested_at").values("attested_at")[:1]),
        "posttest_score": Subquery(posttests.order_by("-score").values("score")[:1]),
        # True if any attempt passed, False if none did, None without a submitted attempt. A LIMIT 1
        # subquery, not EXISTS: PostgreSQL hashes an EXISTS in the select list over the whole table.
        "posttest_passed": Subquery(posttests.order_by("-passed").values("passed")[:1]),
        # The claim that stands now (after a reissue, the newest).
        "credit_type": Subquery(latest_claim.values("credit_type")[:1]),
        "credits": Subquery(latest_claim.values("credits")[:1]),
        "certificate_status": Subquery(
            Certificate.objects.filter(claim__enrollment=OuterRef("pk")).order_by("-created_at").values("status")[:1]
        ),
    }


# Each report is a lean queryset (the model, filtered and ordered: what the filters, the count and
# the pagination run on; a plain COUNT(*) without joins) and its rows (the lean queryset with the
# columns annotated, for the page's 50 rows or the export's every row). Enrollments and attempts are
# ordered by id, the order they were made: an index scan, where ordering by the timestamp would
# sort the whole table for every page.


def completions_lean() -> QuerySet[Enrollment]:
    return Enrollment.objects.order_by("-pk")


def completion_rows(*, queryset: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """One row per enrollment, completed or not."""
    return queryset.annotate(**learner_columns("user"), course_title=F("course__title"), **_completion_columns())


def completed_between(
    *,
    queryset: QuerySet[Enrollment],
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> QuerySet[Enrollment]:
    """Enrollments whose completion date (earliest claim) is in [start, end); either end may be open.

    Written as EXISTS / NOT EXISTS, which PostgreSQL runs as (anti-)semi-joins: filtering on the
    completion-date subquery instead costs a subplan per enrollment, and at 100,000 enrollments
    the planner's estimate switches JIT compilation on, a second spent before the first row.
    """
    claims = CreditClaim.objects.filter(enrollment=OuterRef("pk"))
    if start is not None:
        queryset = queryset.filter(~Exists(claims.filter(attested_at__lt=start)))
    return queryset.filter(Exists(claims.filter(attested_at__lt=end) if end is not None else claims))


def completed(*, queryset: QuerySet[Enrollment], yes: bool) -> QuerySet[Enrollment]:
    claims = Exists(CreditClaim.objects.filter(enrollment=OuterRef("pk")))
    return queryset.filter(claims if yes else ~claims)


def certificates_lean() -> QuerySet[Certificate]:
    # UUID keys carry no order: newest first by the claim time (an index with status leads the way
    # when the report is filtered by status).
    return Certificate.objects.order_by("-created_at", "-pk")


def certificate_rows(*, queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """Every certificate, pending, issued, failed (with its error), revoked or superseded."""
    return queryset.annotate(**learner_columns("user"), course_title=F("course__title"), credits=F("claim__credits"))


# PARS ------------------------------------------------------------------------------------------


@dataclass
class ParsLearner:
    """One physician-eligible completion: either a PARS row or, with ``reasons``, left out."""

    enrollment_id: int
    first_name: str
    last_name: str
    email: str
    profession: str
    birth_month: int | None
    birth_day: int | None
    licence_state: str
    licence_number: str
    npi: str
    pars_consent: bool
    completed_at: datetime.datetime
    credit_type: str
    credits: Decimal
    certificate_status: str | None
    reasons: list[str] = field(default_factory=list)


def pars_left_out_reasons(*, learner: ParsLearner) -> list[str]:
    """Why a completion cannot go in the PARS file (empty: it goes in). Every reason, not just the first.

    PARS takes physicians' AMA PRA Category 1 credit; boards need the learner's consent, name,
    birth month and day, and the state licence (state and number) or the NPI.
    """
    reasons: list[str] = []
    if learner.profession != Profession.PHYSICIAN:
        label = Profession(learner.profession).label if learner.profession in Profession.values else "no profile"
        reasons.append(f"Not a physician ({label}): PARS reporting here covers physicians only")
    if learner.credit_type != CreditType.AMA_PRA_1:
        reasons.append("Credit claimed is not AMA PRA Category 1 Credit™")
    if learner.certificate_status == CertificateStatus.REVOKED:
        reasons.append("Certificate revoked")
    if not learner.pars_consent:
        reasons.append("No consent to PARS reporting")
    if not learner.first_name.strip() or not learner.last_name.strip():
        reasons.append("First or last name missing")
    if learner.birth_month is None or learner.birth_day is None:
        reasons.append("Birth month and day missing")
    has_licence = bool(learner.licence_state and learner.licence_number.strip())
    if not has_licence and not learner.npi:
        reasons.append("Neither a state licence (state and number) nor an NPI")
    return reasons


def pars_learners(
    *, course: CoursePage, start: datetime.datetime, end: datetime.datetime
) -> tuple[list[ParsLearner], list[ParsLearner]]:
    """The course's completions with a completion date in [start, end): (PARS rows, left out with reasons).

    One query. Enrollments whose learner has no profile are still listed (left out), never dropped.
    """
    rows = (
        completed_between(queryset=Enrollment.objects.filter(course=course), start=start, end=end)
        .annotate(**_completion_columns())
        # The annotations come from a dict, which django-stubs cannot follow.
        .order_by("completed_at", "pk")  # type: ignore[misc]
        .values(
            "id",
            "completed_at",
            "credit_type",
            "credits",
            "certificate_status",
            first_name=F("user__first_name"),
            last_name=F("user__last_name"),
            email=F("user__email"),
            profession=F("user__clinician_profile__profession"),
            birth_month=F("user__clinician_profile__birth_month"),
            birth_day=F("user__clinician_profile__birth_day"),
            licence_state=F("user__clinician_profile__licence_state"),
            licence_number=F("user__clinician_profile__licence_number"),
            npi=F("user__clinician_profile__npi"),
            pars_consent=F("user__clinician_profile__pars_consent"),
        )
    )
    included: list[ParsLearner] = []
    left_out: list[ParsLearner] = []
    for row in rows:
        learner = ParsLearner(
            enrollment_id=row["id"],
            first_name=row["first_name"] or "",
            last_name=row["last_name"] or "",
            email=row["email"],
            profession=row["profession"] or "",
            birth_month=row["birth_month"],
            birth_day=row["birth_day"],
            licence_state=row["licence_state"] or "",
            licence_number=row["licence_number"] or "",
            npi=row["npi"] or "",
            pars_consent=bool(row["pars_consent"]),
            completed_at=row["completed_at"],
            credit_type=row["credit_type"],
            credits=row["credits"],
            certificate_status=row["certificate_status"],
        )
        learner.reasons = pars_left_out_reasons(learner=learner)
        (left_out if learner.reasons else included).append(learner)
    return included, left_out
