"""Writes for the learner's side of a course: enroll, acknowledge disclosures, progress, complete."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import F
from django.utils import timezone

from courses.models import (
    CoursePage,
    DisclosureAcknowledgement,
    Enrollment,
    EvaluationResponse,
    ModulePage,
    ModuleProgress,
)
from courses.pathway import minutes_phrase, module_states, seconds_left
from lms.accounts.selectors import user_can_enroll
from quizzes.models import QuizAttempt, QuizKind

if TYPE_CHECKING:
    from lms.accounts.models import User

# The most one gap between two requests on a module may add to its time: enough to read a
# module without JavaScript, not a night with the tab left open.
MIN_GAP_CAP_SECONDS = 300


class LearnerActionRefused(Exception):
    """A learner asked for something the rules do not allow; ``status`` is the HTTP answer."""

    def __init__(self, message: str, *, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def enrollment_create(*, user: User, course: CoursePage) -> tuple[Enrollment, bool]:
    """Enroll once: a double click or two tabs give one enrollment (the unique constraint decides)."""
    if not user_can_enroll(user=user):
        raise LearnerActionRefused(
            "Confirm your email address before you enroll: use the link we sent you, or ask for a new one.",
            status=403,
        )
    if not course.live:
        raise LearnerActionRefused("This course is not open for enrollment.", status=404)
    return Enrollment.objects.get_or_create(user=user, course=course)


def disclosure_acknowledge(*, enrollment: Enrollment) -> DisclosureAcknowledgement:
    """Record, once, that the learner saw the disclosures, keeping what they were shown."""
    course = enrollment.course
    shown = {
        "faculty": [
            {"name": f.name, "credentials": f.credentials, "role": f.role, "disclosure": f.disclosure}
            for f in course.faculty.all()
        ],
        "commercial_support": course.commercial_support_statement,
    }
    acknowledgement, _ = DisclosureAcknowledgement.objects.get_or_create(
        enrollment=enrollment,
        defaults={"disclosures_shown": shown, "course_revision_id": course.live_revision_id},
    )
    return acknowledgement


def module_progress_record(
    *,
    enrollment: Enrollment,
    module: ModulePage,
    now: datetime.datetime | None = None,
    progress: ModuleProgress | None = None,
) -> ModuleProgress:
    """Start the module, or add the time since the learner's last request on it (capped).

    ``progress`` is the row if the caller loaded it already (the module page has): one query less.
    """
    now = now or timezone.now()
    created = False
    if progress is None:
        progress, created = ModuleProgress.objects.get_or_create(
            enrollment=enrollment, module=module, defaults={"started_at": now, "last_seen_at": now}
        )
    if created or progress.completed_at is not None:
        return progress
    cap = max(MIN_GAP_CAP_SECONDS, module.minimum_seconds)
    gap = int(min(max((now - progress.last_seen_at).total_seconds(), 0), cap))
    # Conditional on the last_seen_at we read, so two concurrent requests cannot both add the same gap.
    updated = ModuleProgress.objects.filter(pk=progress.pk, last_seen_at=progress.last_seen_at).update(
        seconds=F("seconds") + gap, last_seen_at=now
    )
    if updated:  # every writer of seconds also moves last_seen_at, so this is the row as stored
        progress.seconds += gap
        progress.last_seen_at = now
    else:  # another request counted this gap first
        progress.refresh_from_db(fields=["seconds", "last_seen_at", "completed_at"])
    return progress


def _refuse_if_locked(*, enrollment: Enrollment, module: ModulePage) -> None:
    course = enrollment.course
    if not course.modules_in_order:
        return
    modules = list(course.live_modules().defer("body"))
    progress = {p.module_id: p for p in enrollment.module_progress.all()}
    for state in module_states(modules, progress, in_order=True):
        if state.module.pk == module.pk and state.locked_by is not None:
            raise LearnerActionRefused(f"This module is locked: complete “{state.locked_by.title}” first.")


def module_check_open(*, enrollment: Enrollment, module: ModulePage) -> None:
    """Raise LearnerActionRefused unless the learner may work on this module now."""
    course = enrollment.course
    if not (module.path.startswith(course.path) and module.depth == course.depth + 1):
        raise LearnerActionRefused("This module is not part of that course.", status=404)
    if not hasattr(enrollment, "acknowledgement"):
        raise LearnerActionRefused("Read and acknowledge the course disclosures before the first module.")
    _refuse_if_locked(enrollment=enrollment, module=module)


def _module_quiz_passed(*, enrollment: Enrollment, module: ModulePage) -> bool:
    return QuizAttempt.objects.filter(
        enrollment=enrollment, page_id=module.pk, kind=QuizKind.MODULE, passed=True
    ).exists()


def module_complete(
    *, enrollment: Enrollment, module: ModulePage, now: datetime.datetime | None = None
) -> ModuleProgress:
    """Complete a module once its minimum time is reached. Completing it again changes nothing.

    Not one transaction on purpose: when completion is refused for time, the time counted by
    this request is kept. Each write is a conditional UPDATE, so concurrent requests stay right.
    """
    module_check_open(enrollment=enrollment, module=module)
    progress = module_progress_record(enrollment=enrollment, module=module, now=now)
    if progress.completed_at is not None:
        return progress
    if module.quiz and not _module_quiz_passed(enrollment=enrollment, module=module):
        raise LearnerActionRefused("Pass this module's quiz to complete the module. Your time so far is saved.")
    left = seconds_left(progress.seconds, module.minimum_seconds)
    if left:
        raise LearnerActionRefused(
            f"You can complete this module after {minutes_phrase(left)} more on it "
            f"(at least {module.minimum_seconds // 60} minutes in all). Your time so far is saved."
        )
    ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now or timezone.now())
    progress.refresh_from_db(fields=["completed_at"])
    return progress


def evaluation_submit(*, enrollment: Enrollment, items: list[dict[str, str]]) -> EvaluationResponse:
    """Record the learner's evaluation once, with the questions as they were asked."""
    course = enrollment.course
    response, _ = EvaluationResponse.objects.get_or_create(
        enrollment=enrollment, defaults={"items": items, "course_revision_id": course.live_revision_id}
    )
    return response
