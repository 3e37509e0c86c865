"""The quiz attempts report: every attempt, its filters, exported (what every report shares is tried
in tests/certificates/test_reports.py)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from courses.models import CoursePage
from tests.report_records import csv_rows, emails

ATTEMPTS = reverse("quiz_reports:attempts")


def test_quiz_attempts_report_and_filters(admin_client: Client, records: Any, second_course: CoursePage) -> None:
    rows = csv_rows(admin_client.get(ATTEMPTS, {"export": "csv"}))
    assert len(rows) == 4
    ana_rows = [row for row in rows if row["Email"] == "ana@example.org"]
    assert sorted((row["Attempt"], row["Score"], row["Passed"]) for row in ana_rows) == [
        ("1", "60.00", "No"),
        ("2", "90.00", "Yes"),
    ]
    assert {row["Quiz"] for row in rows} == {"Post-test"}
    assert {row["Status"] for row in rows} == {"Submitted"}
    failed = csv_rows(admin_client.get(ATTEMPTS, {"status": "failed", "export": "csv"}))
    assert [(row["Email"], row["Attempt"]) for row in failed] == [("ana@example.org", "1")]
    by_course = csv_rows(admin_client.get(ATTEMPTS, {"course": second_course.pk, "export": "csv"}))
    assert emails(by_course) == ["cy@example.org"]
    nurses = csv_rows(admin_client.get(ATTEMPTS, {"profession": "nurse", "export": "csv"}))
    assert emails(nurses) == ["ben@example.org"]
