"""Create the bench's learner and print, as one JSON line, what the logged-in rows need.

The learner has a confirmed email and is enrolled in the first demo course with the
disclosures acknowledged, so the module page serves them its timer (and records their time)
rather than redirecting to the disclosures. Prints the learner's email, a session cookie
value and the path of the course's first module.
"""

from __future__ import annotations

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses import services  # noqa: E402
from courses.models import CoursePage, ModulePage  # noqa: E402
from lms.accounts.models import User  # noqa: E402

EMAIL = "bench-learner@antidote.example"


def main() -> None:
    course = CoursePage.objects.live().order_by("path").first()
    if course is None:
        raise SystemExit("no live course: run `manage.py seed_demo` first")
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
    # force_login writes a session like a real login would, without the login form (and axes).
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.force_login(user)
    print(json.dumps({"email": EMAIL, "sessionid": client.cookies["sessionid"].value, "module": module.url}))


if __name__ == "__main__":
    main()
