"""Certificate PDFs: the frozen record through templates/certificates/certificate_pdf.html and WeasyPrint.

Everything printed comes from the record frozen at claim time (never the live profile or course),
and the PDF may embed nothing but data: URIs, so no template or record can pull in a local file
or reach a network host.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from courses.models import CreditType
from lms.accounts.models import Profession

if TYPE_CHECKING:
    from certificates.models import Certificate

TEMPLATE = "certificates/certificate_pdf.html"


class DataURIOnlyFetcher(URLFetcher):
    """Fetches data: URIs (the QR code) and refuses everything else: file:// would read the worker's
    disk (/etc/passwd, settings) into the PDF and http(s) would let a record make the worker call
    any host. WeasyPrint logs the ValueError and leaves the resource out."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"})  # WeasyPrint's own check, behind ours

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if urlsplit(url.strip()).scheme.lower() != "data":
            raise ValueError(f"Certificates embed only data: URIs; refused {url[:60]!r}")
        return super().fetch(url, headers)


def verify_url_for(certificate: Certificate) -> str:
    """The public verification address printed on the certificate and in its QR code."""
    # The path is spelled out rather than reversed from "certificates:verify" so rendering does
    # not depend on the verification view's URLconf; keep the two in step.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/verify/{certificate.verification_token}/"


def qr_data_uri(url: str) -> str:
    # Error level M survives a crease or a smudge; SVG stays sharp at any print size.
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=4)


def certificate_title(record: dict[str, Any]) -> str:
    credit_type = record["credit_type"]
    if credit_type == CreditType.AMA_PRA_1:
        return "Certificate of Completion — AMA PRA Category 1 Credit™"
    if credit_type == CreditType.ANCC_CONTACT_HOURS:
        return "Certificate of Completion — Nursing Contact Hours"
    if record.get("profession") == Profession.PHARMACIST or record.get("pharmacist_note"):
        # ACPE: pharmacists' credit goes only through CPE Monitor; the provider gives a statement.
        return "Statement of Participation"
    return "Certificate of Participation"


def credit_line(record: dict[str, Any]) -> str:
    """The amount claimed (not the designated maximum), as AMA and ANCC ask."""
    credits = record["credits"]
    one = Decimal(credits) == 1
    credit_type = record["credit_type"]
    if credit_type == CreditType.AMA_PRA_1:
        return f"{credits} AMA PRA Category 1 {'Credit' if one else 'Credits'}™ claimed"
    if credit_type == CreditType.ANCC_CONTACT_HOURS:
        return f"{credits} nursing contact {'hour' if one else 'hours'} awarded"
    return f"{credits} {'hour' if one else 'hours'} of participation"


def certificate_context(
    *, record: dict[str, Any], certificate_id: str, short_code: str, verify_url: str
) -> dict[str, Any]:
    return {
        "record": record,
        # Smaller type for long names and titles keeps everything on one page.
        "long_name": len(record["learner_name"]) + len(record.get("degree", "")) > 34,
        "long_title": len(record["course_title"]) > 140,
        "title": certificate_title(record),
        "credit_line": credit_line(record),
        "completion_date": datetime.date.fromisoformat(record["completion_date"]),
        "certificate_id": certificate_id,
        "short_code": short_code,
        "verify_url": verify_url,
        "qr_data_uri": qr_data_uri(verify_url),
    }


def html_to_pdf(html: str) -> bytes:
    """The one WeasyPrint call, with the fetcher that refuses files and hosts."""
    pdf = HTML(string=html, base_url=None, url_fetcher=DataURIOnlyFetcher()).write_pdf()
    if not isinstance(pdf, bytes):  # write_pdf returns bytes when given no target
        raise TypeError("WeasyPrint returned no PDF bytes")
    return pdf


def render_certificate_pdf(*, record: dict[str, Any], certificate_id: str, short_code: str, verify_url: str) -> bytes:
    """One US Letter landscape page, every value autoescaped (a name with HTML prints literally)."""
    context = certificate_context(
        record=record, certificate_id=certificate_id, short_code=short_code, verify_url=verify_url
    )
    return html_to_pdf(render_to_string(TEMPLATE, context))
