"""Reads about accounts that other apps rely on (enrollment, certificates, credit reporting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import ClinicianProfile, User

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


def user_can_enroll(*, user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """A learner may enroll once signed in, active, and their email address is confirmed."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and isinstance(user, User)
        and user.email_confirmed_at is not None
    )


def profile_for(*, user: AbstractBaseUser | AnonymousUser | None) -> ClinicianProfile | None:
    """The learner's clinician profile, or None (anonymous, or not filled in yet)."""
    if user is None or not user.is_authenticated:
        return None
    return ClinicianProfile.objects.filter(user_id=user.pk).first()


def email_is_registered(*, email: str) -> bool:
    """Emails are stored lower-cased, so this is a case-insensitive lookup on the unique index."""
    return User.objects.filter(email=email.strip().lower()).exists()
