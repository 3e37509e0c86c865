"""Claiming credit through the claim page, and what the learner then sees: one shared copy of the
HTTP journey for the tests that drive it on purpose (claims, the audit log, the fault tests)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from django.test import Client
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateStatus, CreditClaim
from courses.models import CoursePage
from lms.accounts.models import User


def claim_credit(client: Client, course: CoursePage, credits: str = "1.00") -> Certificate:
    """Claim credit on the claim page, attested, and follow the redirect to the certificate page."""
    response = client.post(f"/certificates/claim/{course.pk}/", {"credits": credits, "attest": "yes"})
    assert response.status_code == 302, f"the claim answered {response.status_code}"
    certificate_id = response["Location"].strip("/").rsplit("/", 1)[-1]
    certificate = Certificate.objects.get(pk=certificate_id, course=course)
    assert response["Location"] == f"/certificates/{certificate.pk}/"
    assert client.get(response["Location"]).status_code == 200, "the certificate page"
    return certificate


def status_shown(client: Client, certificate: Certificate) -> str:
    """What the certificate page's poller reads."""
    response = client.get(f"/certificates/{certificate.pk}/status.json")
    assert response.status_code == 200, f"status.json answered {response.status_code}"
    return str(response.json()["status"])


def assert_each_claim_issued_once(learners: list[tuple[Client, User]], media_root: Path) -> list[Certificate]:
    """For every learner: one claim, one certificate, issued, downloadable with their name, one
    'issued' audit entry; and no PDF in the media directory that no certificate points to."""
    issued = []
    for client, user in learners:
        assert CreditClaim.objects.filter(user=user).count() == 1
        [certificate] = Certificate.objects.filter(user=user)
        assert certificate.status == CertificateStatus.ISSUED and certificate.issued_at is not None
        entries = ModelLogEntry.objects.filter(object_id=str(certificate.pk), action="antidote.certificate.issued")
        assert entries.count() == 1
        assert status_shown(client, certificate) == "issued"
        response = client.get(f"/certificates/{certificate.pk}/download/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        pdf = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
        assert certificate.record["learner_name"] in " ".join(text.split())
        issued.append(certificate)
    on_disk = sorted(path for path in media_root.rglob("*.pdf"))
    assert on_disk == sorted(media_root / c.pdf.name for c in issued), "one PDF per certificate, no orphans"
    return issued
