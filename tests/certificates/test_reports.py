"""The completions and certificates reports: rows, filters, exports, escaping, audit, bad input; and
what every report shares (lms/staff.py), tried on the quiz attempts report too."""

from __future__ import annotations

import io
import json
from typing import Any

import openpyxl
import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import CertificateStatus
from courses.models import CoursePage
from lms.accounts.models import User
from tests.report_records import claim, csv_rows, emails, enroll, make_learner, posttest, xlsx_rows

COMPLETIONS = reverse("certificate_reports:completions")
ATTEMPTS = reverse("quiz_reports:attempts")
CERTIFICATES = reverse("certificate_reports:certificates")


def exports(client: Client) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action="antidote.report.exported").order_by("pk"))


# Completions ---------------------------------------------------------------------------------


def test_completions_list_one_row_per_enrollment_with_its_facts(admin_client: Client, records: Any) -> None:
    rows = csv_rows(admin_client.get(COMPLETIONS, {"export": "csv"}))
    assert emails(rows) == ["dee@example.org", "cy@example.org", "ben@example.org", "ana@example.org"]
    ana = rows[-1]
    assert ana == {
        "Learner": "Ana Alvarez",
        "Email": "ana@example.org",
        "Profession": "Physician",
        "Degree": "MD",
        "License state": "MA",
        "Course": "Overdose prevention",
        "Enrolled": "2026-10-01 09:00",
        "Completed": "2026-10-05 12:00",
        "Post-test score": "90.00",  # the best submitted attempt
        "Post-test passed": "Yes",
        "Credit type": "AMA PRA Category 1 Credit™",
        "Credits claimed": "0.75",
        "Certificate": "Issued",
    }
    dee = rows[0]
    assert (dee["Completed"], dee["Post-test score"], dee["Credit type"], dee["Certificate"]) == ("", "", "", "")
    assert rows[2]["Certificate"] == "Failed"


def test_the_completion_date_is_the_earliest_claim(admin_client: Client, course: CoursePage) -> None:
    learner = make_learner("reissued@example.org")
    enrollment = enroll(learner, course)
    claim(enrollment, day="2026-10-03", status=CertificateStatus.SUPERSEDED, credits="0.50")
    claim(enrollment, day="2026-10-09", credits="1.00")
    [row] = csv_rows(admin_client.get(COMPLETIONS, {"export": "csv"}))
    assert (row["Completed"], row["Credits claimed"], row["Certificate"]) == ("2026-10-03 12:00", "1.00", "Issued")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"licence_state": "NY"}, ["cy@example.org", "ben@example.org"]),
        ({"profession": "nurse"}, ["ben@example.org"]),
        ({"status": "completed"}, ["cy@example.org", "ben@example.org", "ana@example.org"]),
        ({"status": "not_completed"}, ["dee@example.org"]),
        ({"date_from": "2026-10-01", "date_to": "2026-10-31"}, ["ben@example.org", "ana@example.org"]),
        ({"date_from": "2026-10-06"}, ["cy@example.org", "ben@example.org"]),
        ({"date_to": "2026-10-05"}, ["ana@example.org"]),
    ],
)
def test_completions_filters(admin_client: Client, records: Any, params: dict[str, str], expected: list[str]) -> None:
    assert emails(csv_rows(admin_client.get(COMPLETIONS, {**params, "export": "csv"}))) == expected


def test_completions_filter_by_course(admin_client: Client, records: Any, second_course: CoursePage) -> None:
    rows = csv_rows(admin_client.get(COMPLETIONS, {"course": second_course.pk, "export": "csv"}))
    assert emails(rows) == ["cy@example.org"]


def test_the_report_page_shows_the_filtered_rows(admin_client: Client, records: Any) -> None:
    response = admin_client.get(COMPLETIONS, {"licence_state": "NY"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cy Cole" in html and "Ben Brook" in html
    assert "Ana Alvarez" not in html and "Dee Dunn" not in html


def test_the_results_fragment_filters_too(admin_client: Client, records: Any) -> None:
    html = admin_client.get(reverse("certificate_reports:completions_results"), {"profession": "pharmacist"}).content
    assert b"Dee Dunn" in html and b"Ana Alvarez" not in html


# Quiz attempts and certificates --------------------------------------------------------------


def test_certificates_report_shows_failed_with_its_error_and_revoked(
    admin_client: Client, records: Any, course: CoursePage
) -> None:
    revoked_learner = make_learner("rev@example.org", first_name="Rae", last_name="Vance")
    certificate = claim(enroll(revoked_learner, course), day="2026-10-07", status=CertificateStatus.REVOKED)
    certificate.revoke_reason = "Claimed by mistake"
    certificate.save()
    rows = {row["Email"]: row for row in csv_rows(admin_client.get(CERTIFICATES, {"export": "csv"}))}
    assert set(rows) == {"ana@example.org", "ben@example.org", "cy@example.org", "rev@example.org"}
    assert rows["ben@example.org"]["Status"] == "Failed"
    assert rows["ben@example.org"]["Error"] == "WeasyPrint could not load a font"
    assert rows["ben@example.org"]["Credit type"] == "Nursing contact hours (ANCC)"
    assert rows["rev@example.org"]["Status"] == "Revoked"
    assert rows["rev@example.org"]["Revoke reason"] == "Claimed by mistake"
    assert rows["rev@example.org"]["Revoked"] == "2026-10-07 12:00"
    assert rows["cy@example.org"]["Status"] == "Pending"
    failed = csv_rows(admin_client.get(CERTIFICATES, {"status": "failed", "export": "csv"}))
    assert emails(failed) == ["ben@example.org"]
    october = csv_rows(
        admin_client.get(CERTIFICATES, {"date_from": "2026-10-06", "date_to": "2026-10-31", "export": "csv"})
    )
    assert emails(october) == ["ben@example.org", "rev@example.org"]


def test_certificate_rows_link_to_the_actions_their_status_allows(admin_client: Client, records: Any) -> None:
    from certificates.models import Certificate

    html = admin_client.get(CERTIFICATES).content.decode()
    issued = Certificate.objects.get(user=records["ana"])
    failed = Certificate.objects.get(user=records["ben"])
    pending = Certificate.objects.get(user=records["cy"])
    assert reverse("antidote_certificates:revoke", args=[issued.pk]) in html
    assert reverse("antidote_certificates:reissue", args=[issued.pk]) in html
    assert reverse("antidote_certificates:retry", args=[issued.pk]) not in html
    assert reverse("antidote_certificates:retry", args=[failed.pk]) in html
    assert reverse("antidote_certificates:revoke", args=[failed.pk]) not in html
    for name in ("revoke", "reissue", "retry"):
        assert reverse(f"antidote_certificates:{name}", args=[pending.pk]) not in html


# Exports: formats, streaming, escaping, audit ---------------------------------------------------


def test_xlsx_export_has_the_same_rows_typed(admin_client: Client, records: Any) -> None:
    response = admin_client.get(COMPLETIONS, {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert emails(rows) == ["dee@example.org", "cy@example.org", "ben@example.org", "ana@example.org"]
    ana = rows[-1]
    assert ana["Learner"] == "Ana Alvarez"
    assert ana["Credits claimed"] == 0.75  # a number, not text
    assert ana["Completed"].isoformat() == "2026-10-05T12:00:00"  # local time, a real date


def test_csv_export_streams(admin_client: Client, records: Any) -> None:
    response = admin_client.get(COMPLETIONS, {"export": "csv"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith('attachment; filename="completions-')
    # A byte-order mark, so Excel reads the file as UTF-8 ("Credit™", accented names).
    assert b"".join(response.streaming_content).startswith(b"\xef\xbb\xbfLearner,Email,")


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(1,2)", "\tx=1", "\rx=1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_formula_cells_are_neutralised_in_csv_and_xlsx(admin_client: Client, course: CoursePage, formula: str) -> None:
    learner = make_learner("mallory@example.org", first_name=formula, last_name="X", certificate_name=formula)
    enrollment = enroll(learner, course)
    posttest(enrollment, score="80.00", passed=True)
    claim(enrollment, day="2026-10-05", status=CertificateStatus.FAILED, error=formula)
    escaped = "'" + formula
    # XML (inside XLSX) reads a carriage return back as a line feed; the apostrophe is what matters.
    escaped_in_xlsx = escaped.replace("\r", "\n")

    for url, fields in ((COMPLETIONS, ["Learner"]), (ATTEMPTS, ["Learner"]), (CERTIFICATES, ["Learner", "Error"])):
        [row] = csv_rows(admin_client.get(url, {"export": "csv"}))
        [xrow] = xlsx_rows(admin_client.get(url, {"export": "xlsx"}))
        for field in fields:
            assert row[field] == escaped, (url, field)
            assert xrow[field] == escaped_in_xlsx, (url, field)

    # In the workbook the cell is text, never a formula.
    response: Any = admin_client.get(CERTIFICATES, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_plain_values_and_negative_numbers_are_left_alone(admin_client: Client, records: Any) -> None:
    rows = csv_rows(admin_client.get(COMPLETIONS, {"export": "csv"}))
    assert rows[-1]["Learner"] == "Ana Alvarez"
    assert rows[-1]["Email"] == "ana@example.org"


def test_each_export_leaves_an_audit_entry_without_learner_data(
    admin_client: Client, administrator: User, records: Any, course: CoursePage
) -> None:
    admin_client.get(COMPLETIONS, {"export": "csv", "licence_state": "NY", "course": course.pk})
    admin_client.get(CERTIFICATES, {"export": "xlsx", "date_from": "2026-10-01"})
    admin_client.get(ATTEMPTS, {"export": "csv"})
    admin_client.get(COMPLETIONS)  # viewing is not exporting
    entries = exports(admin_client)
    assert [(e.data["report"], e.data["format"], e.data["rows"]) for e in entries] == [
        ("completions", "csv", 1),  # Ben is in NY on this course; Cy is in NY on the other one
        ("certificates", "xlsx", 3),
        ("quiz_attempts", "csv", 4),
    ]
    assert entries[0].data["filters"] == {"course": str(course.pk), "licence_state": "NY"}
    assert entries[1].data["filters"] == {"date_from": "2026-10-01"}
    for entry in entries:
        assert entry.user_id == administrator.pk
        assert entry.object_id == str(administrator.pk)
        dumped = json.dumps(entry.data)
        for learner in records.values():
            assert learner.email not in dumped and learner.last_name not in dumped


def test_administrators_find_their_exports_in_the_site_history(admin_client: Client, records: Any) -> None:
    admin_client.get(COMPLETIONS, {"export": "csv"})
    html = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Report exported" in html


# Bad input -------------------------------------------------------------------------------------

BAD_FILTERS = [
    ({"date_from": "2026-10-31", "date_to": "2026-10-01"}, "The start date is after the end date."),
    ({"course": "999999"}, "Select a valid choice"),
    ({"course": "not-a-number"}, "Select a valid choice"),
    ({"date_from": "2026-13-45"}, "Enter a valid date"),
    ({"profession": "astronaut"}, "Select a valid choice"),
    ({"licence_state": "ZZ"}, "Select a valid choice"),
    ({"status": "sideways"}, "Select a valid choice"),
]


@pytest.mark.parametrize(("params", "message"), BAD_FILTERS)
@pytest.mark.parametrize("url", [COMPLETIONS, ATTEMPTS, CERTIFICATES])
def test_bad_filters_show_the_error_list_nothing_and_export_nothing(
    admin_client: Client, records: Any, url: str, params: dict[str, str], message: str
) -> None:
    page = admin_client.get(url, params)
    assert page.status_code == 400
    html = page.content.decode()
    assert "The filters could not be applied" in html and message in html
    assert "ana@example.org" not in html
    for export in ("csv", "xlsx"):
        response = admin_client.get(url, {**params, "export": export})
        assert response.status_code == 400
        assert not response.has_header("Content-Disposition")
        assert message in response.content.decode()
    assert exports(admin_client) == []


def test_the_filter_drawer_fragment_shows_the_errors_in_place(admin_client: Client, records: Any) -> None:
    # Wagtail's filter drawer swaps this fragment in, which it does only for a 200.
    response = admin_client.get(reverse("certificate_reports:completions_results"), {"course": "999999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The filters could not be applied" in html and "ana@example.org" not in html


# Query budgets ---------------------------------------------------------------------------------


def _learners(course: CoursePage, count: int, start: int) -> None:
    for n in range(start, start + count):
        learner = make_learner(f"bulk{n}@example.org", last_name=f"Bulk{n}")
        enrollment = enroll(learner, course)
        posttest(enrollment, score="80.00", passed=True)
        claim(enrollment, day="2026-10-05", status=CertificateStatus.ISSUED if n % 2 else CertificateStatus.FAILED)


@pytest.mark.parametrize("url", [COMPLETIONS, ATTEMPTS, CERTIFICATES])
def test_report_pages_cost_the_same_queries_for_3_or_30_rows(
    admin_client: Client, course: CoursePage, url: str, django_assert_max_num_queries: Any
) -> None:
    _learners(course, 3, 0)
    admin_client.get(url)  # warm the session and Wagtail's per-process caches
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    _learners(course, 27, 3)
    with CaptureQueriesContext(connection) as many:
        assert admin_client.get(url).status_code == 200
    assert len(many) == len(few)
    with django_assert_max_num_queries(15):
        admin_client.get(url)
