"""Administrators' reports (Wagtail ``ReportView``s) and the ACCME PARS export.

Every view checks ``certificates.view_reports`` itself: ``ReportView.permission_required`` checks
nothing without a model permission policy, and Wagtail's menu only hides the entry. Staff without
the permission get a 403 page; users without admin access never get here (Wagtail's admin check
refuses them first).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, ClassVar

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from certificates.models import CertificateStatus
from courses.models import CreditType
from lms.accounts.models import Degree, Profession
from lms.reports import pars, selectors
from lms.reports.exports import (
    XLSX_CONTENT_TYPE,
    SafeSpreadsheetExportMixin,
    decimal_text,
    local_datetime_text,
    neutralise_formula,
    rows_to_csv_lines,
)
from lms.reports.filters import (
    CertificateFilterSet,
    CompletionFilterSet,
    QuizAttemptFilterSet,
    ReportFilterSet,
)
from lms.reports.services import report_export_log
from quizzes.models import AttemptStatus, QuizKind

VIEW_REPORTS = "certificates.view_reports"


def forbidden(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "reports/forbidden.html", {"header_title": "Permission denied"}, status=403)


class ReportPermissionMixin:
    """403 for admin users without ``certificates.view_reports``."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(VIEW_REPORTS):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def _label(choices: Any) -> Callable[[Any], str]:
    labels = dict(choices)
    return lambda value: str(labels.get(value, value))


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


# The columns every report starts with (the certificates report puts its code first), in order.
LEARNER_HEADINGS: dict[str, str] = {
    "learner_name": "Learner",
    "learner_email": "Email",
    "profession": "Profession",
    "degree": "Degree",
    "licence_state": "License state",
    "course_title": "Course",
}

LEARNER_DISPLAY: dict[str, Callable[[Any], Any]] = {
    "profession": _label(Profession.choices),
    "degree": _label(Degree.choices),
    "licence_state": lambda value: value,  # the two-letter code, as boards and PARS use it
    "credit_type": _label(CreditType.choices),
}


class DisplayColumn(Column):
    """A column over a ``.values()`` row, showing the same text the exports write."""

    def __init__(self, name: str, label: str, show: Callable[[Any], Any] | None = None, **kwargs: Any) -> None:
        def accessor(row: dict[str, Any]) -> Any:
            value = row.get(name)
            if value is None:
                return ""
            if show is not None:
                return show(value)
            if isinstance(value, datetime.datetime):
                return local_datetime_text(value)
            if isinstance(value, Decimal):
                return decimal_text(value)
            return value

        super().__init__(name, label=label, accessor=accessor, **kwargs)


class LeanCountPaginator(WagtailPaginator):
    """Counts a cheaper queryset holding the same rows as the one it pages through."""

    def __init__(self, object_list: Any, per_page: int, *, count_queryset: Any, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_queryset = count_queryset

    @cached_property
    def count(self) -> int:
        return int(self.count_queryset.count())


class AntidoteReportView(ReportPermissionMixin, SafeSpreadsheetExportMixin, ReportView):
    """A report over a selector's queryset, with filters that never fall back to "everything"."""

    results_template_name = "reports/report_results.html"
    paginate_by = 50
    report_name = ""
    fields: tuple[str, ...] = ()
    headings: ClassVar[dict[str, str]] = {}
    filterset_class: type[ReportFilterSet]

    def get_base_queryset(self) -> Any:
        """The lean queryset (selectors.py): the filters, the count and the pagination run on it."""
        raise NotImplementedError

    def rows(self, queryset: Any) -> Any:
        """The lean queryset's rows with the report's columns annotated."""
        raise NotImplementedError

    def get_paginator(self, queryset: Any, per_page: int, orphans: int = 0, **kwargs: Any) -> Any:
        # Count the lean queryset: the same rows, without the joins the columns need.
        return LeanCountPaginator(queryset, per_page, orphans=orphans, count_queryset=self.get_queryset(), **kwargs)

    @property
    def list_export(self) -> list[str]:
        return list(self.headings)

    @property
    def export_headings(self) -> dict[str, str]:
        return self.headings

    @property
    def columns(self) -> list[Column]:
        return [DisplayColumn(field, label, self.display.get(field)) for field, label in self.headings.items()]

    def get_filename(self) -> str:
        return f"{self.report_name.replace('_', '-')}-{timezone.localdate().isoformat()}"

    def filters_invalid(self) -> bool:
        return self.filters is not None and not self.filters.is_valid()

    def get_filtered_queryset(self) -> Any:
        # BaseListingView.get_queryset() has already applied the filters (ReportView would apply
        # them a second time, repeating each subquery condition).
        return self.rows(self.get_queryset()).values(*self.fields)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.filters_invalid():
            # Nothing listed and nothing exported: the filter errors say what to fix.
            self.is_export = False
            self.object_list = self.rows(self.get_base_queryset().none()).values(*self.fields)
            # The results fragment (Wagtail's filter drawer swaps it in) answers 200 so the errors show.
            return self.render_to_response(self.get_context_data(), status=200 if self.results_only else 400)
        if self.is_export:
            export_format = request.GET["export"]
            queryset = self.get_filtered_queryset()
            report_export_log(
                user=request.user,  # type: ignore[arg-type]
                report=self.report_name,
                export_format=export_format,
                filters=self.filters.filtered_fields() if self.filters else {},
                rows=self.get_queryset().count(),  # the lean count: no joins
            )
            return self.as_spreadsheet(queryset, export_format)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filters.form.errors if self.filters_invalid() else None
        return context


class CompletionsReportView(AntidoteReportView):
    page_title = "Completions"
    header_icon = "tick-inverse"
    report_name = "completions"
    index_url_name = "antidote_reports:completions"
    index_results_url_name = "antidote_reports:completions_results"
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
    display: ClassVar[dict[str, Callable[[Any], Any]]] = {
        **LEARNER_DISPLAY,
        "posttest_passed": _yes_no,
        "certificate_status": _label(CertificateStatus.choices),
    }

    def get_base_queryset(self) -> Any:
        return selectors.completions_lean()

    def rows(self, queryset: Any) -> Any:
        return selectors.completion_rows(queryset)


class QuizAttemptsReportView(AntidoteReportView):
    page_title = "Quiz attempts"
    header_icon = "form"
    report_name = "quiz_attempts"
    index_url_name = "antidote_reports:quiz_attempts"
    index_results_url_name = "antidote_reports:quiz_attempts_results"
    filterset_class = QuizAttemptFilterSet
    fields = selectors.QUIZ_ATTEMPT_FIELDS
    headings: ClassVar[dict[str, str]] = {
        **LEARNER_HEADINGS,
        "quiz_title": "Page",
        "kind": "Quiz",
        "number": "Attempt",
        "status": "Status",
        "started_at": "Started",
        "submitted_at": "Submitted",
        "score": "Score",
        "passed": "Passed",
    }
    display: ClassVar[dict[str, Callable[[Any], Any]]] = {
        **LEARNER_DISPLAY,
        "kind": _label(QuizKind.choices),
        "status": _label(AttemptStatus.choices),
        "passed": _yes_no,
    }

    def get_base_queryset(self) -> Any:
        return selectors.quiz_attempts_lean()

    def rows(self, queryset: Any) -> Any:
        return selectors.quiz_attempt_rows(queryset)


class CertificateActionsColumn(Column):
    """Links to the certificate actions (antidote_certificates, permission manage_certificates)."""

    cell_template_name = "reports/actions_cell.html"

    ACTIONS: ClassVar[dict[str, list[tuple[str, str]]]] = {
        CertificateStatus.ISSUED: [("revoke", "Revoke"), ("reissue", "Reissue")],
        CertificateStatus.FAILED: [("retry", "Retry")],
    }

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context["actions"] = [
            (label, reverse(f"antidote_certificates:{name}", args=[instance["id"]]))
            for name, label in self.ACTIONS.get(instance["status"], [])
        ]
        return context


class CertificatesReportView(AntidoteReportView):
    page_title = "Certificates"
    header_icon = "doc-full"
    report_name = "certificates"
    index_url_name = "antidote_reports:certificates"
    index_results_url_name = "antidote_reports:certificates_results"
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
    display: ClassVar[dict[str, Callable[[Any], Any]]] = {
        **LEARNER_DISPLAY,
        "status": _label(CertificateStatus.choices),
    }

    @property
    def columns(self) -> list[Column]:
        return [*super().columns, CertificateActionsColumn("actions", label="Actions")]

    def get_base_queryset(self) -> Any:
        return selectors.certificates_lean()

    def rows(self, queryset: Any) -> Any:
        return selectors.certificate_rows(queryset)


# PARS ------------------------------------------------------------------------------------------

PARS_EXPORTS = ("csv", "xlsx", "left-out-csv", "left-out-xlsx")


def _xlsx_response(headings: list[str], rows: Iterable[list[Any]], filename: str) -> FileResponse:
    import tempfile

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title="Sheet1")
    worksheet.append([neutralise_formula(h) for h in headings])
    for row in rows:
        worksheet.append([neutralise_formula(cell) for cell in row])
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, content_type=XLSX_CONTENT_TYPE, filename=f"{filename}.xlsx")


class ParsExportView(ReportPermissionMixin, WagtailAdminTemplateMixin, View):
    """The PARS learner-completion file for one course and date range, and who was left out and why."""

    template_name = "reports/pars.html"
    page_title = "PARS export"
    header_icon = "download"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
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
            return _xlsx_response(headings, cells, filename)
        response = StreamingHttpResponse(rows_to_csv_lines(headings, cells), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
