from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from courses.models import CoursePage, Enrollment, ModulePage
from courses.services import disclosure_acknowledge
from lms.accounts.models import User
from tests.factories import UserFactory
from tests.report_records import admin_client, administrator, records, second_course  # noqa: F401 (fixtures)


def question(n: int) -> dict[str, Any]:
    return {
        "type": "single_choice",
        "value": {
            "prompt": f"Prompt number {n}?",
            "choices": [
                {"text": f"Wrong answer {n}a", "correct": False},
                {"text": f"Right answer {n}", "correct": True},
                {"text": f"Wrong answer {n}b", "correct": False},
            ],
            "explanation": f"Explanation text {n} only after submission.",
            "reference": f"Reference {n}",
        },
    }


def quiz_json(count: int = 3, **settings: Any) -> str:
    value = {
        "passing_score": 60,
        "max_attempts": 0,
        "shuffle": False,
        "show_explanations": "after_submission",
        **settings,
        "questions": [question(n) for n in range(1, count + 1)],
    }
    if count and not settings.get("mixed", False):
        value["questions"].append(
            {
                "type": "true_false",
                "value": {
                    "prompt": "Naloxone 4 mg nasal is OTC.",
                    "answer": "true",
                    "explanation": "OTC since 29 Mar 2023.",
                    "reference": "FDA",
                },
            }
        )
        value["questions"].append(
            {
                "type": "multiple_choice",
                "value": {
                    "prompt": "Which are Rec 8 triggers? Select all that apply.",
                    "choices": [
                        {"text": "50 MME/day or more", "correct": True},
                        {"text": "A benzodiazepine", "correct": True},
                        {"text": "Age 30 to 40", "correct": False},
                    ],
                    "explanation": "Dose and benzodiazepines are triggers; age is not.",
                    "reference": "CDC 2022 Rec 8",
                },
            }
        )
    value.pop("mixed", None)
    return json.dumps([{"type": "quiz", "value": value}])


@pytest.fixture
def learner(course: CoursePage) -> User:
    user = UserFactory(email="quiz.learner@example.org", email_confirmed_at=timezone.now())
    enrollment = Enrollment.objects.create(user=user, course=course)
    disclosure_acknowledge(enrollment=enrollment)
    return user


@pytest.fixture
def learner_client(client: Client, learner: User) -> Client:
    client.force_login(learner)
    return client


@pytest.fixture
def quiz_module(course: CoursePage) -> ModulePage:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(3)
    module.save_revision().publish()
    module.refresh_from_db()
    return module
