from __future__ import annotations

import pytest
from django.test import Client

from courses.models import CoursePage, ModulePage
from lms.accounts.models import User
from tests.factories import quiz_json
from tests.report_records import admin_client, administrator, records, second_course  # noqa: F401 (fixtures)


@pytest.fixture
def learner_client(client: Client, enrolled_learner: User) -> Client:
    """The enrolled learner (tests/conftest.py), logged in."""
    client.force_login(enrolled_learner)
    return client


@pytest.fixture
def quiz_module(course: CoursePage) -> ModulePage:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(3)
    module.save_revision().publish()
    module.refresh_from_db()
    return module
