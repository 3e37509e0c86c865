"""The PARS export: its columns on a hand-built set, the left-out list with reasons, bad input."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import CertificateStatus
from certificates.pars import PARS_COLUMNS
from courses.models import CoursePage, CreditType
from tests.report_records import at, claim, enroll, make_learner

PARS = reverse("certificate_reports:pars")
VALID_NPI = "1234567893"  # the CMS example NPI: its Luhn digit over 80840 checks


def read_csv(response: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def read_xlsx(response: Any) -> list[list[Any]]:
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def known_set(course: CoursePage) -> CoursePage:
    """Completions of one course, October 2026, each learner built to land in the file or out of it."""
    included = make_learner("ana@example.org", first_name="Ana", last_name="Alvarez", birth=(4, 9))
    claim(enroll(included, course), day="2026-10-05", credits="0.75")

    npi_only = make_learner(
        "ben@example.org",
        first_name="Ben",
        last_name="Brook",
        licence_state="",
        licence_number="",
        npi=VALID_NPI,
        birth=(12, 1),
    )
    claim(enroll(npi_only, course), day="2026-10-10")

    # The earliest claim is the completion date; the credits are the claim that stands now.
    reissued = make_learner(
        "ivy@example.org",
        first_name="Ivy",
        last_name="Irwin",
        licence_state="NY",
        licence_number="NY-77",
        birth=(1, 31),
    )
    ivy = enroll(reissued, course)
    claim(ivy, day="2026-10-03", status=CertificateStatus.SUPERSEDED, credits="0.50")
    claim(ivy, day="2026-11-02", credits="1.00")

    late_evening = make_learner("kim@example.org", first_name="Kim", last_name="Kerr", birth=(7, 4))
    kim = enroll(late_evening, course)
    from certificates.models import CreditClaim

    claim(kim, day="2026-10-31")
    CreditClaim.objects.filter(enrollment=kim).update(attested_at=at("2026-10-31", 23))

    no_consent = make_learner("cara@example.org", first_name="Cara", last_name="Cole", pars_consent=False)
    claim(enroll(no_consent, course), day="2026-10-06")
    no_birth = make_learner("dan@example.org", first_name="Dan", last_name="Dorn", birth=None)
    claim(enroll(no_birth, course), day="2026-10-07")
    nurse = make_learner("eve@example.org", first_name="Eve", last_name="Ellis", profession="nurse")
    claim(enroll(nurse, course), day="2026-10-08", credit_type=CreditType.ANCC_CONTACT_HOURS)
    revoked = make_learner("fay@example.org", first_name="Fay", last_name="Finch")
    claim(enroll(revoked, course), day="2026-10-09", status=CertificateStatus.REVOKED)
    no_ids = make_learner("jay@example.org", first_name="Jay", last_name="Judd", licence_state="", licence_number="")
    claim(enroll(no_ids, course), day="2026-10-11")

    # Outside the range (just after it, in the site's time zone) and not completed: in neither list.
    november = make_learner("gus@example.org", first_name="Gus", last_name="Gray")
    gus = enroll(november, course)
    claim(gus, day="2026-11-01")
    CreditClaim.objects.filter(enrollment=gus).update(attested_at=at("2026-11-01", 0))
    enroll(make_learner("hal@example.org", first_name="Hal", last_name="Hunt"), course)
    return course


def params(course: CoursePage, **extra: str) -> dict[str, Any]:
    return {
        "course": course.pk,
        "date_from": "2026-10-01",
        "date_to": "2026-10-31",
        "activity_id": "202612345",
        **extra,
    }


EXPECTED_FILE = [
    [heading for _, heading in PARS_COLUMNS],
    ["202612345", "Ivy", "Irwin", "01/31", "NY", "NY-77", "", "2026-10-03", "AMA PRA Category 1 Credit™", "1.00"],
    ["202612345", "Ana", "Alvarez", "04/09", "MA", "A-1", "", "2026-10-05", "AMA PRA Category 1 Credit™", "0.75"],
    ["202612345", "Ben", "Brook", "12/01", "", "", VALID_NPI, "2026-10-10", "AMA PRA Category 1 Credit™", "1.00"],
    ["202612345", "Kim", "Kerr", "07/04", "MA", "A-1", "", "2026-10-31", "AMA PRA Category 1 Credit™", "1.00"],
]

EXPECTED_LEFT_OUT = [
    ["Learner", "Email", "Completion date", "Left out because"],
    ["Cara Cole", "cara@example.org", "2026-10-06", "No consent to PARS reporting"],
    ["Dan Dorn", "dan@example.org", "2026-10-07", "Birth month and day missing"],
    [
        "Eve Ellis",
        "eve@example.org",
        "2026-10-08",
        "Not a physician (Nurse): PARS reporting here covers physicians only; "
        "Credit claimed is not AMA PRA Category 1 Credit™",
    ],
    ["Fay Finch", "fay@example.org", "2026-10-09", "Certificate revoked"],
    ["Jay Judd", "jay@example.org", "2026-10-11", "Neither a state licence (state and number) nor an NPI"],
]


def test_the_pars_file_holds_the_consenting_physicians_in_the_declared_columns(
    admin_client: Client, known_set: CoursePage
) -> None:
    response = admin_client.get(PARS, params(known_set, export="csv"))
    assert response["Content-Disposition"].startswith('attachment; filename="pars-course-')
    assert read_csv(response) == EXPECTED_FILE


def test_the_xlsx_pars_file_has_the_same_cells(admin_client: Client, known_set: CoursePage) -> None:
    rows = read_xlsx(admin_client.get(PARS, params(known_set, export="xlsx")))
    assert [[cell if cell is not None else "" for cell in row] for row in rows] == EXPECTED_FILE


def test_the_left_out_learners_are_listed_with_every_reason_and_downloadable(
    admin_client: Client, known_set: CoursePage
) -> None:
    page = admin_client.get(PARS, params(known_set))
    html = page.content.decode()
    assert page.status_code == 200
    assert "4 learners in the PARS file" in html
    assert "Left out: 5 learners" in html
    for row in EXPECTED_LEFT_OUT[1:]:
        assert row[1] in html
    assert "No consent to PARS reporting" in html and "Certificate revoked" in html
    assert "gus@example.org" not in html and "hal@example.org" not in html
    assert read_csv(admin_client.get(PARS, params(known_set, export="left-out-csv"))) == EXPECTED_LEFT_OUT
    xlsx = read_xlsx(admin_client.get(PARS, params(known_set, export="left-out-xlsx")))
    assert xlsx == EXPECTED_LEFT_OUT


def test_the_page_explains_what_the_file_holds(admin_client: Client) -> None:
    html = admin_client.get(PARS).content.decode()
    assert "one row per physician who consented to PARS reporting" in html
    assert "not confirmed" in html


def test_pars_exports_are_audited_without_learner_data(admin_client: Client, known_set: CoursePage) -> None:
    admin_client.get(PARS, params(known_set))  # looking is not exporting
    admin_client.get(PARS, params(known_set, export="csv"))
    admin_client.get(PARS, params(known_set, export="left-out-xlsx"))
    entries = ModelLogEntry.objects.filter(action="antidote.report.exported").order_by("pk")
    assert [(e.data["report"], e.data["format"], e.data["rows"]) for e in entries] == [
        ("pars", "csv", 4),
        ("pars_left_out", "xlsx", 5),
    ]
    assert entries[0].data["filters"] == {
        "course": str(known_set.pk),
        "date_from": "2026-10-01",
        "date_to": "2026-10-31",
        "activity_id": "202612345",
    }
    text = str([e.data for e in entries])
    for secret in ("Alvarez", "ana@example.org", VALID_NPI, "A-1", "04/09"):
        assert secret not in text


def test_pars_cells_are_neutralised(admin_client: Client, course: CoursePage) -> None:
    learner = make_learner("m@example.org", first_name="=cmd|' /C calc'!A0", last_name="@SUM(1)", licence_number="-1+1")
    claim(enroll(learner, course), day="2026-10-05")
    [_, row] = read_csv(admin_client.get(PARS, params(course, export="csv")))
    assert row[1:3] == ["'=cmd|' /C calc'!A0", "'@SUM(1)"]
    assert row[5] == "'-1+1"
    [_, xrow] = read_xlsx(admin_client.get(PARS, params(course, export="xlsx")))
    assert xrow[1:3] == ["'=cmd|' /C calc'!A0", "'@SUM(1)"]


BAD = [
    ({"date_from": "", "date_to": ""}, "This field is required."),
    ({"date_from": "2026-10-31", "date_to": "2026-10-01"}, "The end date is before the start date."),
    ({"date_from": "2026-02-30"}, "Enter a valid date."),
    ({"date_to": "yesterday"}, "Enter a valid date."),
    ({"course": "999999"}, "That course does not exist."),
    ({"course": "abc"}, "That course does not exist."),
    ({"course": ""}, "This field is required."),
    ({"activity_id": "12ab"}, "Enter the PARS activity ID as digits only."),
    ({"activity_id": ""}, "This field is required."),
]


@pytest.mark.parametrize(("override", "message"), BAD)
def test_bad_input_shows_the_form_errors_and_exports_nothing(
    admin_client: Client, known_set: CoursePage, override: dict[str, str], message: str
) -> None:
    for export in ("", "csv", "xlsx", "left-out-csv"):
        query = {**params(known_set), **override}
        if export:
            query["export"] = export
        response = admin_client.get(PARS, query)
        assert response.status_code == 400
        assert not response.has_header("Content-Disposition")
        html = response.content.decode()
        assert "Nothing was exported" in html and message in html
        assert "ana@example.org" not in html
    assert not ModelLogEntry.objects.filter(action="antidote.report.exported").exists()


def test_an_unknown_export_format_is_refused(admin_client: Client, known_set: CoursePage) -> None:
    response = admin_client.get(PARS, params(known_set, export="pdf"))
    assert response.status_code == 400
    assert "Unknown export format" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="antidote.report.exported").exists()


def test_the_empty_form_is_not_an_error(admin_client: Client) -> None:
    response = admin_client.get(PARS)
    assert response.status_code == 200
    assert "Nothing was exported" not in response.content.decode()
