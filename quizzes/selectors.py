"""Reads: which quiz a page offers, a learner's attempts, and for staff every learner's attempts
(the quiz attempts report, and the test attempts the course analytics and item analysis read)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import F, QuerySet

from courses.models import CoursePage, Enrollment, ModulePage
from courses.selectors import course_of
from lms.staff import LearnerRow, learner_columns
from quizzes.blocks import ShowExplanations
from quizzes.item_analysis import QuestionRow, question_rows
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from quizzes.snapshot import quiz_settings

if TYPE_CHECKING:
    from wagtail.models import Page


@dataclass(frozen=True)
class QuizDefinition:
    page: CoursePage | ModulePage
    course: CoursePage
    kind: QuizKind
    title: str
    settings: dict[str, Any]
    questions: Any  # the StreamValue of question blocks

    @property
    def question_count(self) -> int:
        return len(self.questions)


def _quiz(field: Any) -> Any:
    return field[0].value if field else None


def quiz_definition(*, page: Page, kind: str, course: CoursePage | None = None) -> QuizDefinition | None:
    """The quiz a page offers for a kind, or None. The pre-test allows one attempt: it is a baseline."""
    specific = page.specific
    if kind == QuizKind.MODULE and isinstance(specific, ModulePage):
        quiz = _quiz(specific.quiz)
        if quiz is None or not quiz["questions"]:
            return None
        parent = course or course_of(module=specific)
        if parent is None:
            return None
        return QuizDefinition(
            specific, parent, QuizKind.MODULE, f"Quiz: {specific.title}", quiz_settings(quiz), quiz["questions"]
        )
    if not isinstance(specific, CoursePage):
        return None
    pretest, posttest = _quiz(specific.pretest), _quiz(specific.posttest)
    if kind == QuizKind.PRE and pretest is not None and pretest["questions"]:
        settings = {**quiz_settings(pretest), "max_attempts": 1}
        return QuizDefinition(specific, specific, QuizKind.PRE, "Pre-test", settings, pretest["questions"])
    if kind == QuizKind.POST:
        source = pretest if specific.posttest_reuses_pretest else posttest
        settings_from = posttest if posttest is not None else pretest
        if source is None or settings_from is None or not source["questions"]:
            return None
        return QuizDefinition(
            specific, specific, QuizKind.POST, "Post-test", quiz_settings(settings_from), source["questions"]
        )
    return None


def attempts_for(*, enrollment: Enrollment, page: Page, kind: str) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(enrollment=enrollment, page_id=page.pk, kind=kind).order_by("number"))


def attempt_for_learner(*, attempt_id: int, user_id: int) -> QuizAttempt | None:
    """The learner's own attempt, or None: another learner's attempt is indistinguishable from none."""
    return (
        QuizAttempt.objects.select_related("enrollment__course", "page").filter(pk=attempt_id, user_id=user_id).first()
    )


def explanations_visible(*, attempt: QuizAttempt) -> bool:
    if not attempt.is_submitted:
        return False
    rule = attempt.snapshot["quiz"].get("show_explanations", ShowExplanations.AFTER_SUBMISSION)
    return rule == ShowExplanations.AFTER_SUBMISSION or bool(attempt.passed)


def attempt_history(*, user_id: int) -> list[QuizAttempt]:
    """Every attempt of the learner, newest first, with what the page shows beside it."""
    return list(
        QuizAttempt.objects.filter(user_id=user_id)
        .select_related("enrollment__course")
        .only(
            "id",
            "kind",
            "number",
            "status",
            "started_at",
            "submitted_at",
            "score",
            "passed",
            "max_attempts",
            "page_id",
            "snapshot",
            "enrollment__course__title",
            "enrollment__course__url_path",
        )
        .order_by("enrollment__course__path", "kind", "page_id", "number")
    )


# The quiz attempts report --------------------------------------------------------------------


class QuizAttemptRow(LearnerRow):
    """A row of the quiz attempts report: one attempt at the pre-test, a module quiz or the post-test."""

    id: int
    quiz_title: str
    kind: str
    number: int
    status: str
    started_at: datetime.datetime
    submitted_at: datetime.datetime | None
    score: Decimal | None
    passed: bool | None


# The ``.values()`` keys: the row type's keys, so the two cannot drift apart.
QUIZ_ATTEMPT_FIELDS: tuple[str, ...] = tuple(QuizAttemptRow.__annotations__)


def quiz_attempts_lean() -> QuerySet[QuizAttempt]:
    """What the report's filters, count and pagination run on: ordered by id, the order attempts
    were made (an index scan, where ordering by the start time would sort the whole table per page)."""
    return QuizAttempt.objects.order_by("-pk")


def quiz_attempt_rows(*, queryset: QuerySet[QuizAttempt]) -> QuerySet[QuizAttempt]:
    """Every quiz attempt (pre-test, module quizzes, post-test), with the learner and course joined."""
    return queryset.annotate(
        **learner_columns("user"),
        course_title=F("enrollment__course__title"),
        quiz_title=F("page__title"),
    )


# A course's pre- and post-test attempts, for the course analytics and item analysis -------------


@dataclass
class LearnerAttempts:
    """One enrollment's submitted pre- and post-test attempts, in attempt order.

    Item analysis reads each learner's *first* submitted attempt: a retake follows feedback on the
    first, so pooling retakes would count the same learner twice and make items look easier than
    they were the first time. The pre-test allows one attempt, so its first attempt is its only one.
    """

    pre_score: float | None = None
    pre_results: dict[str, bool] | None = None
    post_scores: list[float] = field(default_factory=list)
    post_passed_any: bool = False
    post_passed_first: bool = False
    post_first_results: dict[str, bool] | None = None


def course_test_attempts(*, course: CoursePage) -> dict[int, LearnerAttempts]:
    """Submitted pre- and post-test attempts of every learner of a course, by enrollment id (one query)."""
    rows = (
        QuizAttempt.objects.filter(
            enrollment__course=course, kind__in=[QuizKind.PRE, QuizKind.POST], status=AttemptStatus.SUBMITTED
        )
        .order_by("enrollment_id", "kind", "number")
        .values_list("enrollment_id", "kind", "score", "passed", "results")
    )
    learners: dict[int, LearnerAttempts] = {}
    for enrollment_id, kind, score, passed, results in rows:
        if score is None:  # a submitted attempt always has one (check constraint submitted_attempts_are_graded)
            continue
        learner = learners.setdefault(enrollment_id, LearnerAttempts())
        value = float(score)
        if kind == QuizKind.PRE:
            if learner.pre_score is None:
                learner.pre_score, learner.pre_results = value, _results(results)
            continue
        if not learner.post_scores:
            learner.post_passed_first, learner.post_first_results = bool(passed), _results(results)
        learner.post_scores.append(value)
        learner.post_passed_any = learner.post_passed_any or bool(passed)
    return learners


def _results(results: dict[str, Any] | None) -> dict[str, bool]:
    return {str(key): bool(value) for key, value in (results or {}).items()}


def current_prompts(*, course: CoursePage, kind: str) -> dict[str, str]:
    """The test's question ids and prompts as it stands, as quiz_definition picks its questions.

    Read from the course's own fields rather than through quiz_definition, whose page.specific
    may look up the content type: the analytics' query count stays fixed however warm the caches are.
    """
    own_posttest = kind == QuizKind.POST and not course.posttest_reuses_pretest
    field_value = course.posttest if own_posttest else course.pretest
    questions = field_value[0].value["questions"] if field_value else []
    return {block.id: str(block.value["prompt"]) for block in questions}


def item_analysis(*, course: CoursePage, kind: str, responses: list[dict[str, bool]]) -> list[QuestionRow]:
    """The test's item statistics over ``responses`` (first attempts), in the test's order (no query)."""
    return question_rows(responses, current_prompts(course=course, kind=kind))
