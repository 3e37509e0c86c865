"""Prepare the "quiz submission" row of bench/run.py and print, as one JSON line, what it needs.

    .venv/bin/python bench/quiz_setup.py --out DIR [--rounds 2] [--per-round 3000]

A submission is one-time (a replay answers 409), so every request needs its own in-progress
attempt. Against a seeded database this creates ROUNDS x PER_ROUND learners, each enrolled in
the first demo course with the disclosures acknowledged, holding an in-progress attempt at its
pre-test (10 questions, the largest form a learner submits: the post-test is the same size,
module quizzes have 3) and a signed-in session. They are created in bulk: the services would
take minutes for thousands, and this measures the submission, not the start.

For each round it writes DIR/submissions-N.tsv, one POST a line ("path<TAB>cookie<TAB>body",
read by bench/submit.lua): the session and CSRF cookies, the CSRF token, the attempt's one-time
token and the right answers from its snapshot. DIR/submissions-warm.tsv holds a few more, for
checking the server answers 302 before the run.

Also prints the SQL queries of one submission, counted with Django's test client on two more
learners' attempts ("cold": the first submission of this process, "cached": the second).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import django_setup, first_course, users_create  # noqa: E402

django_setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.base import SessionBase  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.middleware.csrf import CSRF_SESSION_KEY  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from courses.models import DisclosureAcknowledgement, Enrollment  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from quizzes.answers import field_name  # noqa: E402
from quizzes.models import QuizAttempt, QuizKind  # noqa: E402
from quizzes.selectors import QuizDefinition, quiz_definition  # noqa: E402
from quizzes.snapshot import snapshot_build  # noqa: E402

WARM = 4  # submissions kept for the warm-up check
COUNTED = 2  # submissions counted with the test client


def pretest() -> QuizDefinition:
    quiz = quiz_definition(page=first_course(), kind=QuizKind.PRE)
    if quiz is None:
        raise SystemExit("the first live course has no pre-test: run `manage.py seed_demo` first")
    return quiz


def right_answers(snapshot: dict[str, Any]) -> list[tuple[str, str]]:
    return [(field_name(q["id"]), choice) for q in snapshot["questions"] for choice in q["correct"]]


def learners_create(quiz: QuizDefinition, count: int) -> list[tuple[User, QuizAttempt]]:
    """COUNT learners, each enrolled, acknowledged and holding an in-progress attempt of QUIZ."""
    batch = get_random_string(6).lower()  # a second run against the same database adds new learners
    shown = DisclosureAcknowledgement.objects.filter(enrollment__course=quiz.course).values_list(
        "disclosures_shown", flat=True
    ).first() or {"faculty": [], "commercial_support": ""}
    with transaction.atomic():
        users = users_create(
            f"bench-quiz-{batch}", range(count), first_name="Quiz", last_name="Learner", confirmed=True
        )
        Enrollment.objects.bulk_create(Enrollment(user=user, course=quiz.course) for user in users)
        enrollments = list(Enrollment.objects.filter(user__in=users, course=quiz.course).order_by("user_id"))
        DisclosureAcknowledgement.objects.bulk_create(
            DisclosureAcknowledgement(
                enrollment=enrollment, disclosures_shown=shown, course_revision_id=quiz.course.live_revision_id
            )
            for enrollment in enrollments
        )
        QuizAttempt.objects.bulk_create(
            QuizAttempt(
                user_id=enrollment.user_id,
                enrollment=enrollment,
                page_id=quiz.page.pk,
                kind=quiz.kind,
                number=1,
                max_attempts=quiz.settings["max_attempts"],
                snapshot=snapshot_build(
                    title=quiz.title,
                    settings=quiz.settings,
                    questions=quiz.questions,
                    revision_id=quiz.page.live_revision_id,
                    rng=random.Random(enrollment.pk),  # noqa: S311 (shuffling, not a secret)
                ),
            )
            for enrollment in enrollments
        )
    attempts = {a.user_id: a for a in QuizAttempt.objects.filter(user__in=users, page_id=quiz.page.pk)}
    return [(user, attempts[user.pk]) for user in sorted(users, key=lambda u: u.pk)]


def _as_after_a_page_view(store: SessionBase) -> None:
    """Leave the session as the learner's last page view (the quiz form) left it, so a submission
    pays for the session what a real one does: the project's session middleware (lms.sessions)
    decides when a request writes the session."""
    for dotted in settings.MIDDLEWARE:
        if dotted.startswith("lms.") and "session" in dotted.lower():
            request = HttpRequest()
            request.session = store
            import_string(dotted)(lambda request: HttpResponse())(request)


def sessions_create(users: list[User]) -> dict[int, tuple[str, str]]:
    """A signed-in session per user, stored as login() stores it (whatever the session engine),
    and a CSRF secret: user id -> (session key, CSRF secret)."""
    engine = import_module(settings.SESSION_ENGINE)
    made = {}
    with transaction.atomic():  # one commit, not one per session
        for user in users:
            store = engine.SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            csrf = get_random_string(32)  # a CSRF secret; the form may send it unmasked
            if settings.CSRF_USE_SESSIONS:
                store[CSRF_SESSION_KEY] = csrf
            _as_after_a_page_view(store)
            store.create()
            made[user.pk] = (str(store.session_key), csrf)
    return made


def submission_line(attempt: QuizAttempt, session_key: str, csrf: str) -> str:
    cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
    if not settings.CSRF_USE_SESSIONS:
        cookie += f"; {settings.CSRF_COOKIE_NAME}={csrf}"
    body = urlencode([("csrfmiddlewaretoken", csrf), ("token", attempt.token), *right_answers(attempt.snapshot)])
    return f"/quizzes/attempts/{attempt.pk}/submit/\t{cookie}\t{body}\n"


def submission_queries(quiz: QuizDefinition) -> dict[str, int]:
    """The queries of a submission as the bench posts it: sessions made like the prepared ones."""
    counts = []
    prepared = learners_create(quiz, COUNTED)
    keys = sessions_create([user for user, _ in prepared])
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    for user, attempt in prepared:
        client.cookies[settings.SESSION_COOKIE_NAME] = keys[user.pk][0]
        data: dict[str, list[str]] = {"token": [attempt.token]}
        for name, choice in right_answers(attempt.snapshot):
            data.setdefault(name, []).append(choice)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)
        if response.status_code != 302:
            raise SystemExit(f"a prepared submission answered {response.status_code}, not 302")
        counts.append(len(queries.captured_queries))
    return {"cold": counts[0], "cached": counts[1]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True, help="directory for the submissions files")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--per-round", type=int, default=3000)
    args = parser.parse_args()

    quiz = pretest()
    queries = submission_queries(quiz)

    prepared = learners_create(quiz, args.rounds * args.per_round + WARM)
    keys = sessions_create([user for user, _ in prepared])
    args.out.mkdir(parents=True, exist_ok=True)

    def write(name: str, chunk: list[tuple[User, QuizAttempt]]) -> str:
        path = args.out / f"submissions-{name}.tsv"
        path.write_text("".join(submission_line(attempt, *keys[user.pk]) for user, attempt in chunk))
        return str(path)

    warm, rest = prepared[:WARM], prepared[WARM:]
    per = args.per_round
    round_files = [write(str(n), rest[n * per : (n + 1) * per]) for n in range(args.rounds)]
    print(
        json.dumps(
            {
                "questions": quiz.question_count,
                "round_files": round_files,
                "warm_file": write("warm", warm),
                "per_round": args.per_round,
                "submission_queries": queries,
            }
        )
    )


if __name__ == "__main__":
    main()
