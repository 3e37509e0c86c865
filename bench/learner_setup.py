"""Create the bench's learner and print, as one JSON line, what the logged-in rows need.

The learner has a confirmed email and is enrolled in the first demo course with the
disclosures acknowledged, so the module page serves them its timer (and records their time)
rather than redirecting to the disclosures. They also start the course's pre-test (10
questions) through the real service, so the quiz page row has an in-progress attempt form to
GET; a second run resumes that attempt. Prints the learner's email, a session cookie value, the
path of the course's first module and the path of the attempt form.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import django_setup, first_course  # noqa: E402

django_setup()

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses import services  # noqa: E402
from courses.models import ModulePage  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from quizzes import services as quiz_services  # noqa: E402
from quizzes.models import QuizKind  # noqa: E402
from quizzes.selectors import quiz_definition  # noqa: E402

EMAIL = "bench-learner@antidote.example"


def main() -> None:
    course = first_course()
    module = ModulePage.objects.live().child_of(course).order_by("path").first()
    if module is None:
        raise SystemExit(f"the course {course.title!r} has no live module")
    user = User.objects.filter(email=EMAIL).first() or User.objects.create_user(
        email=EMAIL,
        password=None,  # unusable: the bench signs in with a session, never through the login form
        first_name="Bench",
        last_name="Learner",
        email_confirmed_at=timezone.now(),
    )
    enrollment, _ = services.enrollment_create(user=user, course=course)
    services.disclosure_acknowledge(enrollment=enrollment)
    quiz = quiz_definition(page=course, kind=QuizKind.PRE)
    if quiz is None:
        raise SystemExit(f"the course {course.title!r} has no pre-test")
    attempt = quiz_services.attempt_start(user=user, quiz=quiz)
    # force_login writes a session like a real login would, without the login form (and axes).
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.force_login(user)
    print(
        json.dumps(
            {
                "email": EMAIL,
                "sessionid": client.cookies["sessionid"].value,
                "module": module.url,
                "quiz": f"/quizzes/attempts/{attempt.pk}/",
            }
        )
    )


if __name__ == "__main__":
    main()
