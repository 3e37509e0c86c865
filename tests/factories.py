"""Factories for users and the content tree (wagtail-factories)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import cast

import factory
import wagtail_factories
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from courses.models import (
    CourseFaculty,
    CourseIndexPage,
    CoursePage,
    CreditDesignation,
    CreditType,
    HomePage,
    ModulePage,
)
from lms.accounts.models import User
from lms.accounts.roles import ROLE_BY_KEY, apply_roles


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    first_name = "Casey"
    last_name = "Learner"
    password = factory.django.Password("a-long-test-password")


_staff_numbers = itertools.count(1)


def staff_user(role: str, **fields: object) -> User:
    """A user holding one staff role ("specialist", "reviewer" or "administrator"), from the groups
    the roles migration creates."""
    email = fields.pop("email", None) or f"{role}-{next(_staff_numbers)}@example.org"
    user = cast(User, UserFactory(email=email, **fields))
    if not Group.objects.filter(name=ROLE_BY_KEY[role]).exists():
        apply_roles(django_apps)  # a transactional test flushed what the migration wrote
    user.groups.add(Group.objects.get(name=ROLE_BY_KEY[role]))
    return user


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    intro = "<p>Welcome</p>"


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    topic = "Safer prescribing"
    summary = "A short course."
    target_audience = "Physicians, nurse practitioners, physician assistants, pharmacists and nurses."
    estimated_minutes = 60
    release_date = datetime.date(2026, 9, 1)
    last_review_date = datetime.date(2026, 9, 1)
    expiration_date = datetime.date(2029, 8, 31)
    accredited_provider = "Test Provider"
    accreditation_statement = "Test Provider is accredited by the ACCME to provide CME for physicians."
    mate_eligible = True


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    estimated_minutes = 15
    body = '[{"type": "rich_text", "value": "<p>Teaching text.</p>"}]'


def add_faculty_and_credits(course: CoursePage) -> None:
    CourseFaculty.objects.create(course=course, name="Dana Whitfield", credentials="MD", role="Course director")
    CreditDesignation.objects.create(course=course, credit_type=CreditType.AMA_PRA_1, max_credits=Decimal("1.00"))
    CreditDesignation.objects.create(
        course=course, credit_type=CreditType.ANCC_CONTACT_HOURS, max_credits=Decimal("1.00")
    )
