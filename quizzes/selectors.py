"""Reads: which quiz a page offers, and a learner's attempts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from courses.models import CoursePage, Enrollment, ModulePage
from courses.selectors import course_of
from quizzes.blocks import ShowExplanations
from quizzes.models import QuizAttempt, QuizKind
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


def quiz_definition(page: Page, kind: str, course: CoursePage | None = None) -> QuizDefinition | None:
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


def attempts_for(enrollment: Enrollment, page: Page, kind: str) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(enrollment=enrollment, page_id=page.pk, kind=kind).order_by("number"))


def attempt_for_learner(attempt_id: int, user_id: int) -> QuizAttempt | None:
    """The learner's own attempt, or None: another learner's attempt is indistinguishable from none."""
    return (
        QuizAttempt.objects.select_related("enrollment__course", "page").filter(pk=attempt_id, user_id=user_id).first()
    )


def explanations_visible(attempt: QuizAttempt) -> bool:
    if not attempt.is_submitted:
        return False
    rule = attempt.snapshot["quiz"].get("show_explanations", ShowExplanations.AFTER_SUBMISSION)
    return rule == ShowExplanations.AFTER_SUBMISSION or bool(attempt.passed)


def attempt_history(user_id: int) -> list[QuizAttempt]:
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
