"""PostgreSQL restarted while clinicians submit quizzes, against a real gunicorn and a PostgreSQL
cluster of this test's own (tests/faults/postgres.py), with persistent connections as in production.

Requests that meet the outage answer 503 with a page that says to try again (never a 500); the
same submission sent again once the database is back is graded. Afterwards every attempt is
either submitted with its score and answers or still open, and nobody has two.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import httpx
import psycopg
import pytest

from lms.middleware import RETRY_AFTER_SECONDS
from tests.faults.postgres import RestartableCluster, server_env
from tests.worker import BASE_DIR, WebServer

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')
GIVE_UP_AFTER = 60.0  # seconds of retrying; the outage lasts a few


@pytest.fixture
def server(outage_cluster_url: str, tmp_path: Path) -> Iterator[WebServer]:
    web = WebServer(env=server_env(outage_cluster_url), log_path=tmp_path / "gunicorn.log")
    web.start()
    yield web
    web.stop()


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Antidote is briefly unavailable" in response.text


class Learner:
    """One clinician in their own browser (cookies), recording every answer the server gave."""

    def __init__(self, base_url: str, data: dict[str, Any]) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
        self.email, self.password, self.attempt = data["email"], data["password"], data["attempt"]
        self.answers: list[list[str]] = data["answers"]
        self.statuses: list[int] = []
        self.form: dict[str, str] = {}

    def _record(self, response: httpx.Response) -> httpx.Response:
        self.statuses.append(response.status_code)
        if response.status_code == 503:
            assert_unavailable(response)
        return response

    def until_not_503(self, send: Any) -> httpx.Response:
        """Send, and again after a pause while the answer is 503, as a learner pressing the button again."""
        deadline = time.monotonic() + GIVE_UP_AFTER
        while True:
            response = self._record(send())
            if response.status_code != 503 or time.monotonic() > deadline:
                return response
            time.sleep(0.3)

    def log_in_once(self) -> httpx.Response:
        """The login page, then the form posted: the POST's answer (or the page's, if not 200)."""
        page = self._record(self.client.get("/accounts/login/"))
        if page.status_code != 200:
            return page
        csrf = CSRF.search(page.text)
        assert csrf, "no CSRF token on the login page"
        form = {"csrfmiddlewaretoken": csrf.group(1), "username": self.email, "password": self.password}
        return self._record(self.client.post("/accounts/login/", data=form))

    def log_in(self) -> None:
        deadline = time.monotonic() + GIVE_UP_AFTER
        while (response := self.log_in_once()).status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert response.status_code == 302, f"{self.email}: login answered {response.status_code}"

    def open_quiz(self) -> None:
        response = self.until_not_503(lambda: self.client.get(f"/quizzes/attempts/{self.attempt}/"))
        assert response.status_code == 200, f"{self.email}: the quiz form answered {response.status_code}"
        csrf, token = CSRF.search(response.text), TOKEN.search(response.text)
        assert csrf and token, "the quiz form has its CSRF and one-time tokens"
        self.form = {"csrfmiddlewaretoken": csrf.group(1), "token": token.group(1)}

    def post_answers(self) -> httpx.Response:
        body: dict[str, str | list[str]] = dict(self.form)
        for name, choice in self.answers:
            body.setdefault(name, [])
            cast(list[str], body[name]).append(choice)
        return self._record(self.client.post(f"/quizzes/attempts/{self.attempt}/submit/", data=body))

    def submit(self) -> None:
        """Submit, pressing the button again after each 503, until graded. A 409 ("already
        submitted") is right only after a 503 whose request had in fact been graded."""
        response = self.until_not_503(self.post_answers)
        assert response.status_code in (302, 409), f"{self.email}: the submission answered {response.status_code}"
        if response.status_code == 409:
            assert 503 in self.statuses
        else:
            assert response.headers["Location"] == f"/quizzes/attempts/{self.attempt}/"


def test_quizzes_submitted_while_postgresql_restarts_answer_503_then_succeed_with_nothing_half_written(
    outage_cluster_url: str, server: WebServer
) -> None:
    cluster = RestartableCluster(outage_cluster_url)
    made = subprocess.run(
        [sys.executable, "-m", "tests.faults.outage_learners", "9"],
        cwd=BASE_DIR,
        env=server_env(outage_cluster_url),
        capture_output=True,
        text=True,
        check=True,
    )
    setup = json.loads(made.stdout.strip().splitlines()[-1])
    learners = [Learner(server.url, data) for data in setup["learners"]]
    racing, waiting, late = learners[:4], learners[4:8], learners[8]
    for learner in racing + waiting:
        learner.log_in()
        learner.open_quiz()

    down = threading.Event()
    first_answers = threading.Barrier(len(waiting) + 1)
    errors: list[BaseException] = []

    def race(learner: Learner) -> None:  # submits as the restart begins: before it, or into it
        try:
            learner.submit()
        except BaseException as error:
            errors.append(error)

    def wait_then_submit(learner: Learner) -> None:  # submits while the database is down
        try:
            down.wait()
            first = learner.post_answers()
            first_answers.wait()
            assert_unavailable(first)  # checked here, in every waiting learner's thread
            learner.submit()
        except BaseException as error:
            errors.append(error)
            first_answers.abort()

    threads = [threading.Thread(target=race, args=(learner,)) for learner in racing]
    threads += [threading.Thread(target=wait_then_submit, args=(learner,)) for learner in waiting]
    for thread in threads:
        thread.start()
    cluster.stop()
    try:
        down.set()
        try:
            first_answers.wait(timeout=GIVE_UP_AFTER)  # every waiting learner was answered during the outage
        except threading.BrokenBarrierError:
            pytest.fail(f"a learner submitting during the outage went wrong: {errors!r}")
        assert_unavailable(late.log_in_once())
        assert_unavailable(racing[0].client.get("/dashboard/"))
    finally:
        cluster.start()
    for thread in threads:
        thread.join(GIVE_UP_AFTER * 2)
    assert not errors, f"a learner's submission went wrong: {errors[0]!r}"
    late.log_in()  # the first try met the outage: now it works
    late.open_quiz()
    late.submit()

    everyone = [status for learner in learners for status in learner.statuses]
    assert 500 not in everyone, "a request during the outage answered 500"
    assert everyone.count(503) >= len(waiting) + 2

    with psycopg.connect(outage_cluster_url) as connection:
        rows = connection.execute(
            "SELECT u.email, a.id, a.status, a.number, a.score, a.passed, a.answers, a.submitted_at"
            " FROM quizzes_quizattempt a JOIN accounts_user u ON u.id = a.user_id"
            " WHERE a.page_id = %s AND a.kind = 'pre' ORDER BY u.email",
            [setup["quiz_page"]],
        ).fetchall()
    by_email: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_email.setdefault(row[0], []).append(row)
    assert sorted(by_email) == sorted(learner.email for learner in learners)
    for learner in learners:
        [attempt] = by_email[learner.email]  # no doubled attempt
        _, attempt_id, status, number, score, passed, answers, submitted_at = attempt
        assert (attempt_id, status, number) == (learner.attempt, "submitted", 1)
        assert submitted_at is not None and score == Decimal("100.00") and passed is True
        expected: dict[str, set[str]] = {}
        for name, choice in learner.answers:
            expected.setdefault(name.removeprefix("q-"), set()).add(choice)
        assert {question: set(choices) for question, choices in answers.items()} == expected
