"""Trying it as a clinician would, on the demo course: pre-test, modules with quizzes (one failed then
passed), post-test, attempt history; then a specialist edits a question and the past attempt stands."""

from __future__ import annotations

import json
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from courses.models import CoursePage, ModulePage, ModuleProgress
from lms.accounts.models import User
from quizzes.models import QuizAttempt
from tests.quizzes.test_attempts import answers, start, submit


def test_a_clinician_takes_every_quiz_of_a_demo_course(client: Client, db: Any) -> None:
    call_command("seed_demo", verbosity=0)
    user = User.objects.get(email="clinician@antidote.example")
    client.force_login(user)
    course = CoursePage.objects.get(slug="naloxone-co-prescribing-and-academic-detailing")
    client.post(f"/learn/courses/{course.pk}/enroll/")
    response = client.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"})
    assert response["Location"] == f"/quizzes/{course.pk}/pre/"  # the pre-test comes first

    pre = start(client, course, "pre")
    submit(client, pre, answers(pre, right=False))

    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    for index, module in enumerate(modules):
        client.get(module.url)
        ModuleProgress.objects.filter(module=module).update(seconds=3600)
        attempt = start(client, module)
        if index == 0:  # fail the first quiz once, then retry
            submit(client, attempt, answers(attempt, right=False))
            attempt = start(client, module)
            assert attempt.number == 2
        assert submit(client, attempt, answers(attempt)).status_code == 302
        assert client.post(f"/learn/modules/{module.pk}/complete/").status_code == 302

    post = start(client, course, "post")
    assert len(post.snapshot["questions"]) == len(pre.snapshot["questions"])
    submit(client, post, answers(post))
    post.refresh_from_db()
    assert post.passed

    history = client.get("/quizzes/history/").content.decode()
    assert history.count("<tr>") == 1 + len(modules) + 1 + 1 + 1  # pre, 4 modules + 1 retry, post, header row
    dashboard = client.get("/dashboard/").content.decode()
    assert "Pass the post-test" not in dashboard and "4 of 4 modules complete" in dashboard

    # A specialist rewrites the first module's first question afterwards.
    first = modules[0]
    stream = json.loads(json.dumps(list(first.quiz.raw_data)))
    original_prompt = stream[0]["value"]["questions"][0]["value"]["prompt"]
    stream[0]["value"]["questions"][0]["value"]["prompt"] = "Rewritten after the learner's attempt?"
    first.quiz = json.dumps(stream)
    first.save_revision().publish()

    past = QuizAttempt.objects.get(page_id=first.pk, number=2)
    review = client.get(f"/quizzes/attempts/{past.pk}/").content.decode()
    assert original_prompt in review
    assert "Rewritten after the learner" not in review
    assert past.submitted_at is not None and past.submitted_at <= timezone.now()
