"""Course analytics: the arithmetic on a hand-built data set, its undefined cases, the selector's
fixed query count, and the admin pages for every role. The item analysis on its own is tested in
tests/quizzes/test_item_analysis.py."""

from __future__ import annotations

import datetime
import json
import math
import random
from decimal import Decimal
from typing import Any, cast

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import CreditClaim
from courses import analytics
from courses.admin_views import duration_text
from courses.analytics_selectors import COURSE_ANALYTICS_QUERIES, analytics_courses, course_analytics
from courses.models import CoursePage, CreditType, Enrollment, EvaluationResponse
from lms.accounts.models import User
from quizzes.grading import grade
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from quizzes.snapshot import quiz_settings, snapshot_build
from tests.factories import EVALUATION, CoursePageFactory, UserFactory, staff_user
from tests.quizzes.test_item_analysis import ITEMS, textbook_point_biserial

PRETEST = {"A": (1, 0, 0), "B": (0, 1, 0), "C": (0, 0, 0), "D": (0, 0, 1)}  # E skipped the pre-test


# The arithmetic, without the database


def test_rates_medians_and_means() -> None:
    assert analytics.completion_rate(enrolled=6, completed=3) == 0.5
    assert analytics.pass_rate(took=5, passed=4) == 0.8
    assert analytics.median([3.0, 1.0, 2.0]) == 2.0
    assert analytics.median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert analytics.mean([100.0, 50.0]) == 75.0


def test_the_paired_gain_counts_only_learners_with_both_scores() -> None:
    gain = analytics.paired_gain({"A": 20.0, "B": 40.0, "C": 10.0}, {"A": 80.0, "B": 60.0, "D": 100.0})
    assert gain.n == 2
    assert gain.pre_mean == 30.0
    assert gain.post_mean == 70.0
    assert gain.mean_gain == 40.0  # (60 + 20) / 2
    assert gain.sd_gain == pytest.approx(math.sqrt(((60 - 40) ** 2 + (20 - 40) ** 2) / 1))


def test_the_likert_summary_counts_each_point_and_averages() -> None:
    summary = analytics.likert_summary([5, 5, 4, 2, 9])  # 9 is off the scale and ignored
    assert summary.counts == {5: 2, 4: 1, 3: 0, 2: 1, 1: 0}
    assert summary.n == 4
    assert summary.mean == pytest.approx(16 / 4)


def test_undefined_statistics_are_none_not_zero() -> None:
    assert analytics.mean([]) is None
    assert analytics.median([]) is None
    assert analytics.completion_rate(enrolled=0, completed=0) is None
    assert analytics.pass_rate(took=0, passed=0) is None
    empty_gain = analytics.paired_gain({"A": 10.0}, {"B": 90.0})
    assert (empty_gain.n, empty_gain.pre_mean, empty_gain.post_mean, empty_gain.mean_gain) == (0, None, None, None)
    one_pair = analytics.paired_gain({"A": 10.0}, {"A": 90.0})
    assert one_pair.mean_gain == 80.0 and one_pair.sd_gain is None
    assert analytics.likert_summary([]).mean is None
    assert duration_text(None) is None


def test_durations_read_as_a_person_would_say_them() -> None:
    assert duration_text(2 * 86400.0) == "2 days"
    assert duration_text(86400.0 + 4 * 3600) == "1 day 4 h"
    assert duration_text(2 * 3600 + 5 * 60.0) == "2 h 5 min"
    assert duration_text(40 * 60.0) == "40 min"
    assert duration_text(10.0) == "under a minute"


# The selector, on the same data in the database


def quiz_json() -> str:
    questions = [
        {
            "type": "single_choice",
            "value": {
                "prompt": f"Question {n}?",
                "choices": [{"text": "Right", "correct": True}, {"text": "Wrong", "correct": False}],
                "explanation": "Because.",
                "reference": "",
            },
        }
        for n in (1, 2, 3)
    ]
    value = {"passing_score": 60, "max_attempts": 0, "shuffle": False, "show_explanations": "after_submission"}
    return json.dumps([{"type": "quiz", "value": {**value, "questions": questions}}])


@pytest.fixture
def analysed_course(course: CoursePage) -> CoursePage:
    """The course with a 3-question pre-test that the post-test reuses, and an evaluation."""
    course.pretest = quiz_json()
    course.posttest_reuses_pretest = True
    course.evaluation = EVALUATION
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


T0 = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)


def enroll(course: CoursePage, key: str) -> Enrollment:
    user = UserFactory(email=f"learner-{key.lower()}@example.org", first_name="Quentin", last_name=f"Zabriskie{key}")
    return Enrollment.objects.create(user=user, course=course, enrolled_at=T0)


def submit(enrollment: Enrollment, kind: str, pattern: tuple[int, ...], number: int = 1) -> QuizAttempt:
    """A submitted attempt graded by the real grader, answering right or wrong per the pattern."""
    course = cast(CoursePage, enrollment.course)
    quiz = course.pretest[0].value
    snapshot = snapshot_build(
        title=kind, settings=quiz_settings(quiz), questions=quiz["questions"], revision_id=None, rng=random.Random(0)
    )
    answers = {
        q["id"]: [q["correct"][0] if right else next(c["id"] for c in q["choices"] if c["id"] not in q["correct"])]
        for q, right in zip(snapshot["questions"], pattern, strict=True)
    }
    result = grade(snapshot, answers)
    return QuizAttempt.objects.create(
        user=enrollment.user,
        enrollment=enrollment,
        page_id=course.pk,
        kind=kind,
        number=number,
        max_attempts=0,
        status=AttemptStatus.SUBMITTED,
        submitted_at=timezone.now(),
        snapshot=snapshot,
        answers=answers,
        results=result.results_json(),
        score=result.score,
        passed=result.passed,
    )


def claim(enrollment: Enrollment, after: datetime.timedelta) -> None:
    CreditClaim.objects.create(
        enrollment=enrollment,
        user=enrollment.user,
        course=enrollment.course,
        credit_type=CreditType.AMA_PRA_1,
        credits=Decimal("1.00"),
        attested_at=T0 + after,
    )


def evaluate(enrollment: Enrollment, likert: str, free_text: str, commitment: str) -> None:
    course = cast(CoursePage, enrollment.course)
    blocks = list(course.evaluation)
    EvaluationResponse.objects.create(
        enrollment=enrollment,
        items=[
            {
                "id": blocks[0].id,
                "type": "likert",
                "question": "The content was free of commercial bias.",
                "answer": likert,
            },
            {"id": blocks[1].id, "type": "free_text", "question": "What could we improve?", "answer": free_text},
            {"id": blocks[2].id, "type": "commitment", "question": "What will you change?", "answer": commitment},
        ],
    )


@pytest.fixture
def hand_built(analysed_course: CoursePage) -> CoursePage:
    """Six learners: A–E took the post-test (ITEMS), A–D the pre-test (PRETEST), F only enrolled.
    A, B and C claimed credit 1, 3 and 2 days after enrolling (B again after a reissue, later)."""
    enrollments = {key: enroll(analysed_course, key) for key in "ABCDEF"}
    for key, pattern in ITEMS.items():
        submit(enrollments[key], QuizKind.POST, pattern)
    submit(enrollments["D"], QuizKind.POST, (1, 1, 1), number=2)
    for key, pattern in PRETEST.items():
        submit(enrollments[key], QuizKind.PRE, pattern)
    claim(enrollments["A"], datetime.timedelta(days=1))
    claim(enrollments["B"], datetime.timedelta(days=3))
    claim(enrollments["B"], datetime.timedelta(days=5))
    claim(enrollments["C"], datetime.timedelta(days=2))
    evaluate(enrollments["A"], "5", "More cases, please.", "Offer naloxone to every patient on 50 MME or more.")
    evaluate(enrollments["B"], "4", "", "check the PDMP before every opioid prescription.")
    evaluate(enrollments["C"], "5", "", "")
    return analysed_course


def test_the_selector_computes_the_hand_built_figures(hand_built: CoursePage) -> None:
    data = course_analytics(course=hand_built)

    assert (data.enrolled, data.completed, data.completion_rate) == (6, 3, 0.5)
    assert data.median_seconds_to_complete == 2 * 86400  # 1, 3 (the earliest of B's claims) and 2 days

    post = data.posttest
    assert (post.took, post.passed, post.passed_first_attempt) == (5, 4, 3)
    assert post.pass_rate == 0.8 and post.first_attempt_pass_rate == 0.6
    assert post.mean_first_score == pytest.approx((100 + 66.67 + 66.67 + 33.33 + 0) / 5)
    assert post.mean_best_score == pytest.approx((100 + 66.67 + 66.67 + 100 + 0) / 5)

    # Items: first attempts only (D's perfect retake does not count), in the test's order, with prompts.
    assert [row.prompt for row in post.items] == ["Question 1?", "Question 2?", "Question 3?"]
    assert [row.stats.n for row in post.items] == [5, 5, 5]
    assert [row.stats.difficulty for row in post.items] == pytest.approx([0.6, 0.6, 0.4])
    for index, row in enumerate(post.items):
        item = [pattern[index] for pattern in ITEMS.values()]
        rest = [sum(pattern) - pattern[index] for pattern in ITEMS.values()]
        assert row.stats.discrimination == pytest.approx(textbook_point_biserial(item, rest))

    assert data.pretest.took == 4
    assert data.pretest.mean_score == pytest.approx((33.33 * 3 + 0) / 4)
    assert [row.stats.difficulty for row in data.pretest.items] == pytest.approx([0.25, 0.25, 0.25])

    # Paired: A–D (E has no pre-test). First attempts: 100−33.33, 66.67−33.33, 66.67−0, 33.33−33.33.
    assert data.gain_first.n == 4
    assert data.gain_first.mean_gain == pytest.approx((66.67 + 33.34 + 66.67 + 0) / 4)
    assert data.gain_best.n == 4
    assert data.gain_best.mean_gain == pytest.approx((66.67 + 33.34 + 66.67 + 66.67) / 4)
    assert data.gain_best.pre_mean == pytest.approx(data.pretest.mean_score)

    evaluation = data.evaluation
    assert evaluation.responses == 3
    [likert] = evaluation.likert
    assert likert.question == "The content was free of commercial bias."
    assert likert.summary.counts == {5: 2, 4: 1, 3: 0, 2: 0, 1: 0}
    assert likert.summary.mean == pytest.approx(14 / 3)
    assert [(row.question, row.answered) for row in evaluation.free_text] == [("What could we improve?", 1)]
    [commitments] = evaluation.commitments
    assert commitments.question == "What will you change in your practice?"  # the course's wording now
    assert commitments.answers == [
        "check the PDMP before every opioid prescription.",
        "Offer naloxone to every patient on 50 MME or more.",
    ]


def test_a_course_nobody_took_gives_none_not_zero(analysed_course: CoursePage) -> None:
    data = course_analytics(course=analysed_course)
    assert (data.enrolled, data.completed) == (0, 0)
    assert data.completion_rate is None
    assert data.median_seconds_to_complete is None
    assert data.posttest.pass_rate is None and data.posttest.mean_best_score is None
    assert data.pretest.mean_score is None and data.posttest.items == []
    assert data.gain_best.mean_gain is None and data.gain_best.n == 0
    assert data.evaluation.responses == 0
    assert data.evaluation.likert[0].summary.mean is None


def test_a_question_removed_from_the_test_is_still_analysed_and_said_to_be_gone(hand_built: CoursePage) -> None:
    course = CoursePage.objects.get(pk=hand_built.pk)
    raw = json.loads(quiz_json())
    raw[0]["value"]["questions"] = raw[0]["value"]["questions"][:1]  # new ids: all three old ones are gone
    course.pretest = json.dumps(raw)
    course.save_revision().publish()
    data = course_analytics(course=CoursePage.objects.get(pk=course.pk))
    assert [row.prompt for row in data.posttest.items] == [None, None, None]
    assert sorted(cast(float, row.stats.difficulty) for row in data.posttest.items) == pytest.approx([0.4, 0.6, 0.6])


def add_learners(course: CoursePage, count: int, start: int) -> None:
    for n in range(start, start + count):
        enrollment = enroll(course, f"N{n}")
        submit(enrollment, QuizKind.PRE, (n % 2, 1, 0))
        submit(enrollment, QuizKind.POST, (1, n % 3 == 0, 1))
        claim(enrollment, datetime.timedelta(hours=n + 1))
        evaluate(enrollment, str(n % 5 + 1), "Fine.", f"Commitment {n}")


def test_the_selector_query_count_stays_fixed_as_learners_grow(
    analysed_course: CoursePage, django_assert_max_num_queries: Any
) -> None:
    add_learners(analysed_course, 1, 0)
    course = CoursePage.objects.get(pk=analysed_course.pk)
    with django_assert_max_num_queries(COURSE_ANALYTICS_QUERIES):
        assert course_analytics(course=course).enrolled == 1
    add_learners(analysed_course, 30, 1)
    course = CoursePage.objects.get(pk=analysed_course.pk)
    with django_assert_max_num_queries(COURSE_ANALYTICS_QUERIES):
        data = course_analytics(course=course)
    assert (data.enrolled, data.completed, data.evaluation.responses) == (31, 31, 31)


def test_the_analytics_page_query_count_does_not_grow_with_learners(
    client: Client, analysed_course: CoursePage
) -> None:
    client.force_login(staff_user("specialist"))
    url = reverse("antidote_analytics:course", args=[analysed_course.pk])
    add_learners(analysed_course, 2, 0)
    client.get(url)  # warm Wagtail's per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_learners(analysed_course, 25, 2)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_course_list_is_one_query_however_many_courses(
    hand_built: CoursePage, catalog: Any, django_assert_num_queries: Any
) -> None:
    CoursePageFactory(parent=catalog, title="A second course")
    with django_assert_num_queries(1):
        rows = analytics_courses()
    assert [(row.course.title, row.enrolled, row.completed, row.completion_rate) for row in rows] == [
        (hand_built.title, 6, 3, 0.5),
        ("A second course", 0, 0, None),
    ]


# The admin pages, by role

ROLES = ["anonymous", "clinician", "specialist", "reviewer", "administrator"]


def login(client: Client, role: str) -> User | None:
    if role == "anonymous":
        return None
    if role == "clinician":
        user = cast(User, UserFactory(email="clinician@example.org", email_confirmed_at=timezone.now()))
    else:
        user = cast(User, staff_user(role))
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["index", "course"])
def test_the_analytics_pages_are_for_specialists_reviewers_and_administrators(
    client: Client, hand_built: CoursePage, role: str, name: str
) -> None:
    login(client, role)
    args = [hand_built.pk] if name == "course" else []
    response = client.get(reverse(f"antidote_analytics:{name}", args=args))
    if role in ("anonymous", "clinician"):
        # Wagtail's own admin check: to the admin login, nothing of the analytics shown.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Course analytics" in html
    assert hand_built.title in html


def test_staff_without_the_permission_are_refused_with_403(client: Client, hand_built: CoursePage) -> None:
    user = cast(User, UserFactory(email="editor@example.org"))
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    for url in (
        reverse("antidote_analytics:index"),
        reverse("antidote_analytics:course", args=[hand_built.pk]),
        reverse("antidote_analytics:course", args=[999999]),  # no hint whether a course exists
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "You do not have permission to view course analytics" in response.content.decode()
        assert hand_built.title not in response.content.decode()
    assert "Course analytics" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_menu_shows_course_analytics_to_those_who_may_open_it(client: Client, db: None) -> None:
    client.force_login(staff_user("specialist"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Course analytics" in home
    assert reverse("antidote_analytics:index") in home


def test_an_unknown_course_is_404(client: Client, analysed_course: CoursePage) -> None:
    client.force_login(staff_user("administrator"))
    assert client.get(reverse("antidote_analytics:course", args=[analysed_course.pk + 999])).status_code == 404
    # A page that is not a course is not a course either.
    assert client.get(reverse("antidote_analytics:course", args=[analysed_course.get_parent().pk])).status_code == 404
    # An id beyond the database's integer range is a 404 too, not a database error.
    assert client.get(reverse("antidote_analytics:course", args=[10**20])).status_code == 404
    assert client.get("/admin/antidote-analytics/not-a-number/").status_code == 404


def test_the_course_page_shows_the_figures_with_n_and_no_names(client: Client, hand_built: CoursePage) -> None:
    client.force_login(staff_user("specialist"))
    html = client.get(reverse("antidote_analytics:course", args=[hand_built.pk])).content.decode()
    assert "50% (3 of 6)" in html  # completion
    assert "80% (4 of 5)" in html  # pass rate, any attempt
    assert "60% (3 of 5)" in html  # pass rate, first attempt
    assert "2 days" in html  # median time to complete
    assert "0.65" in html and "0.33" in html  # q1 and q3 discrimination
    assert "+41.7" in html  # paired gain, first attempts
    assert "Offer naloxone to every patient on 50 MME or more." in html
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "Zabriskie" not in html and "learner-a@example.org" not in html
    index = client.get(reverse("antidote_analytics:index")).content.decode()
    assert reverse("antidote_analytics:course", args=[hand_built.pk]) in index
    assert "50% (3 of 6)" in index


def test_an_empty_course_page_says_not_enough_data(client: Client, analysed_course: CoursePage) -> None:
    client.force_login(staff_user("reviewer"))
    html = client.get(reverse("antidote_analytics:course", args=[analysed_course.pk])).content.decode()
    assert "Not enough data" in html
    assert "0%" not in html
    assert "No submitted post-test attempts yet." in html


def test_the_analytics_pages_only_read(client: Client, hand_built: CoursePage) -> None:
    client.force_login(staff_user("administrator"))
    response = client.post(reverse("antidote_analytics:course", args=[hand_built.pk]))
    assert response.status_code == 405
