from __future__ import annotations

from typing import cast

from django.test import Client
from django.utils import timezone

from courses.models import CoursePage, Enrollment, ModulePage
from lms.accounts.models import User
from tests.factories import UserFactory


def test_a_course_with_enrollments_cannot_be_deleted_in_the_admin(client: Client, course: CoursePage) -> None:
    learner = cast(User, UserFactory(email="learner@example.org", email_confirmed_at=timezone.now()))
    Enrollment.objects.create(user=learner, course=course)
    client.force_login(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    response = client.post(f"/admin/pages/{course.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "cannot be deleted: learners have records on it" in response.content.decode()
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert ModulePage.objects.child_of(course).count() == 3


def test_a_course_nobody_used_can_still_be_deleted(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    client.post(f"/admin/pages/{course.pk}/delete/")
    assert not CoursePage.objects.filter(pk=course.pk).exists()
