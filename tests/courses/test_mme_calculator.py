"""The MME calculator page: computed and validated on the server; bad input answers 400 beside the field."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.html import error_beside

# Every request looks up Wagtail's site (cached after the first), so these tests need the database.
pytestmark = pytest.mark.django_db

URL = "/tools/mme-calculator/"


def test_the_empty_calculator_renders(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Calculate MME" in response.content


def test_it_totals_the_lines_and_offers_naloxone_at_50(client: Client) -> None:
    response = client.get(URL, {"opioid_0": "oxycodone", "dose_0": "40", "opioid_1": "tramadol", "dose_1": "50"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Total: 70 MME/day" in html
    assert "offer naloxone" in html


def test_below_the_threshold_it_says_so(client: Client) -> None:
    html = client.get(URL, {"opioid_0": "hydrocodone", "dose_0": "20"}).content.decode()
    assert "Total: 20 MME/day" in html
    assert "Below the 50 MME/day" in html


def test_a_fetch_request_gets_only_the_form_back(client: Client) -> None:
    response = client.get(URL, {"opioid_0": "morphine", "dose_0": "60"}, headers={"X-Requested-With": "fetch"})
    html = response.content.decode()
    assert "Total: 60 MME/day" in html
    assert "<html" not in html


def _error_for(client: Client, params: dict[str, str], field: str) -> str:
    response = client.get(URL, params)
    assert response.status_code == 400
    return error_beside(response.content.decode(), field)


def test_an_unknown_drug_is_refused_beside_the_field(client: Client) -> None:
    message = _error_for(client, {"opioid_0": "heroin", "dose_0": "10"}, "opioid_0")
    assert "Select a valid choice" in message


def test_a_negative_dose_is_refused(client: Client) -> None:
    assert "greater than zero" in _error_for(client, {"opioid_0": "morphine", "dose_0": "-5"}, "dose_0")


def test_an_absurd_dose_is_refused(client: Client) -> None:
    assert "not a plausible daily dose" in _error_for(client, {"opioid_0": "morphine", "dose_0": "90000"}, "dose_0")


def test_a_missing_dose_is_refused(client: Client) -> None:
    assert "Enter the total daily dose" in _error_for(client, {"opioid_0": "morphine", "dose_0": ""}, "dose_0")


def test_a_missing_drug_is_refused(client: Client) -> None:
    assert "Choose the opioid" in _error_for(client, {"opioid_0": "", "dose_0": "30"}, "opioid_0")


def test_text_in_the_dose_is_refused(client: Client) -> None:
    assert "Enter a number" in _error_for(client, {"opioid_0": "morphine", "dose_0": "lots"}, "dose_0")


def test_buprenorphine_is_explained(client: Client) -> None:
    assert "no MME conversion factor" in _error_for(client, {"opioid_0": "buprenorphine", "dose_0": "16"}, "opioid_0")


def test_submitting_nothing_asks_for_a_line(client: Client) -> None:
    response = client.get(URL, {"opioid_0": "", "dose_0": ""})
    assert response.status_code == 400
    assert b"Enter at least one opioid" in response.content


def test_post_is_not_allowed(client: Client) -> None:
    assert client.post(URL, {"opioid_0": "morphine", "dose_0": "10"}).status_code == 405
