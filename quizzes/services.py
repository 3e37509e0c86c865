"""Writes: start an attempt (within the maximum, one open at a time) and submit it (graded once)."""

from __future__ import annotations

import random
import secrets
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from courses.models import Enrollment, ModulePage
from courses.pathway import Step
from courses.selectors import learner_course_state
from courses.services import LearnerActionRefused, module_check_open
from quizzes.answers import ParsedAnswers
from quizzes.grading import grade
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from quizzes.selectors import QuizDefinition
from quizzes.snapshot import snapshot_build

if TYPE_CHECKING:
    from lms.accounts.models import User


class AttemptAlreadySubmitted(Exception):
    """A replay or a second tab: the attempt was graded already."""


def _refuse_unless_allowed(*, enrollment: Enrollment, quiz: QuizDefinition) -> None:
    """A module quiz opens with its module; the pre-test and post-test when the course's rule says so."""
    if quiz.kind == QuizKind.MODULE and isinstance(quiz.page, ModulePage):
        module_check_open(enrollment=enrollment, module=quiz.page)
        return
    state = learner_course_state(user=enrollment.user, course=quiz.course)
    missing = state.missing_before(Step.PRETEST if quiz.kind == QuizKind.PRE else Step.POSTTEST)
    if missing:
        raise LearnerActionRefused(f"Before the {quiz.title.lower()}: {'; '.join(missing)}.")


def attempt_start(*, user: User, quiz: QuizDefinition, rng: random.Random | None = None) -> QuizAttempt:
    """Resume the open attempt, or start the next one within the quiz's maximum.

    The enrollment row is locked for the check and the insert; the unique attempt number, the
    one-open-attempt constraint and the number ≤ maximum check hold it in the database too.
    """
    try:
        with transaction.atomic():
            enrollment = (
                Enrollment.objects.select_for_update(of=("self",))
                .select_related("acknowledgement", "course", "user")
                .filter(user=user, course=quiz.course)
                .first()
            )
            if enrollment is None:
                raise LearnerActionRefused(f"Enroll in “{quiz.course.title}” before taking its quizzes.", status=403)
            _refuse_unless_allowed(enrollment=enrollment, quiz=quiz)
            attempts = list(QuizAttempt.objects.filter(enrollment=enrollment, page_id=quiz.page.pk, kind=quiz.kind))
            open_attempt = next((a for a in attempts if a.status == AttemptStatus.IN_PROGRESS), None)
            if open_attempt is not None:
                return open_attempt
            passed = next((a for a in attempts if a.passed), None)
            if passed is not None and quiz.kind != QuizKind.PRE:
                raise LearnerActionRefused(f"You passed this quiz already, with {passed.score:.0f}%.")
            maximum = quiz.settings["max_attempts"]
            if maximum and len(attempts) >= maximum:
                plural = "attempt" if maximum == 1 else "attempts"
                raise LearnerActionRefused(
                    f"You have used all {len(attempts)} of the {maximum} {plural} this quiz allows."
                )
            snapshot = snapshot_build(
                title=quiz.title,
                settings=quiz.settings,
                questions=quiz.questions,
                revision_id=quiz.page.live_revision_id,
                # Shuffling order is not a secret: the keys never leave the server.
                rng=rng or random.Random(secrets.randbits(64)),  # noqa: S311
            )
            return QuizAttempt.objects.create(
                user=user,
                enrollment=enrollment,
                page_id=quiz.page.pk,
                kind=quiz.kind,
                number=len(attempts) + 1,
                max_attempts=maximum,
                snapshot=snapshot,
            )
    except IntegrityError:
        # A concurrent start won the race (SQLite has no row locks): answer with its attempt.
        existing = QuizAttempt.objects.filter(
            user=user, page_id=quiz.page.pk, kind=quiz.kind, status=AttemptStatus.IN_PROGRESS
        ).first()
        if existing is None:
            raise LearnerActionRefused("Another start of this quiz is in progress; try again.") from None
        return existing


def attempt_submit(*, attempt: QuizAttempt, parsed: ParsedAnswers, token: str) -> QuizAttempt:
    """Grade once. The conditional UPDATE on (in progress, token) lets exactly one request through."""
    if not secrets.compare_digest(token, attempt.token):
        if attempt.is_submitted:
            raise AttemptAlreadySubmitted
        raise LearnerActionRefused("This quiz form is out of date. Reload the quiz and submit again.", status=400)
    result = grade(attempt.snapshot, parsed.answers)
    with transaction.atomic():  # the grade and its audit-log entry stand or fall together
        updated = QuizAttempt.objects.filter(pk=attempt.pk, status=AttemptStatus.IN_PROGRESS, token=token).update(
            status=AttemptStatus.SUBMITTED,
            submitted_at=timezone.now(),
            answers=parsed.answers,
            results=result.results_json(),
            score=result.score,
            passed=result.passed,
            token=secrets.token_urlsafe(24),  # spent
        )
        if not updated:
            raise AttemptAlreadySubmitted
        # Reloaded with the learner, who the audit-log entry names (the same one query as refresh_from_db).
        attempt = QuizAttempt.objects.select_related("enrollment__course", "page", "user").get(pk=attempt.pk)
        log(instance=attempt, action="antidote.quiz.graded", user=attempt.user, data=_graded_log_data(attempt))
    return attempt


def _graded_log_data(attempt: QuizAttempt) -> dict[str, object]:
    """A grade-affecting event for the audit log: which attempt, the score and the outcome. Never the
    answers or the questions' text."""
    return {
        "kind": attempt.kind,
        "number": attempt.number,
        "page_id": attempt.page_id,
        "course_id": attempt.enrollment.course_id,
        "score": f"{attempt.score:.2f}" if attempt.score is not None else None,
        "passed": attempt.passed,
    }
