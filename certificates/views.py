"""Claim, status, download, transcript and public verification. Thin: services and selectors do the work."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from certificates import services
from certificates.models import Certificate, CertificateStatus
from certificates.rendering import html_to_pdf
from certificates.selectors import (
    claim_choices,
    learner_certificates,
    live_certificate,
    offered_designation,
    own_certificate,
    transcript_totals,
)
from courses.models import CoursePage
from courses.selectors import learner_course_state
from courses.services import LearnerActionRefused
from lms.accounts.models import User
from lms.accounts.selectors import profile_for

VERIFY_LIMIT_PER_MINUTE = 30
# Not yet issued, or failed: nothing to verify.
HIDDEN = [CertificateStatus.PENDING, CertificateStatus.RENDERING, CertificateStatus.FAILED]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    user = _user(request)
    existing = live_certificate(user=user, course=course)
    if existing is not None:
        return redirect("certificates:status", certificate_id=existing.pk)
    state = learner_course_state(user=user, course=course)
    profile = profile_for(user=user)
    designation = offered_designation(profession=profile.profession, course=course) if profile else None
    context = {
        "course": course,
        "state": state,
        "profile": profile,
        "designation": designation,
        "choices": claim_choices(maximum=designation.max_credits) if designation else [],
        "error": "",
        "selected": f"{designation.max_credits:.2f}" if designation else "",
    }
    if request.method == "POST":
        credits = services.parse_credits(request.POST.get("credits", ""))
        try:
            if credits is None:
                raise LearnerActionRefused("Choose how many credits to claim.", status=400)
            certificate = services.credit_claim_create(
                user=user, course=course, credits=credits, attested=request.POST.get("attest") == "yes"
            )
        except LearnerActionRefused as error:
            context.update(error=error.message, selected=request.POST.get("credits", ""))
            return render(request, "certificates/claim.html", context, status=error.status)
        return redirect("certificates:status", certificate_id=certificate.pk)
    return render(request, "certificates/claim.html", context)


def _own_or_404(request: HttpRequest, certificate_id: str) -> Certificate:
    certificate = own_certificate(certificate_id=certificate_id, user=_user(request))
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate


@never_cache
@login_required
@require_GET
def status(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = _own_or_404(request, certificate_id)
    return render(request, "certificates/status.html", _status_context(certificate))


def _status_context(certificate: Certificate) -> dict[str, object]:
    """A replaced certificate links to its replacement (the learner's own, as it is the same claim)."""
    return {"certificate": certificate, "record": certificate.record, "replacement": certificate.superseded_by}


@never_cache
@login_required
@require_GET
def status_json(request: HttpRequest, certificate_id: str) -> JsonResponse:
    certificate = _own_or_404(request, certificate_id)
    return JsonResponse({"status": certificate.status, "label": CertificateStatus(certificate.status).label})


@never_cache
@login_required
@require_GET
def download(request: HttpRequest, certificate_id: str) -> HttpResponseBase:
    certificate = _own_or_404(request, certificate_id)
    if certificate.status in (CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED):
        # Gone for good: a revoked or replaced PDF would still look valid once printed or forwarded
        # (only its QR code tells otherwise), so it is not handed out; the status page says why.
        return render(request, "certificates/status.html", _status_context(certificate), status=410)
    if certificate.status != CertificateStatus.ISSUED or not certificate.pdf:
        return render(
            request,
            "courses/action_refused.html",
            {
                "message": "This certificate is not ready to download yet.",
                "back_url": f"/certificates/{certificate.pk}/",
                "back_label": "Back to the certificate",
            },
            status=409,
        )
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"antidote-certificate-{certificate.short_code}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
@require_GET
def transcript(request: HttpRequest) -> HttpResponse:
    certificates = learner_certificates(user=_user(request))
    return render(
        request,
        "certificates/transcript.html",
        {"certificates": certificates, **transcript_totals(certificates=certificates)},
    )


@never_cache
@login_required
@require_GET
def transcript_pdf(request: HttpRequest) -> HttpResponse:
    """The printable summary: certificates and MATE Act hours, as a PDF."""
    user = _user(request)
    certificates = learner_certificates(user=user)
    profile = profile_for(user=user)
    context = {
        "certificates": certificates,
        "learner_name": profile.full_name_for_certificate if profile else user.get_full_name(),
        "printed": timezone.localdate(),
        "verify_base": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        **transcript_totals(certificates=certificates),
    }
    pdf = html_to_pdf(render_to_string("certificates/transcript_pdf.html", context))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="antidote-transcript.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def _rate_limited(request: HttpRequest) -> bool:
    """A fixed window per client address: enough to stop guessing short codes."""
    key = f"verify-rate:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > VERIFY_LIMIT_PER_MINUTE


@require_GET
def verify(request: HttpRequest, token: str | None = None) -> HttpResponse:
    """Public: anyone may check a certificate from its QR link or its short code. Nothing else personal."""
    if _rate_limited(request):
        return render(request, "certificates/verify.html", {"limited": True}, status=429)
    code = (request.GET.get("code") or "").strip().upper()
    certificate = None
    searched = bool(token or code)
    if token:
        certificate = (
            Certificate.objects.filter(verification_token=token)
            .exclude(status__in=HIDDEN)
            .select_related("superseded_by")
            .first()
        )
    elif code:
        normalised = code.replace(" ", "")
        if len(normalised) == 10 and "-" not in normalised:
            normalised = f"{normalised[:5]}-{normalised[5:]}"
        certificate = (
            Certificate.objects.filter(short_code=normalised)
            .exclude(status__in=HIDDEN)
            .select_related("superseded_by")
            .first()
        )
    status_code = 404 if searched and certificate is None else 200
    context = {
        "certificate": certificate,
        "record": certificate.record if certificate else None,
        "searched": searched,
        "code": code,
    }
    response = render(request, "certificates/verify.html", context, status=status_code)
    response["X-Robots-Tag"] = "noindex"
    return response
