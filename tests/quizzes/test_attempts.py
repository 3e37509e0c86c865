"""Quiz attempts end to end: start, no leakage, submit once, review, limits, history, frozen snapshots."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage, ModulePage, ModuleProgress
from lms.accounts.models import User
from quizzes.models import AttemptStatus, QuizAttempt
from tests.factories import EnrollmentFactory, UserFactory, modules_of, publish, quiz_json


def start(client: Client, page: Any, kind: str = "module") -> QuizAttempt:
    response = client.post(f"/quizzes/{page.pk}/{kind}/start/")
    assert response.status_code == 302, response.content.decode()[:500]
    attempt_id = int(re.search(r"/quizzes/attempts/(\d+)/", response["Location"]).group(1))  # type: ignore[union-attr]
    return QuizAttempt.objects.get(pk=attempt_id)


def answers(attempt: QuizAttempt, *, right: bool = True, skip: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {"token": attempt.token}
    for q in attempt.snapshot["questions"][skip:]:
        wrong = [c["id"] for c in q["choices"] if c["id"] not in q["correct"]]
        data[f"q-{q['id']}"] = q["correct"] if right else wrong[:1]
    return data


def submit(client: Client, attempt: QuizAttempt, data: dict[str, Any]) -> Any:
    return client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)


# Starting, and nothing leaks before submission


def test_the_overview_tells_the_passing_score_in_advance(learner_client: Client, quiz_module: ModulePage) -> None:
    html = learner_client.get(f"/quizzes/{quiz_module.pk}/module/").content.decode()
    assert "Passing score: 60%." in html
    assert "5 questions" in html


def test_an_unsubmitted_attempt_reveals_no_key_and_no_explanation(
    learner_client: Client, quiz_module: ModulePage
) -> None:
    attempt = start(learner_client, quiz_module)
    html = learner_client.get(f"/quizzes/attempts/{attempt.pk}/").content.decode()
    for q in attempt.snapshot["questions"]:
        assert q["prompt"] in html
        assert q["explanation"] not in html
        assert q["reference"] not in html
        for choice in q["choices"]:
            # Every choice is marked up the same way, right or wrong.
            tag = re.search(rf'<input[^>]*value="{re.escape(choice["id"])}"[^>]*>', html)
            assert tag, choice
            assert "correct" not in tag.group(0) and "data-" not in tag.group(0)
    assert "Right answer" in html  # the choice text is there, as for every choice...
    assert "correct" not in html.lower().replace("not correct", "")  # ...but nothing says which is right


def test_starting_twice_resumes_the_open_attempt(learner_client: Client, quiz_module: ModulePage) -> None:
    first = start(learner_client, quiz_module)
    second = start(learner_client, quiz_module)
    assert first.pk == second.pk
    assert QuizAttempt.objects.count() == 1


def test_a_learner_not_enrolled_cannot_start(client: Client, quiz_module: ModulePage) -> None:
    client.force_login(UserFactory.create(email="outsider@example.org"))
    response = client.post(f"/quizzes/{quiz_module.pk}/module/start/")
    assert response.status_code == 403
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize(
    "path", ["/quizzes/999999/module/start/", "/quizzes/{id}/bogus/start/", "/quizzes/{id}/post/start/"]
)
def test_unknown_quizzes_are_not_found(learner_client: Client, quiz_module: ModulePage, path: str) -> None:
    assert learner_client.post(path.format(id=quiz_module.pk)).status_code == 404


def test_get_on_start_and_submit_is_refused(learner_client: Client, quiz_module: ModulePage) -> None:
    assert learner_client.get(f"/quizzes/{quiz_module.pk}/module/start/").status_code == 405
    attempt = start(learner_client, quiz_module)
    assert learner_client.get(f"/quizzes/attempts/{attempt.pk}/submit/").status_code == 405


# Submitting


def test_a_passing_submission_shows_score_answers_keys_and_explanations(
    learner_client: Client, quiz_module: ModulePage
) -> None:
    attempt = start(learner_client, quiz_module)
    response = submit(learner_client, attempt, answers(attempt))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.passed and attempt.score == 100
    html = learner_client.get(response["Location"]).content.decode()
    assert "Score: 100%" in html and "Passed" in html
    assert "(your answer)" in html and "(right answer)" in html
    assert "Explanation text 1 only after submission." in html and "Reference 1" in html


def test_a_failed_submission_says_how_many_attempts_remain(learner_client: Client, course: CoursePage) -> None:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(3, max_attempts=2, show_explanations="after_passing")
    module.save_revision().publish()
    attempt = start(learner_client, module)
    html = learner_client.get(
        submit(learner_client, attempt, answers(attempt, right=False))["Location"]
    ).content.decode()
    assert "Not passed" in html and "1 attempt left." in html
    assert "Explanation text" not in html  # this quiz shows explanations only after passing
    assert "(right answer)" not in html


def test_unanswered_questions_are_named_and_answers_kept(learner_client: Client, quiz_module: ModulePage) -> None:
    attempt = start(learner_client, quiz_module)
    data = answers(attempt, skip=2)
    response = submit(learner_client, attempt, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Questions 1, 2 are not answered yet. Your other answers are kept below." in html
    kept = attempt.snapshot["questions"][2]["correct"][0]
    assert re.search(rf'value="{kept}" checked', html)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS and attempt.score is None


@pytest.mark.parametrize("tamper", ["other_question", "unknown", "twice", "two_on_single"])
def test_tampered_answers_are_refused_and_change_nothing(
    learner_client: Client, quiz_module: ModulePage, tamper: str
) -> None:
    attempt = start(learner_client, quiz_module)
    data = answers(attempt)
    q0, q1 = attempt.snapshot["questions"][0], attempt.snapshot["questions"][1]
    if tamper == "other_question":
        data[f"q-{q0['id']}"] = [q1["choices"][0]["id"]]
    elif tamper == "unknown":
        data[f"q-{q0['id']}"] = ["not-a-choice"]
    elif tamper == "twice":
        data[f"q-{q0['id']}"] = [q0["correct"][0], q0["correct"][0]]
    else:
        data[f"q-{q0['id']}"] = [c["id"] for c in q0["choices"][:2]]
    response = submit(learner_client, attempt, data)
    assert response.status_code == 400
    assert "question 1" in response.content.decode().lower()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_a_wrong_token_is_refused(learner_client: Client, quiz_module: ModulePage) -> None:
    attempt = start(learner_client, quiz_module)
    response = submit(learner_client, attempt, {**answers(attempt), "token": "forged"})
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_a_replayed_submission_is_already_submitted_and_not_graded_again(
    learner_client: Client, quiz_module: ModulePage
) -> None:
    attempt = start(learner_client, quiz_module)
    data = answers(attempt)
    submit(learner_client, attempt, data)
    attempt.refresh_from_db()
    graded_at, score = attempt.submitted_at, attempt.score
    replay = submit(learner_client, attempt, {**data, **answers(attempt, right=False), "token": data["token"]})
    assert replay.status_code == 409
    assert "already submitted" in replay.content.decode()
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (graded_at, score)


def test_a_huge_body_is_refused_without_a_500(learner_client: Client, quiz_module: ModulePage) -> None:
    attempt = start(learner_client, quiz_module)
    response = learner_client.post(
        f"/quizzes/attempts/{attempt.pk}/submit/",
        data="x" * 3_000_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_another_learners_attempt_is_not_found(learner_client: Client, quiz_module: ModulePage) -> None:
    attempt = start(learner_client, quiz_module)
    intruder = Client()
    intruder.force_login(UserFactory.create(email="intruder@example.org"))
    assert intruder.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 404
    assert intruder.post(f"/quizzes/attempts/{attempt.pk}/submit/", answers(attempt)).status_code == 404
    assert intruder.get("/quizzes/attempts/not-a-number/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_starting_past_the_maximum_says_how_many_were_used(learner_client: Client, course: CoursePage) -> None:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(3, max_attempts=2)
    module.save_revision().publish()
    for _ in range(2):
        attempt = start(learner_client, module)
        submit(learner_client, attempt, answers(attempt, right=False))
    response = learner_client.post(f"/quizzes/{module.pk}/module/start/")
    assert response.status_code == 409
    assert "You have used all 2 of the 2 attempts this quiz allows." in response.content.decode()
    assert QuizAttempt.objects.count() == 2


# Frozen snapshots


def test_editing_or_deleting_questions_later_leaves_the_grade_and_review_unchanged(
    learner_client: Client, quiz_module: ModulePage
) -> None:
    attempt = start(learner_client, quiz_module)
    review_url = submit(learner_client, attempt, answers(attempt))["Location"]
    before = learner_client.get(review_url).content.decode()
    quiz_module.quiz = quiz_json(1).replace("Prompt number 1?", "A rewritten prompt?")
    quiz_module.save_revision().publish()
    attempt.refresh_from_db()
    assert attempt.score == 100
    after = learner_client.get(review_url).content.decode()
    assert "Prompt number 1?" in after and "Prompt number 3?" in after
    assert "A rewritten prompt?" not in after
    assert before.count("(right answer)") == after.count("(right answer)")


# Modules complete only when their quiz is passed


def test_a_module_with_a_quiz_completes_only_after_passing_it(learner_client: Client, quiz_module: ModulePage) -> None:
    learner_client.get(quiz_module.url)
    ModuleProgress.objects.update(seconds=3600)
    refused = learner_client.post(f"/learn/modules/{quiz_module.pk}/complete/")
    assert refused.status_code == 409
    assert "Pass this module" in refused.content.decode()
    failed = start(learner_client, quiz_module)
    submit(learner_client, failed, answers(failed, right=False))
    assert learner_client.post(f"/learn/modules/{quiz_module.pk}/complete/").status_code == 409
    retry = start(learner_client, quiz_module)
    assert retry.number == 2
    submit(learner_client, retry, answers(retry))
    assert learner_client.post(f"/learn/modules/{quiz_module.pk}/complete/").status_code == 302
    assert ModuleProgress.objects.get(module=quiz_module).completed_at is not None


def test_history_lists_every_attempt_with_scores(learner_client: Client, quiz_module: ModulePage) -> None:
    first = start(learner_client, quiz_module)
    submit(learner_client, first, answers(first, right=False))
    second = start(learner_client, quiz_module)
    submit(learner_client, second, answers(second))
    html = learner_client.get("/quizzes/history/").content.decode()
    assert "Attempt 1" in html or "attempt 1" in html
    assert "0%" in html and "100%" in html and "Not passed" in html and "Passed" in html


# Pre-test and post-test


def test_pretest_is_scored_once_and_never_blocks_and_posttest_waits_for_the_modules(
    learner_client: Client, course: CoursePage
) -> None:
    course.pretest = quiz_json(3)
    course.save_revision().publish()
    pre = start(learner_client, course, "pre")
    submit(learner_client, pre, answers(pre, right=False))
    pre.refresh_from_db()
    assert pre.score == 0 and pre.passed is False
    assert learner_client.post(f"/quizzes/{course.pk}/pre/start/").status_code == 409  # one baseline
    first = ModulePage.objects.child_of(course).order_by("path").first()
    assert first is not None
    assert "This module is locked" not in learner_client.get(first.url).content.decode()  # pre-test never blocks
    response = learner_client.post(f"/quizzes/{course.pk}/post/start/")
    assert response.status_code == 409
    assert "Complete 3 more modules" in response.content.decode()
    ModuleProgress.objects.all().delete()
    enrollment = pre.enrollment
    for module in ModulePage.objects.child_of(course):
        ModuleProgress.objects.create(enrollment=enrollment, module=module, completed_at=pre.submitted_at, seconds=900)
    post = start(learner_client, course, "post")
    assert [q["id"] for q in post.snapshot["questions"]] == [q["id"] for q in pre.snapshot["questions"]]  # paired
    submit(learner_client, post, answers(post))
    post.refresh_from_db()
    assert post.passed
    assert "Pass the post-test" not in learner_client.get("/dashboard/").content.decode()


# Concurrency and query budgets


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_submissions_grade_the_attempt_once(course_factory: Any) -> None:
    course = course_factory()
    module, user = _quiz_module_and_learner(course, max_attempts=0)
    client = Client()
    client.force_login(user)
    attempt = start(client, module)
    data = answers(attempt)
    clients = []
    for _ in range(20):
        clients.append(Client(raise_request_exception=False))
        clients[-1].force_login(user)
    statuses: list[int] = []
    barrier = threading.Barrier(20, timeout=30)

    def post(c: Client) -> None:
        barrier.wait()
        statuses.append(submit(c, attempt, data).status_code)
        connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [302] + [409] * 19
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.score == 100


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_starts_never_exceed_the_maximum(course_factory: Any) -> None:
    course = course_factory()
    module, user = _quiz_module_and_learner(course, max_attempts=2)
    clients = []
    for _ in range(8):
        clients.append(Client(raise_request_exception=False))
        clients[-1].force_login(user)
    barrier = threading.Barrier(8, timeout=30)
    statuses: list[int] = []

    def start_and_fail(c: Client) -> None:
        barrier.wait()
        for _ in range(3):
            response = c.post(f"/quizzes/{module.pk}/module/start/")
            statuses.append(response.status_code)
            if response.status_code == 302:
                attempt = QuizAttempt.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))
                submit(c, attempt, answers(attempt, right=False))
        connection.close()

    threads = [threading.Thread(target=start_and_fail, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(statuses) == 24 and 500 not in statuses, statuses
    assert QuizAttempt.objects.filter(user=user).count() == 2, statuses
    assert sorted(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2]


def _quiz_module_and_learner(course: CoursePage, *, max_attempts: int) -> tuple[ModulePage, User]:
    module = publish(modules_of(course)[0], quiz=quiz_json(3, max_attempts=max_attempts))
    user = EnrollmentFactory.create(course=course, acknowledged=True, user__email="racer@example.org").user
    return module, user


@pytest.mark.parametrize("count", [5, 30])
def test_the_submit_view_query_count_does_not_grow_with_questions(
    learner_client: Client, course: CoursePage, count: int, django_assert_max_num_queries: Any
) -> None:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(count - 2)  # + a true/false and a multiple choice
    module.save_revision().publish()
    attempt = start(learner_client, module)
    assert attempt.question_count == count
    # The audit-log entry looks up QuizAttempt's content type once per process (Django caches it):
    # warm, as in a running server, so the count does not depend on which test ran first.
    ContentType.objects.get_for_model(QuizAttempt)
    # 9 (4 before the audit log): the user, the attempt, SAVEPOINT, the grade UPDATE, the reload, the
    # audit-log entry (Wagtail's full_clean checks its content type and user: 2 SELECTs, then the INSERT),
    # RELEASE SAVEPOINT. The savepoint pair is BEGIN/COMMIT outside a test, which are not counted.
    with CaptureQueriesContext(connection) as captured, django_assert_max_num_queries(9):
        response = submit(learner_client, attempt, answers(attempt))
    assert response.status_code == 302
    SUBMIT_QUERIES.append(len(captured.captured_queries))
    assert len(set(SUBMIT_QUERIES)) == 1, SUBMIT_QUERIES


SUBMIT_QUERIES: list[int] = []
