from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from tests.factories import UserFactory


def test_the_500_page_is_styled_and_reassures_the_learner() -> None:
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "Nothing you completed has been lost" in html
    assert "uswds.min.css" in html


def test_healthz_answers_when_the_database_does(client: Client, db: None) -> None:
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_is_down(client: Client, db: None) -> None:
    from unittest.mock import patch

    from django.db import OperationalError

    with patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"database unavailable"


@pytest.mark.parametrize(
    "path",
    [
        "/learn/courses/100000000000000000000/disclosures/",
        "/certificates/claim/100000000000000000000/",
        "/quizzes/attempts/100000000000000000000/",
        "/quizzes/100000000000000000000/posttest/",
    ],
)
def test_an_absurd_id_is_a_404_not_an_overflow(client: Client, home: object, path: str) -> None:
    client.force_login(UserFactory())
    assert client.get(path).status_code == 404
