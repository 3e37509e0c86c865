"""Sessions expire after inactivity, refreshed every few minutes rather than written on every request."""

from __future__ import annotations

import time
from unittest.mock import patch

from django.contrib.sessions.models import Session
from django.test import Client

from lms.sessions import REFRESH_EVERY_SECONDS
from tests.factories import UserFactory


def test_a_session_is_refreshed_at_most_every_few_minutes(client: Client, db: None) -> None:
    client.force_login(UserFactory(email="s@example.org"))
    client.get("/dashboard/")
    expiry = Session.objects.get().expire_date
    client.get("/dashboard/")
    assert Session.objects.get().expire_date == expiry  # no write on every request
    later = time.time() + REFRESH_EVERY_SECONDS + 1
    with patch("lms.sessions.time.time", return_value=later), patch("django.utils.timezone.now") as now:
        import datetime

        now.return_value = datetime.datetime.fromtimestamp(later, tz=datetime.UTC)
        client.get("/dashboard/")
    assert Session.objects.get().expire_date > expiry  # the inactivity clock restarted
