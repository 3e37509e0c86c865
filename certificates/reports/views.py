"""The completions and certificates reports (Wagtail ``ReportView``s) and the ACCME PARS export.

Every view checks ``certificates.view_reports`` itself (lms/staff.py: ``ReportView``'s own check
checks nothing without a model permission policy, and Wagtail's menu only hides the entry).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from certificates import pars
from certificates.models import Certificate, CertificateStatus
from certificates.reports import selectors
from certificates.reports.filters import CertificateFilterSet, CompletionFilterSet
from courses.models import Enrollment
from lms.staff import (
    LEARNER_DISPLAY,
    LEARNER_HEADINGS,
    VIEW_REPORTS,
    Converter,
    StaffPermissionMixin,
    StaffReportView,
    choice_label,
    report_export_log,
    yes_no,
)


class CompletionsReportView(StaffReportView[Enrollment]):
    page_title = "Completions"
    header_icon = "tick-inverse"
    report_name = "completions"
    index_url_name = "certificate_reports:completions"
    index_results_url_name = "certificate_reports:completions_results"
    filterset_class = CompletionFilterSet
    fields = selectors.COMPLETION_FIELDS
    headings: ClassVar[dict[str, str]] = {
        **LEARNER_HEADINGS,
        "enrolled_at": "Enrolled",
        "completed_at": "Completed",
        "posttest_score": "Post-test score",
        "posttest_passed": "Post-test passed",
        "credit_type": "Credit type",
        "credits": "Credits claimed",
        "certificate_status": "Certificate",
    }
    display: ClassVar[dict[str, Converter]] = {
        **LEARNER_DISPLAY,
        "posttest_passed": yes_no,
        "certificate_status": choice_label(CertificateStatus.choices),
    }

    def get_base_queryset(self) -> QuerySet[Enrollment]:
        return selectors.completions_lean()

    def rows(self, queryset: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
        return selectors.completion_rows(queryset=queryset)


class CertificateActionsColumn(Column):
    """Links to the certificate actions (antidote_certificates, permission manage_certificates)."""

    cell_template_name = "certificates/admin/actions_cell.html"

    ACTIONS: ClassVar[dict[str, list[tuple[str, str]]]] = {
        CertificateStatus.ISSUED: [("revoke", "Revoke"), ("reissue", "Reissue")],
        CertificateStatus.FAILED: [("retry", "Retry")],
    }

    def get_cell_context_data(self, instance: selectors.CertificateRow, parent_context: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_cell_context_data(instance, parent_context)
        context["actions"] = [
            (label, reverse(f"antidote_certificates:{name}", args=[instance["id"]]))
            for name, label in self.ACTIONS.get(instance["status"], [])
        ]
        return context


class CertificatesReportView(StaffReportView[Certificate]):
    page_title = "Certificates"
    header_icon = "doc-full"
    report_name = "certificates"
    index_url_name = "certificate_reports:certificates"
    index_results_url_name = "certificate_reports:certificates_results"
    filterset_class = CertificateFilterSet
    fields = selectors.CERTIFICATE_FIELDS
    headings: ClassVar[dict[str, str]] = {
        "short_code": "Code",
        **LEARNER_HEADINGS,
        "credit_type": "Credit type",
        "credits": "Credits claimed",
        "status": "Status",
        "created_at": "Claimed",
        "issued_at": "Issued",
        "error": "Error",
        "revoked_at": "Revoked",
        "revoke_reason": "Revoke reason",
    }
    display: ClassVar[dict[str, Converter]] = {
        **LEARNER_DISPLAY,
        "status": choice_label(CertificateStatus.choices),
    }

    @property
    def columns(self) -> list[Column]:
        return [*super().columns, CertificateActionsColumn("actions", label="Actions")]

    def get_base_queryset(self) -> QuerySet[Certificate]:
        return selectors.certificates_lean()

    def rows(self, queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
        return selectors.certificate_rows(queryset=queryset)


PARS_EXPORTS = ("csv", "xlsx", "left-out-csv", "left-out-xlsx")


class ParsExportView(StaffPermissionMixin, WagtailAdminTemplateMixin, View):
    """The PARS learner-completion file for one course and date range, and who was left out and why."""

    staff_permission = VIEW_REPORTS
    denied_reason = StaffReportView.denied_reason
    template_name = "certificates/admin/pars.html"
    page_title = "PARS export"
    header_icon = "download"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request: HttpRequest) -> HttpResponseBase:
        form = pars.ParsExportForm(request.GET or None)
        context: dict[str, Any] = {"form": form, "help_text": pars.PARS_HELP_TEXT, "submitted": form.is_bound}
        export = request.GET.get("export", "")
        if not form.is_bound:
            return self.render(context)
        if not form.is_valid():
            return self.render(context, status=400)
        if export and export not in PARS_EXPORTS:
            form.add_error(None, "Unknown export format: choose CSV or XLSX.")
            return self.render(context, status=400)

        start, end = form.period()
        included, left_out = selectors.pars_learners(course=form.cleaned_data["course"], start=start, end=end)
        if export:
            return self.export(form, export, included, left_out)
        query = request.GET.copy()
        query.pop("export", None)
        context.update(
            included_count=len(included),
            left_out=[pars.left_out_row(learner) for learner in left_out],
            left_out_headings=[heading for _, heading in pars.LEFT_OUT_COLUMNS],
            columns=[heading for _, heading in pars.PARS_COLUMNS],
            query=query.urlencode(),
            course=form.cleaned_data["course"],
        )
        return self.render(context)

    def render(self, context: dict[str, Any], status: int = 200) -> HttpResponse:
        return TemplateResponse(self.request, self.template_name, self.get_context_data(**context), status=status)

    def export(
        self,
        form: pars.ParsExportForm,
        export: str,
        included: list[selectors.ParsLearner],
        left_out: list[selectors.ParsLearner],
    ) -> HttpResponseBase:
        activity_id = form.cleaned_data["activity_id"]
        stem = (
            f"course-{form.cleaned_data['course'].pk}-{form.cleaned_data['date_from']}-{form.cleaned_data['date_to']}"
        )
        if export.startswith("left-out"):
            columns, report = pars.LEFT_OUT_COLUMNS, "pars_left_out"
            rows = [pars.left_out_row(learner) for learner in left_out]
            filename = f"pars-left-out-{stem}"
        else:
            columns, report = pars.PARS_COLUMNS, "pars"
            rows = [pars.pars_row(learner, activity_id=activity_id) for learner in included]
            filename = f"pars-{stem}"
        export_format = "xlsx" if export.endswith("xlsx") else "csv"
        report_export_log(
            user=self.request.user,  # type: ignore[arg-type]
            report=report,
            export_format=export_format,
            filters=form.audit_filters(),
            rows=len(rows),
        )
        headings = [heading for _, heading in columns]
        cells = [[row[key] for key, _ in columns] for row in rows]
        if export_format == "xlsx":
            return pars.xlsx_response(headings, cells, filename)
        response = StreamingHttpResponse(pars.csv_lines(headings, cells), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
