"""Create the clinicians of the PostgreSQL restart test, in the test's own cluster, and print them
as one JSON line.

    DATABASE_URL=... python -m tests.faults.outage_learners COUNT

Each has a password (they log in through the form), a confirmed email, an enrollment in the first
demo course with the disclosures acknowledged, and the course's pre-test started through the
real service, so their quiz form is waiting for their answers. Also printed: the right answers to
each attempt (from its snapshot), so the test knows the score to expect.
"""

from __future__ import annotations

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
django.setup()

from django.utils import timezone  # noqa: E402

from courses import services  # noqa: E402
from courses.models import CoursePage  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from quizzes import services as quiz_services  # noqa: E402
from quizzes.answers import field_name  # noqa: E402
from quizzes.models import QuizKind  # noqa: E402
from quizzes.selectors import quiz_definition  # noqa: E402

PASSWORD = "naloxone-saves-lives-42"  # noqa: S105 (a throwaway test cluster)


def main(count: int) -> None:
    course = CoursePage.objects.live().order_by("path").first()
    quiz = quiz_definition(page=course, kind=QuizKind.PRE) if course is not None else None
    if course is None or quiz is None:
        raise SystemExit("no live course with a pre-test: run `manage.py seed_demo` first")
    learners = []
    for n in range(count):
        user = User.objects.create_user(
            email=f"outage-{n}@clinic.example",
            password=PASSWORD,
            first_name="Outage",
            last_name=f"Clinician {n}",
            email_confirmed_at=timezone.now(),
        )
        enrollment, _ = services.enrollment_create(user=user, course=course)
        services.disclosure_acknowledge(enrollment=enrollment)
        attempt = quiz_services.attempt_start(user=user, quiz=quiz)
        answers = [[field_name(q["id"]), choice] for q in attempt.snapshot["questions"] for choice in q["correct"]]
        learners.append({"email": user.email, "password": PASSWORD, "attempt": attempt.pk, "answers": answers})
    print(json.dumps({"quiz_page": quiz.page.pk, "learners": learners}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
