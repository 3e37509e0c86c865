"""Reads for the course pages and the learner's place in a course. Query counts stay flat as courses,
modules and enrollments grow. The rules that decide from these rows are in courses/pathway.py."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from certificates.models import LIVE_STATUSES, Certificate, CertificateStatus
from courses.models import CoursePage, Enrollment, ModulePage, ModuleProgress
from courses.page_cache import remember
from courses.pathway import LearnerCourseState, module_states, next_module
from lms.accounts.models import ClinicianProfile
from quizzes.models import AttemptStatus, QuizAttempt

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from lms.accounts.models import User


def course_of(*, module: ModulePage, live_only: bool = False) -> CoursePage | None:
    """The course a module belongs to (its parent by the page-type rules)."""
    qs = CoursePage.objects.live().public() if live_only else CoursePage.objects.all()
    return qs.filter(path=module.path[: -ModulePage.steplen]).first()


def _course_state(
    course: CoursePage,
    enrollment: Enrollment | None,
    modules: list[ModulePage],
    progress: dict[int, ModuleProgress],
    attempts: list[tuple[int, str, bool | None]] | None = None,
    *,
    profession: str | None = None,
    credit_types: frozenset[str] = frozenset(),
) -> LearnerCourseState:
    states = module_states(modules, progress, in_order=course.modules_in_order)
    attempts = attempts or []
    revoked_at: datetime.datetime | None = getattr(enrollment, "revoked_at", None)
    return LearnerCourseState(
        course=course,
        enrollment=enrollment,
        acknowledged=enrollment is not None and hasattr(enrollment, "acknowledgement"),
        modules=states,
        next_module=next_module(states) if enrollment is not None else None,
        today=timezone.localdate(),
        evaluated=enrollment is not None and hasattr(enrollment, "evaluation"),
        passed_quizzes=frozenset((page_id, kind) for page_id, kind, passed in attempts if passed),
        taken_quizzes=frozenset((page_id, kind) for page_id, kind, _ in attempts),
        profession=profession,
        credit_types=credit_types,
        certificate_id=getattr(enrollment, "live_certificate_id", None),
        revoked_on=timezone.localdate(revoked_at) if revoked_at else None,
    )


def _enrollments() -> QuerySet[Enrollment]:
    """Enrollments with what the credit rule reads: acknowledgement, evaluation, the learner's
    profile, the live certificate and the last revocation, in one query."""
    certificates = Certificate.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id"))
    return Enrollment.objects.select_related("acknowledgement", "evaluation", "user__clinician_profile").annotate(
        live_certificate_id=Subquery(certificates.filter(status__in=LIVE_STATUSES).values("pk")[:1]),
        revoked_at=Subquery(
            certificates.filter(status=CertificateStatus.REVOKED).order_by("-revoked_at").values("revoked_at")[:1]
        ),
    )


def _profession(enrollment: Enrollment | None, user_id: int) -> str | None:
    if enrollment is None:
        return ClinicianProfile.objects.filter(user_id=user_id).values_list("profession", flat=True).first()
    profile = getattr(enrollment.user, "clinician_profile", None)
    return profile.profession if profile is not None else None


def course_credit_types(*, course: CoursePage) -> frozenset[str]:
    """The credit types a course designates, cached until the next publish (designations are the
    course page's own rows: they change only when it is published). For pages that show no credit
    requirement (a module); claims read them fresh."""
    return frozenset(remember(f"credit-types:{course.pk}", lambda: _credit_types(course)))


def _credit_types(course: CoursePage) -> frozenset[str]:
    return frozenset(d.credit_type for d in course.credit_designations.all())


def _submitted_attempts(enrollment_ids: list[int]) -> dict[int, list[tuple[int, str, bool | None]]]:
    found: dict[int, list[tuple[int, str, bool | None]]] = {pk: [] for pk in enrollment_ids}
    rows = QuizAttempt.objects.filter(enrollment_id__in=enrollment_ids, status=AttemptStatus.SUBMITTED).values_list(
        "enrollment_id", "page_id", "kind", "passed"
    )
    for enrollment_id, page_id, kind, passed in rows:
        found[enrollment_id].append((page_id, kind, passed))
    return found


def _signed_in_state(
    user_id: int, course: CoursePage, modules: list[ModulePage], credit_types: frozenset[str]
) -> LearnerCourseState:
    """3 queries when enrolled (enrollment with its profile and certificates, progress, attempts), else 2."""
    enrollment = _enrollments().filter(user_id=user_id, course=course).first()
    progress: dict[int, ModuleProgress] = {}
    attempts: list[tuple[int, str, bool | None]] = []
    if enrollment is not None:
        enrollment.course = course  # already loaded: spare the services a query
        progress = {p.module_id: p for p in enrollment.module_progress.all()}
        attempts = _submitted_attempts([enrollment.pk])[enrollment.pk]
    return _course_state(
        course,
        enrollment,
        modules,
        progress,
        attempts,
        profession=_profession(enrollment, user_id),
        credit_types=credit_types,
    )


def learner_course_state(
    *,
    user: User,
    course: CoursePage,
    modules: list[ModulePage] | None = None,
    credit_types: frozenset[str] | None = None,
) -> LearnerCourseState:
    """One course for one learner: 5 queries whatever the number of modules, 3 when the page has its
    modules and credit types loaded already (pass them)."""
    if modules is None:
        modules = list(course.live_modules().defer("body"))
    if credit_types is None:
        credit_types = _credit_types(course)
    return _signed_in_state(user.pk, course, modules, credit_types)


def learner_dashboard(*, user: User) -> list[LearnerCourseState]:
    """Every course the learner is enrolled in, most recent first: 5 queries whatever their number."""
    enrollments = list(
        _enrollments()
        .filter(user_id=user.pk)
        .select_related("course")
        .prefetch_related("course__credit_designations")
        .order_by("-enrolled_at")
    )
    if not enrollments:
        return []
    courses = [e.course for e in enrollments]
    children = Q()
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules_by_course: dict[int, list[ModulePage]] = {c.pk: [] for c in courses}
    parent_by_prefix = {c.path: c.pk for c in courses}
    for module in ModulePage.objects.live().public().filter(children).defer("body").order_by("path"):
        modules_by_course[parent_by_prefix[module.path[: -ModulePage.steplen]]].append(module)
    progress: dict[int, dict[int, ModuleProgress]] = {e.pk: {} for e in enrollments}
    for record in ModuleProgress.objects.filter(enrollment__in=enrollments):
        progress[record.enrollment_id][record.module_id] = record
    attempts = _submitted_attempts([e.pk for e in enrollments])
    profession = _profession(enrollments[0], user.pk)
    return [
        _course_state(
            e.course,
            e,
            modules_by_course[e.course.pk],
            progress[e.pk],
            attempts[e.pk],
            profession=profession,
            credit_types=_credit_types(e.course),
        )
        for e in enrollments
    ]


def learner_statuses(*, user: User | AnonymousUser) -> dict[int, LearnerCourseState]:
    """For the catalog's status lines, keyed by course id: no queries when anonymous."""
    if not user.is_authenticated:
        return {}
    return {state.course.pk: state for state in learner_dashboard(user=cast("User", user))}
