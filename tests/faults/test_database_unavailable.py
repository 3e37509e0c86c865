"""The 503 page for a database outage, in this process: the connection is pointed at a database
that is not there (a closed port, or a SQLite file in a missing directory), so every query fails
as it does while PostgreSQL restarts. No mock: the driver itself raises.

The restart itself, against a real server process, is tests/faults/test_postgres_restart.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from lms.accounts.models import User
from lms.middleware import RETRY_AFTER_SECONDS
from tests.worker import free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextlib.contextmanager
def database_down(tmp_path: Path) -> Iterator[None]:
    """Every new connection fails until the block ends; the real settings come back afterwards."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing-directory" / "db.sqlite3")
    else:
        connection.settings_dict["HOST"], connection.settings_dict["PORT"] = "127.0.0.1", str(free_port())
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def assert_unavailable_page(response: object) -> None:
    from django.http import HttpResponse

    assert isinstance(response, HttpResponse)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert "object-src 'none'" in response["Content-Security-Policy"]  # the policy covers the 503 page too
    html = response.content.decode()
    assert "Antidote is briefly unavailable" in html
    assert "go back and submit it again" in html
    assert "Something went wrong" not in html  # not the 500 page


def test_a_logged_in_page_answers_503_while_the_database_is_down_and_200_after(tmp_path: Path) -> None:
    user = User.objects.create_user(email="outage@clinic.example", password="naloxone-saves-lives-42")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    assert client.get("/dashboard/").status_code == 200
    with database_down(tmp_path):
        response = client.get("/dashboard/")
    assert_unavailable_page(response)
    assert client.get("/dashboard/").status_code == 200, "the next request, with the database back, succeeds"


def test_a_login_posted_while_the_database_is_down_answers_503_and_works_on_retry(tmp_path: Path) -> None:
    User.objects.create_user(email="outage@clinic.example", password="naloxone-saves-lives-42")
    client = Client(raise_request_exception=False)
    form = {"username": "outage@clinic.example", "password": "naloxone-saves-lives-42"}
    with database_down(tmp_path):
        response = client.post("/accounts/login/", form)
    assert_unavailable_page(response)
    assert "sessionid" not in response.cookies, "no session was started"
    response = client.post("/accounts/login/", form)
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_a_session_save_that_meets_the_outage_after_the_view_answers_503_too(tmp_path: Path) -> None:
    """The view needs no database (an anonymous visitor's calculator page) but the session,
    refreshed every few minutes, is saved after it: Django turns that middleware's error into
    its 500 page before this middleware sees it, and the middleware answers 503 instead."""
    client = Client(raise_request_exception=False)
    session = client.session
    session["visited"] = True  # a non-empty anonymous session, due for its refresh
    session.save()
    with database_down(tmp_path):
        response = client.get("/tools/mme-calculator/")
    assert_unavailable_page(response)
    assert client.get("/tools/mme-calculator/").status_code == 200
