"""Writes for accounts: registration, email confirmation and the clinician profile.

Confirmation links carry a signed token holding the user's primary key and a keyed digest of
the address it was sent to (so a link dies if the address changes), never the address itself.
"""

from __future__ import annotations

import datetime
import enum
import logging
import smtplib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import PROFILE_FIELDS, ClinicianProfile, User

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "lms.accounts.email-confirmation"
CONFIRMATION_MAX_AGE = datetime.timedelta(days=3)
# A learner can ask for a new confirmation link once a minute; more would let anyone with a
# session fill an inbox.
RESEND_INTERVAL_SECONDS = 60


class EmailTakenError(Exception):
    """Another account already uses this address (two sign-ups raced past the form's check)."""


class ConfirmationTokenError(Exception):
    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


class ResendOutcome(enum.Enum):
    SENT = "sent"
    ALREADY_CONFIRMED = "already_confirmed"
    TOO_SOON = "too_soon"
    FAILED = "failed"


def user_register(*, email: str, password: str, first_name: str, last_name: str, base_url: str) -> User:
    """Create the account (not yet confirmed) and email a confirmation link once it is committed."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(email=email, password=password, first_name=first_name, last_name=last_name)
            transaction.on_commit(lambda: _send_quietly(user=user, base_url=base_url))
    except IntegrityError as error:
        raise EmailTakenError from error
    return user


def _email_fingerprint(email: str) -> str:
    return salted_hmac(CONFIRMATION_SALT, email.lower(), algorithm="sha256").hexdigest()[:16]


def email_confirmation_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "e": _email_fingerprint(user.email)}, salt=CONFIRMATION_SALT)


def email_confirmation_url(*, user: User, base_url: str) -> str:
    token = email_confirmation_token(user=user)
    return base_url.rstrip("/") + reverse("accounts:confirm_email", kwargs={"token": token})


def email_confirmation_send(*, user: User, base_url: str) -> None:
    """Email the learner a link that confirms their address. Raises on mail transport errors."""
    context = {
        "user": user,
        "confirm_url": email_confirmation_url(user=user, base_url=base_url),
        "max_age_days": CONFIRMATION_MAX_AGE.days,
    }
    send_mail(
        subject="Confirm your email address for Antidote",
        message=render_to_string("accounts/confirm_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def _send_quietly(*, user: User, base_url: str) -> bool:
    """Send, and on a mail outage log it (by user id only) instead of failing the request."""
    try:
        email_confirmation_send(user=user, base_url=base_url)
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the confirmation email to user %s", user.pk)
        return False
    return True


def email_confirmation_resend(*, user: User, base_url: str) -> ResendOutcome:
    if user.email_confirmed:
        return ResendOutcome.ALREADY_CONFIRMED
    # cache.add is atomic: of two quick requests only one sends. The key holds the id, no PII.
    throttle_key = f"accounts:confirm-resend:{user.pk}"
    if not cache.add(throttle_key, 1, RESEND_INTERVAL_SECONDS):
        return ResendOutcome.TOO_SOON
    if _send_quietly(user=user, base_url=base_url):
        return ResendOutcome.SENT
    cache.delete(throttle_key)  # nothing was sent: let the learner try again straight away
    return ResendOutcome.FAILED


def email_confirmation_user(*, token: str) -> User:
    """The user a confirmation token was issued to; raises ConfirmationTokenError if it is bad or old."""
    try:
        payload = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ConfirmationTokenError(expired=True) from error
    except (signing.BadSignature, ValueError) as error:
        raise ConfirmationTokenError(expired=False) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int) or not isinstance(payload.get("e"), str):
        raise ConfirmationTokenError(expired=False)
    user = User.objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or not constant_time_compare(payload["e"], _email_fingerprint(user.email)):
        raise ConfirmationTokenError(expired=False)
    return user


def email_confirm(*, token: str) -> User:
    """Confirm the address the token was sent to. Idempotent: a second use changes nothing."""
    user = email_confirmation_user(token=token)
    # Conditional UPDATE: the first confirmation time is kept, whatever the concurrency.
    User.objects.filter(pk=user.pk, email_confirmed_at__isnull=True).update(email_confirmed_at=timezone.now())
    user.refresh_from_db(fields=["email_confirmed_at"])
    return user


def clinician_profile_update(*, user: User, data: Mapping[str, Any]) -> ClinicianProfile:
    """Create or update the learner's profile from validated form data.

    The time of PARS consent is kept while consent stands and cleared when it is withdrawn.
    """
    values = {name: data[name] for name in PROFILE_FIELDS if name in data}
    with transaction.atomic():
        # get_or_create survives two first saves racing (it re-reads after the unique violation);
        # select_for_update serialises later edits of the same row.
        profile, _ = ClinicianProfile.objects.select_for_update().get_or_create(user=user, defaults=values)
        for name, value in values.items():
            setattr(profile, name, value)
        if profile.pars_consent and profile.pars_consent_at is None:
            profile.pars_consent_at = timezone.now()
        elif not profile.pars_consent:
            profile.pars_consent_at = None
        profile.save()
    # Which fields changed is not logged: some of them are personal data.
    logger.info("Clinician profile saved for user %s", user.pk)
    return profile
