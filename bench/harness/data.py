"""The Django side of the harness, for the scripts that run inside the project (django.setup()
against the bench's database). Models are imported in the functions: importing this module must
not need the app registry ready."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courses.models import CoursePage
    from lms.accounts.models import User


def django_setup() -> None:
    """The bench's settings (production plus the minimal view) unless the caller chose others."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()


def first_course() -> CoursePage:
    """The first live demo course: the one every bench journey, claim and quiz is about."""
    from courses.models import CoursePage

    course = CoursePage.objects.live().order_by("path").first()
    if course is None:
        raise SystemExit("no live course: run `manage.py seed_demo` first")
    return course


def users_create(
    prefix: str,
    numbers: Iterable[int],
    *,
    first_name: str,
    last_name: str,
    domain: str = "antidote.example",
    password: str | None = None,
    confirmed: bool = False,
) -> list[User]:
    """A user PREFIX-N@DOMAIN, last name "LAST_NAME N", for each N, in one bulk insert (the benches
    measure journeys, not sign-ups), returned in the order of NUMBERS with their ids.

    PASSWORD is a stored hash (make_password, once for all); without it the password is unusable,
    like set_unusable_password() makes it. CONFIRMED users have confirmed their email now."""
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from lms.accounts.models import User

    now = timezone.now() if confirmed else None
    return User.objects.bulk_create(
        User(
            email=f"{prefix}-{n}@{domain}",
            first_name=first_name,
            last_name=f"{last_name} {n}",
            password=password or "!" + get_random_string(40),
            email_confirmed_at=now,
        )
        for n in numbers
    )
