"""Reads for course analytics: a course's learner records in a fixed number of queries.

Kept apart from courses/selectors.py (the learner's pages) because it reads across every learner
of a course for staff, and feeds the pure arithmetic in courses/analytics.py. The test attempts and
the item analysis are the quizzes' (quizzes/selectors.py, quizzes/item_analysis.py).

Definitions shared with the reports (see the admin URL conventions):
- completed: the learner claimed credit; the earliest claim's attested_at is the completion date
  (an enrollment has several claims only across revoke/reissue);
- post-test score: the best submitted post-test attempt; passed if any submitted attempt passed.

Item statistics use each learner's *first* submitted attempt (quizzes.selectors.LearnerAttempts says why).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Min, Q

from courses import analytics
from courses.analytics import LikertSummary, PairedGain
from courses.forms import evaluation_fields
from courses.models import CoursePage, Enrollment, EvaluationResponse
from quizzes.item_analysis import QuestionRow
from quizzes.models import QuizKind
from quizzes.selectors import course_test_attempts, item_analysis

# enrollments, quiz attempts, evaluation responses (the course itself is the caller's)
COURSE_ANALYTICS_QUERIES = 3


@dataclass(frozen=True)
class CourseOverview:
    course: CoursePage
    enrolled: int
    completed: int

    @property
    def completion_rate(self) -> float | None:
        return analytics.completion_rate(enrolled=self.enrolled, completed=self.completed)


def analytics_courses() -> list[CourseOverview]:
    """Every course, live or not, in tree order, with its enrollment and completion counts (one query)."""
    courses = CoursePage.objects.annotate(
        enrolled_count=Count("enrollments", distinct=True),
        completed_count=Count("enrollments", filter=Q(enrollments__credit_claims__isnull=False), distinct=True),
    ).order_by("path")
    return [CourseOverview(c, c.enrolled_count, c.completed_count) for c in courses]


@dataclass(frozen=True)
class PreTestSummary:
    took: int
    mean_score: float | None
    items: list[QuestionRow]


@dataclass(frozen=True)
class PostTestSummary:
    took: int  # learners with at least one submitted attempt
    passed: int  # ... who passed on any attempt
    passed_first_attempt: int
    mean_best_score: float | None  # of each learner's best attempt (the reports' post-test score)
    mean_first_score: float | None
    items: list[QuestionRow]

    @property
    def pass_rate(self) -> float | None:
        return analytics.pass_rate(took=self.took, passed=self.passed)

    @property
    def first_attempt_pass_rate(self) -> float | None:
        return analytics.pass_rate(took=self.took, passed=self.passed_first_attempt)


@dataclass(frozen=True)
class LikertRow:
    question: str
    summary: LikertSummary


@dataclass(frozen=True)
class FreeTextRow:
    question: str
    answered: int


@dataclass(frozen=True)
class CommitmentRow:
    question: str
    # The answers alone, in alphabetical order: no names, no dates, nothing that lines an answer
    # up with a learner in the completion report.
    answers: list[str]


@dataclass(frozen=True)
class EvaluationSummary:
    responses: int
    likert: list[LikertRow] = field(default_factory=list)
    free_text: list[FreeTextRow] = field(default_factory=list)
    commitments: list[CommitmentRow] = field(default_factory=list)


@dataclass(frozen=True)
class CourseAnalytics:
    course: CoursePage
    enrolled: int
    completed: int
    median_seconds_to_complete: float | None  # over the `completed` learners
    pretest: PreTestSummary
    posttest: PostTestSummary
    gain_best: PairedGain  # pre-test against the best post-test attempt
    gain_first: PairedGain  # pre-test against the first post-test attempt
    evaluation: EvaluationSummary

    @property
    def completion_rate(self) -> float | None:
        return analytics.completion_rate(enrolled=self.enrolled, completed=self.completed)


def course_analytics(*, course: CoursePage) -> CourseAnalytics:
    """Everything the course analytics page shows, in COURSE_ANALYTICS_QUERIES queries however many learners."""
    enrollments = list(
        Enrollment.objects.filter(course=course)
        .annotate(completed_at=Min("credit_claims__attested_at"))
        .values_list("pk", "enrolled_at", "completed_at")
    )
    durations = [
        max(0.0, (completed_at - enrolled_at).total_seconds())
        for _, enrolled_at, completed_at in enrollments
        if completed_at is not None
    ]

    learners = course_test_attempts(course=course)
    pre_scores = {key: learner.pre_score for key, learner in learners.items() if learner.pre_score is not None}
    post = {key: learner for key, learner in learners.items() if learner.post_scores}
    best = {key: max(learner.post_scores) for key, learner in post.items()}
    first = {key: learner.post_scores[0] for key, learner in post.items()}

    pre_results = [r.pre_results for r in learners.values() if r.pre_results is not None]
    post_results = [r.post_first_results for r in post.values() if r.post_first_results is not None]
    return CourseAnalytics(
        course=course,
        enrolled=len(enrollments),
        completed=len(durations),
        median_seconds_to_complete=analytics.median(durations),
        pretest=PreTestSummary(
            took=len(pre_scores),
            mean_score=analytics.mean(list(pre_scores.values())),
            items=item_analysis(course=course, kind=QuizKind.PRE, responses=pre_results),
        ),
        posttest=PostTestSummary(
            took=len(post),
            passed=sum(1 for learner in post.values() if learner.post_passed_any),
            passed_first_attempt=sum(1 for learner in post.values() if learner.post_passed_first),
            mean_best_score=analytics.mean(list(best.values())),
            mean_first_score=analytics.mean(list(first.values())),
            items=item_analysis(course=course, kind=QuizKind.POST, responses=post_results),
        ),
        gain_best=analytics.paired_gain(pre_scores, best),
        gain_first=analytics.paired_gain(pre_scores, first),
        evaluation=_evaluation(course),
    )


def _evaluation(course: CoursePage) -> EvaluationSummary:
    """Likert counts and means, free-text answer counts and the commitment answers (one query)."""
    responses = list(EvaluationResponse.objects.filter(enrollment__course=course).values_list("items", flat=True))
    # Questions in the order of the evaluation as it stands, then any since removed, as asked.
    questions: dict[str, tuple[str, str]] = {f["id"]: (f["type"], f["question"]) for f in evaluation_fields(course)}
    answers: dict[str, list[str]] = {qid: [] for qid in questions}
    for items in responses:
        for item in items or []:
            qid = str(item.get("id", ""))
            questions.setdefault(qid, (str(item.get("type", "")), str(item.get("question", ""))))
            answers.setdefault(qid, []).append(str(item.get("answer") or "").strip())

    summary = EvaluationSummary(responses=len(responses))
    for qid, (kind, question) in questions.items():
        given = [answer for answer in answers.get(qid, []) if answer]
        if kind == "likert":
            scale = [int(answer) for answer in given if answer.isdigit()]
            summary.likert.append(LikertRow(question, analytics.likert_summary(scale)))
        elif kind == "free_text":
            summary.free_text.append(FreeTextRow(question, len(given)))
        elif kind == "commitment":
            summary.commitments.append(CommitmentRow(question, sorted(given, key=str.casefold)))
    return summary
