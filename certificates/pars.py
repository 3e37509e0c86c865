"""ACCME PARS learner-completion file: its columns in one declared list, its form, its rows, its files.

What ACCME confirms: per learner, first and last name, month
and day of birth (mm/dd, no year), completion date, credit type and amount, the primary state of
licensure and the state licence ID, or the NPI for boards that accept it; the learner's consent;
ACCME's Excel template "Instructions for Submitting Learner Completion Data" (2025) replaced the
tab-delimited "Learner Template B". What is NOT confirmed: the template's exact column names and
order. They live in ``PARS_COLUMNS`` only, so matching the template is a change to that list.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from wagtail.admin.views.mixins import Echo

from certificates.reports.selectors import ParsLearner
from courses.models import CoursePage, CreditType
from lms.forms import RowIdModelChoiceField
from lms.staff import BOM, XLSX_CONTENT_TYPE, neutralise_formula

# (key, heading). Order and headings are ours until checked against ACCME's current template.
PARS_COLUMNS: list[tuple[str, str]] = [
    ("activity_id", "Activity ID"),
    ("first_name", "Learner first name"),
    ("last_name", "Learner last name"),
    ("birth_month_day", "Birth month/day (MM/DD)"),
    ("licence_state", "Primary state of licensure"),
    ("licence_number", "State license ID"),
    ("npi", "NPI"),
    ("completion_date", "Completion date"),
    ("credit_type", "Credit type"),
    ("credits", "Credits claimed"),
]

LEFT_OUT_COLUMNS: list[tuple[str, str]] = [
    ("name", "Learner"),
    ("email", "Email"),
    ("completion_date", "Completion date"),
    ("reasons", "Left out because"),
]

PARS_HELP_TEXT = (
    "The file holds one row per physician who consented to PARS reporting and completed the course "
    "(claimed AMA PRA Category 1 Credit™) in the date range: the activity ID, first and last name, birth "
    "month and day (MM/DD, no year), primary state of licensure and state license ID and/or NPI, completion "
    "date (YYYY-MM-DD, the day credit was first claimed), credit type and credits claimed. ACCME's Excel "
    "template has replaced the older tab-delimited Learner Template B; its exact column names and order are "
    "not confirmed here, so check the columns against ACCME's current \"Instructions for Submitting Learner "
    'Completion Data" before uploading. Learners who cannot be reported (no consent, not a physician, '
    "missing birth date, license or NPI, revoked certificate) are listed below with the reason, never "
    "dropped silently."
)


class ParsExportForm(forms.Form):
    """Course and date range, both required; the range is inclusive and in the site's time zone."""

    course = RowIdModelChoiceField(
        queryset=CoursePage.objects.order_by("title"),
        empty_label="Choose a course",
        error_messages={"invalid_choice": "That course does not exist. Choose one from the list."},
    )
    date_from = forms.DateField(label="Completed from", help_text="Format: YYYY-MM-DD.")
    date_to = forms.DateField(label="Completed to (inclusive)", help_text="Format: YYYY-MM-DD.")
    activity_id = forms.RegexField(
        label="PARS activity ID",
        regex=r"^[0-9]{1,20}$",
        max_length=20,
        help_text="The ID PARS gave this activity when it was registered (digits only).",
        error_messages={"invalid": "Enter the PARS activity ID as digits only."},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned

    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start of date_from, start of the day after date_to) as aware datetimes in the site's zone."""
        start = datetime.datetime.combine(self.cleaned_data["date_from"], datetime.time.min)
        end = datetime.datetime.combine(self.cleaned_data["date_to"] + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(start), timezone.make_aware(end)

    def audit_filters(self) -> dict[str, str]:
        return {
            "course": str(self.cleaned_data["course"].pk),
            "date_from": self.cleaned_data["date_from"].isoformat(),
            "date_to": self.cleaned_data["date_to"].isoformat(),
            "activity_id": self.cleaned_data["activity_id"],
        }


def completion_date(learner: ParsLearner) -> datetime.date:
    return timezone.localtime(learner.completed_at).date()


def pars_row(learner: ParsLearner, *, activity_id: str) -> dict[str, str]:
    """One learner's PARS cells, keyed as in ``PARS_COLUMNS``."""
    return {
        "activity_id": activity_id,
        "first_name": learner.first_name.strip(),
        "last_name": learner.last_name.strip(),
        "birth_month_day": f"{learner.birth_month:02d}/{learner.birth_day:02d}",
        "licence_state": learner.licence_state,
        "licence_number": learner.licence_number.strip(),
        "npi": learner.npi,
        "completion_date": completion_date(learner).isoformat(),
        "credit_type": CreditType(learner.credit_type).label,
        "credits": f"{learner.credits:.2f}",
    }


def left_out_row(learner: ParsLearner) -> dict[str, str]:
    name = f"{learner.first_name} {learner.last_name}".strip() or "(no name)"
    return {
        "name": name,
        "email": learner.email,
        "completion_date": completion_date(learner).isoformat(),
        "reasons": "; ".join(learner.reasons),
    }


# The files: small (one course's completions), so built whole, every cell guarded as in lms/staff.py.


def csv_lines(headings: Iterable[str], rows: Iterable[Iterable[str]]) -> Iterator[bytes]:
    """A CSV with a byte-order mark for Excel and every cell neutralised."""
    writer = csv.writer(Echo())
    yield BOM.encode("utf-8") + writer.writerow([neutralise_formula(h) for h in headings])
    for row in rows:
        yield writer.writerow([neutralise_formula(cell) for cell in row])


def xlsx_response(headings: list[str], rows: Iterable[list[str]], filename: str) -> FileResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title="Sheet1")
    worksheet.append([neutralise_formula(h) for h in headings])
    for row in rows:
        worksheet.append([neutralise_formula(cell) for cell in row])
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, content_type=XLSX_CONTENT_TYPE, filename=f"{filename}.xlsx")
