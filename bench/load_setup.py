"""Prepare the load benchmark's database (bench/load.py) and print, as one JSON line, what its
simulated clinicians need.

    .venv/bin/python bench/load_setup.py --users 400

Against a migrated database seeded with the demo courses (`manage.py seed_demo --no-users`):

- Sets every demo module's minimum time to 0 minutes. Module pages enforce a minimum time on the
  module, measured on the server; a clinician simulated at a click a second would otherwise wait
  minutes per module. The load is otherwise the real journey.
- Creates USERS physicians (confirmed email, profile with the name printed on the certificate, the
  same password), in bulk: the benchmark measures the journey, not account creation.
- Prints the journey through the first demo course: its page, modules (and their quizzes), pre- and
  post-test, evaluation answers, the credit to claim, and the right answers to every quiz
  (question field -> choice ids, from the quiz definitions: choice ids are block ids, the same in
  every attempt whatever the order served), so the clients pass.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import django_setup, first_course, users_create  # noqa: E402

django_setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from certificates.selectors import offered_designation  # noqa: E402
from courses.blocks import LIKERT_CHOICES  # noqa: E402
from courses.forms import evaluation_fields  # noqa: E402
from courses.models import ModulePage  # noqa: E402
from lms.accounts.models import ClinicianProfile  # noqa: E402
from quizzes.answers import field_name  # noqa: E402
from quizzes.models import QuizKind  # noqa: E402
from quizzes.selectors import QuizDefinition, quiz_definition  # noqa: E402
from quizzes.snapshot import snapshot_build  # noqa: E402


def quiz_plan(quiz: QuizDefinition | None) -> dict[str, Any] | None:
    if quiz is None:
        return None
    snapshot = snapshot_build(
        title=quiz.title,
        settings=quiz.settings,
        questions=quiz.questions,
        revision_id=quiz.page.live_revision_id,
        rng=random.Random(0),  # noqa: S311 (the order does not matter here)
    )
    keys = {field_name(q["id"]): list(q["correct"]) for q in snapshot["questions"]}
    return {"page_id": quiz.page.pk, "kind": quiz.kind, "keys": keys}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--prefix", default="load")
    args = parser.parse_args()

    course = first_course()
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    zeroed = ModulePage.objects.update(minimum_minutes=0)  # the live pages' rows: what serving reads

    password = secrets.token_urlsafe(16)
    hashed = make_password(password)  # once: every user has the same password (and hasher)
    with transaction.atomic():
        users = users_create(
            args.prefix,
            range(args.users),
            first_name="Load",
            last_name="Clinician",
            domain="clinic.example",
            password=hashed,
            confirmed=True,
        )
        ClinicianProfile.objects.bulk_create(
            ClinicianProfile(
                user=user,
                full_name_for_certificate=f"Load Clinician {n}",
                degree="MD",
                profession="physician",
                licence_state="MA",
                licence_number=f"L-{n}",
            )
            for n, user in enumerate(users)
        )
    profile = ClinicianProfile.objects.get(user=users[0])
    designation = offered_designation(profession=profile.profession, course=course)
    if designation is None:
        raise SystemExit(f"{course.title!r} offers physicians no credit")
    evaluation = {
        f"e-{field['id']}": LIKERT_CHOICES[0][0] if field["type"] == "likert" else ""
        for field in evaluation_fields(course)
    }
    for field in evaluation_fields(course):
        if field["type"] != "likert" and field["required"]:
            evaluation[f"e-{field['id']}"] = "Offer naloxone with every opioid prescription at 50 MME or more."
    print(
        json.dumps(
            {
                "course": {"id": course.pk, "url": course.url, "title": course.title},
                "modules": [
                    {"id": m.pk, "url": m.url, "quiz": quiz_plan(quiz_definition(page=m, kind=QuizKind.MODULE))}
                    for m in modules
                ],
                "pre": quiz_plan(quiz_definition(page=course, kind=QuizKind.PRE)),
                "post": quiz_plan(quiz_definition(page=course, kind=QuizKind.POST)),
                "evaluation": evaluation,
                "credits": f"{designation.max_credits:.2f}",
                "modules_zeroed": zeroed,
                "password": password,
                "users": [user.email for user in users],
            }
        )
    )


if __name__ == "__main__":
    main()
