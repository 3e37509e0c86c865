"""Administrators' certificate actions in the Wagtail admin: revoke, reissue, retry.

GET shows what the action will change and asks for confirmation; POST acts through the service and
goes back to the certificates report. Thin: certificates/services.py decides what is allowed.
Registered under /admin/antidote-certificates/ by certificates/wagtail_hooks.py, so Wagtail's
admin-access check runs first; the permission below is checked on every method (lms/staff.py).
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from certificates import services
from certificates.models import Certificate
from lms.accounts.models import ClinicianProfile, User
from lms.staff import StaffPermissionMixin

PERMISSION = "certificates.manage_certificates"


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking",
        help_text="Kept in the audit log and shown to administrators; never shown on the public verification page.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        strip=True,
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional)",
        help_text="For example, the learner's name was misspelt. Kept in the audit log.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        strip=True,
    )


class RetryForm(forms.Form):
    pass


def certificates_report_url() -> str:
    """Where an action returns: the certificates report."""
    return reverse("certificate_reports:certificates")


class CertificateActionView(StaffPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """One certificate, one action. Subclasses name the action, its form and its words."""

    staff_permission = PERMISSION
    denied_reason = (
        "Revoking, reissuing and retrying certificates is for administrators (the permission "
        "“Can revoke, reissue and retry certificates”). Nothing was changed."
    )

    template_name = "certificates/admin/confirm.html"
    header_icon = "doc-full"
    action: ClassVar[str]
    submit_label: ClassVar[str]
    explanation: ClassVar[str]
    success_message: ClassVar[str]
    danger: ClassVar[bool] = False  # the submit button in Wagtail's red, for what cannot be undone

    @cached_property
    def certificate(self) -> Certificate:
        # Looked up by the handlers, after StaffPermissionMixin.dispatch has refused staff without
        # the permission: they cannot probe which ids exist.
        return get_object_or_404(
            Certificate.objects.select_related("course", "user", "superseded_by", "revoked_by"),
            pk=self.kwargs["certificate_id"],
        )

    def get_page_title(self) -> str:
        return f"{self.submit_label} {self.certificate.short_code}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": certificates_report_url(), "label": "Certificates"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        context.update(
            certificate=certificate,
            record=certificate.record,
            refusal=services.certificate_action_refusal(certificate, self.action),
            submit_label=self.submit_label,
            danger=self.danger,
            explanation=self.explanation,
            action_url=self.request.path,
            cancel_url=certificates_report_url(),
        )
        return context

    def form_invalid(self, form: forms.Form) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form: forms.Form) -> HttpResponse:
        try:
            self.perform(form.cleaned_data)
        except services.CertificateActionRefused as refused:
            messages.error(self.request, refused.message)
            self.certificate.refresh_from_db()
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, self.success_message.format(code=self.certificate.short_code))
        return redirect(certificates_report_url())

    def perform(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    @property
    def user(self) -> User:
        return cast(User, self.request.user)


class RevokeView(CertificateActionView):
    action = "revoke"
    form_class = RevokeForm
    submit_label = "Revoke certificate"
    danger = True
    explanation = (
        "The public verification page will say this certificate is revoked, with today's date, and the "
        "learner will no longer be able to download it. This cannot be undone."
    )
    success_message = "Certificate {code} revoked."

    def perform(self, data: dict[str, Any]) -> None:
        services.certificate_revoke(certificate=self.certificate, by=self.user, reason=data["reason"])


class ReissueView(CertificateActionView):
    action = "reissue"
    form_class = ReissueForm
    submit_label = "Reissue certificate"
    explanation = (
        "A new certificate with a new code is rendered from the learner's current profile (name, degree); "
        "the course, credits and completion date stay as certified. This certificate is marked replaced, "
        "and its verification page points to the new one."
    )
    success_message = "Certificate {code} replaced; the new certificate is being rendered."

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        profile = ClinicianProfile.objects.filter(user_id=self.certificate.user_id).first()
        context["profile_name"] = profile.full_name_for_certificate if profile else ""
        context["profile_degree"] = profile.degree if profile else ""
        return context

    def perform(self, data: dict[str, Any]) -> None:
        services.certificate_reissue(certificate=self.certificate, by=self.user, reason=data["reason"])


class RetryView(CertificateActionView):
    action = "retry"
    form_class = RetryForm
    submit_label = "Retry rendering"
    explanation = (
        "The certificate goes back to the queue and is rendered again from its frozen record, with a fresh "
        "count of attempts. Fix the cause of the failure first."
    )
    success_message = "Certificate {code} queued for rendering again."

    def perform(self, data: dict[str, Any]) -> None:
        services.certificate_retry(certificate=self.certificate, by=self.user)
