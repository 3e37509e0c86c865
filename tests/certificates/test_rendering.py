"""The certificate PDF: what accreditors require it to say, a QR code that scans, escaped text,
and a renderer that embeds nothing from disk or the network."""

from __future__ import annotations

import base64
import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from certificates.rendering import DataURIOnlyFetcher, html_to_pdf, qr_data_uri, render_certificate_pdf
from certificates.selectors import credit_type_for
from certificates.services import certificate_record
from courses.models import CoursePage, CreditDesignation, CreditType
from lms.accounts.models import ClinicianProfile
from tests.factories import ClinicianProfileFactory

PROVIDER = "Northeast Academic Detailing Collaborative"
ACCREDITATION = (
    f"{PROVIDER} is accredited by the Accreditation Council for Continuing Medical Education (ACCME) "
    "to provide continuing medical education for physicians."
)
NURSING = (
    f"{PROVIDER} is approved as a provider of nursing continuing professional development by the "
    "Northeast Nurses Association, an accredited approver by the American Nurses Credentialing Center's "
    "Commission on Accreditation."
)
CERTIFICATE_ID = "0b4a6b0e-5f0e-4b57-9a39-1c1b7e1e4a11"
SHORT_CODE = "ABCDE-FGHJK"
VERIFY_URL = "https://ce.example.org/verify/q8TNOR7m1zZ0mB4yXgk3bL9sU2vW5aCd/"
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

PEOPLE: dict[str, dict[str, Any]] = {
    "physician": {"full_name_for_certificate": "Jordan A. Rivera", "degree": "MD"},
    "nurse": {"full_name_for_certificate": "Priya N. Shah", "degree": "RN"},
    "pharmacist": {
        "full_name_for_certificate": "Morgan T. Ellis",
        "degree": "PharmD",
        "nabp_eprofile_id": "1234567",
        "birth_month": 4,
        "birth_day": 17,
    },
}


# Helpers shared with test_render_service.py.


def accredit(course: CoursePage) -> CoursePage:
    """The conftest course, with real statements and room to claim 1.25 of 1.50 credits."""
    CoursePage.objects.filter(pk=course.pk).update(
        accredited_provider=PROVIDER, accreditation_statement=ACCREDITATION, nursing_approval_statement=NURSING
    )
    course.refresh_from_db()
    course.credit_designations.update(max_credits=Decimal("1.50"))
    CreditDesignation.objects.create(course=course, credit_type=CreditType.PARTICIPATION, max_credits=Decimal("1.50"))
    return course


def make_profile(profession: str = "physician", **changes: Any) -> ClinicianProfile:
    return ClinicianProfileFactory.create(profession=profession, **{**PEOPLE[profession], **changes})


def record_for(course: CoursePage, profile: ClinicianProfile, credits: str = "1.25") -> dict[str, Any]:
    return certificate_record(
        profile=profile,
        course=course,
        credit_type=credit_type_for(profile.profession),
        credits=Decimal(credits),
        completed_on="2026-11-26",
    )


def squash(text: str) -> str:
    return " ".join(text.split())


def pdftotext(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30)
    return squash(result.stdout.decode())


def pypdf_text(pdf: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages))


def render(record: dict[str, Any]) -> bytes:
    return render_certificate_pdf(
        record=record, certificate_id=CERTIFICATE_ID, short_code=SHORT_CODE, verify_url=VERIFY_URL
    )


@pytest.fixture
def accredited_course(course: CoursePage) -> CoursePage:
    return accredit(course)


@pytest.mark.django_db
def test_a_physician_certificate_says_everything_the_ama_asks_for(accredited_course: CoursePage) -> None:
    pdf = render(record_for(accredited_course, make_profile("physician")))

    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)  # US Letter, landscape
    for text in (pdftotext(pdf), pypdf_text(pdf)):
        for expected in (
            "Certificate of Completion — AMA PRA Category 1 Credit™",
            "Jordan A. Rivera, MD",
            "Overdose prevention",
            PROVIDER,
            "Enduring material",
            "26 November 2026",
            "1.25 AMA PRA Category 1 Credits™ claimed",
            ACCREDITATION,
            f"{PROVIDER} designates this enduring material for a maximum of 1.5 AMA PRA Category 1 Credits™.",
            "Physicians should claim only the credit commensurate with the extent of their participation "
            "in the activity.",
            SHORT_CODE,
            CERTIFICATE_ID,
            VERIFY_URL,
        ):
            assert expected in text
        assert NURSING not in text  # the nursing statement belongs on nurses' certificates only
        assert "CPE Monitor" not in text


@pytest.mark.django_db
def test_a_nurse_certificate_shows_contact_hours_and_the_nursing_statement(accredited_course: CoursePage) -> None:
    pdf = render(record_for(accredited_course, make_profile("nurse")))

    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert "Certificate of Completion — Nursing Contact Hours" in text
        assert "Priya N. Shah, RN" in text
        assert "1.25 nursing contact hours awarded" in text
        assert NURSING in text
        assert "AMA PRA" not in text


@pytest.mark.django_db
def test_a_pharmacist_gets_a_statement_of_participation_pointing_to_cpe_monitor(
    accredited_course: CoursePage,
) -> None:
    pdf = render(record_for(accredited_course, make_profile("pharmacist")))

    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert "Statement of Participation" in text
        assert "Certificate of Completion" not in text
        assert "Morgan T. Ellis, PharmD" in text
        assert "1.25 hours of participation" in text
        assert "reported to NABP CPE Monitor" in text
        assert "AMA PRA" not in text


@pytest.mark.django_db
def test_a_single_credit_reads_in_the_singular(accredited_course: CoursePage) -> None:
    text = pdftotext(render(record_for(accredited_course, make_profile("physician"), credits="1.00")))

    assert "1.00 AMA PRA Category 1 Credit™ claimed" in text


def test_the_qr_code_scans_to_the_verification_url(tmp_path: Path) -> None:
    assert shutil.which("zbarimg"), "zbarimg is missing: apt-get install zbar-tools (make test-setup does)"
    assert shutil.which("pdftoppm"), "pdftoppm is missing: apt-get install poppler-utils"
    record = {
        "learner_name": "Jordan A. Rivera",
        "degree": "MD",
        "profession": "physician",
        "provider": PROVIDER,
        "course_title": "Overdose prevention",
        "format": "Enduring material",
        "completion_date": "2026-11-26",
        "credit_type": "ama_pra_1",
        "credits": "1.25",
        "accreditation_statement": ACCREDITATION,
        "designation_statement": "",
        "nursing_statement": "",
        "pharmacist_note": "",
    }
    (tmp_path / "certificate.pdf").write_bytes(render(record))

    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "certificate.pdf", "page"],
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    [png] = tmp_path.glob("page*.png")
    scanned = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60)

    assert scanned.returncode == 0, f"no QR code found on the page: {scanned.stderr}"
    assert scanned.stdout.strip() == VERIFY_URL


@pytest.mark.django_db
def test_html_in_the_learner_name_prints_literally(accredited_course: CoursePage) -> None:
    name = 'Sam <b>Lee</b> &amp; <i>"Co"</i>'
    pdf = render(record_for(accredited_course, make_profile("physician", full_name_for_certificate=name)))

    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert name in text
    assert not PdfReader(BytesIO(pdf)).pages[0].images


@pytest.mark.django_db
def test_the_longest_name_and_title_the_fields_allow_still_fit_on_one_page(accredited_course: CoursePage) -> None:
    name = ("Maria Garcia " * 20)[:200]  # ClinicianProfile.full_name_for_certificate max_length
    record = record_for(accredited_course, make_profile("nurse", full_name_for_certificate=name))
    record["course_title"] = ("Safer opioid prescribing and naloxone co-prescribing " * 6)[:255]  # Page.title
    pdf = render(record)

    assert len(PdfReader(BytesIO(pdf)).pages) == 1
    text = pdftotext(pdf)
    assert NURSING in text and VERIFY_URL in text and SHORT_CODE in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        " file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        "ftp://example.org/logo.png",
    ],
)
def test_the_fetcher_refuses_files_and_hosts(url: str) -> None:
    with pytest.raises(ValueError, match="only data: URIs"):
        DataURIOnlyFetcher()(url)


def test_the_fetcher_serves_data_uris() -> None:
    response = DataURIOnlyFetcher()(qr_data_uri(VERIFY_URL))
    try:
        assert response.read().startswith(b"<svg")
    finally:
        response.close()


def _leaky_html(tmp_path: Path) -> str:
    """HTML that pulls a stylesheet and an image from disk, and /etc/passwd as text."""
    (tmp_path / "leak.css").write_text('p.leak::after { content: "LEAKED-FROM-DISK"; }')
    png = tmp_path / "pixel.png"
    png.write_bytes(TINY_PNG)
    return (
        f'<link rel="stylesheet" href="file://{tmp_path}/leak.css">'
        f'<img src="file://{png}"><img src="file:///etc/passwd">'
        '<object data="file:///etc/passwd" type="text/plain"></object>'
        '<style>@import url("file:///etc/passwd");</style>'
        '<p class="leak">certificate</p>'
    )


def test_html_that_references_files_embeds_none_of_them(tmp_path: Path) -> None:
    html = _leaky_html(tmp_path)
    # The control: WeasyPrint's default fetcher would embed the stylesheet and the image.
    unguarded = HTML(string=html).write_pdf()
    assert "LEAKED-FROM-DISK" in pdftotext(unguarded)
    assert PdfReader(BytesIO(unguarded)).pages[0].images

    pdf = html_to_pdf(html)  # what render_certificate_pdf uses

    text = pdftotext(pdf)
    assert "certificate" in text
    assert "LEAKED-FROM-DISK" not in text
    assert "root:" not in text
    assert not PdfReader(BytesIO(pdf)).pages[0].images
