"""Staff-admin plumbing shared by the apps' admin pages: project wiring, not a feature of its own.

The apps own their admin pages (certificates/reports, quizzes/reports.py, courses/admin_views.py,
certificates/admin_views.py) and register them in their own wagtail_hooks.py. What more than one of
them needs is here, once:

- the permission check: :class:`StaffPermissionMixin` and :class:`PermissionMenuItem`. A staff
  user without the view's permission gets the one 403 page (templates/staff/forbidden.html).
  Wagtail's own check does not serve: ``permission_required`` checks nothing without a model
  permission policy, and a raised ``PermissionDenied`` becomes a redirect to the dashboard, which
  hides the refusal. Anonymous users and clinicians never get this far: Wagtail's admin wrapper
  sends the first to the admin login and refuses the second (no admin access).
- the streamed CSV/XLSX export with every string cell guarded against formula injection
  (:class:`SafeSpreadsheetExportMixin`), and the audit-log entry every export leaves;
- the report base (:class:`StaffReportView`), the filters every report shares, and the learner
  columns every report starts with (certificates' completions and certificates reports, quizzes'
  quiz attempts report).

What Wagtail 8's ``SpreadsheetExportMixin`` does and does not do (read in
wagtail/admin/views/mixins.py):
- CSV is a ``StreamingHttpResponse``, but over ``for item in queryset``, which fills the
  queryset's result cache: every row stays in memory until the last is sent. Here it iterates
  ``queryset.iterator(chunk_size=...)`` (a server-side cursor on PostgreSQL).
- XLSX turns a cell openpyxl reads as a formula (a string starting with "=") back into a string;
  CSV cells are written as they are. A learner controls their name, and a cell such as
  ``=HYPERLINK(...)``, ``+cmd|...``, ``-2+3`` or ``@SUM(...)`` runs when a CSV is opened in a
  spreadsheet. Every string cell of both formats gets :func:`neutralise_formula`'s treatment
  (inlined in the per-column converters, which run 1.3 million times for 100,000 rows).
- XLSX is built in memory (BytesIO). Here it is spooled to a temporary file past a few MB.
"""

from __future__ import annotations

import csv
import datetime
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, ClassVar, Generic, TypedDict, TypeVar

import django_filters
from django import forms
from django.db.models import CharField, F, Model, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from openpyxl import Workbook
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import LogFormatter, log
from wagtail.models import BaseLogEntry

from courses.models import CoursePage, CreditType
from lms.accounts.models import Degree, LicenceState, Profession
from lms.forms import RowIdChoiceMixin

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

    from lms.accounts.models import User

M = TypeVar("M", bound=Model)

# Permissions ------------------------------------------------------------------------------------

FORBIDDEN_TEMPLATE = "staff/forbidden.html"
# The one reports permission: every report and export, whichever app owns its data.
VIEW_REPORTS = "certificates.view_reports"


def staff_forbidden(request: HttpRequest, reason: str) -> TemplateResponse:
    """The 403 page in the admin's look, saying why and that nothing was changed."""
    return TemplateResponse(request, FORBIDDEN_TEMPLATE, {"reason": reason}, status=403)


class StaffPermissionMixin:
    """For admin views: staff without ``staff_permission`` get the 403 page, on every method.

    Checked in ``dispatch``, before a view looks anything up, so staff without the permission cannot
    probe which ids exist. ``denied_reason`` is the sentence the 403 page shows.
    """

    staff_permission: ClassVar[str]
    denied_reason: ClassVar[str]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(self.staff_permission):
            return staff_forbidden(request, self.denied_reason)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users holding ``permission``; the view checks it again on the server."""

    def __init__(self, *args: Any, permission: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(self.permission))


# The export audit entry ------------------------------------------------------------------------

# Registered with Wagtail's audit log in certificates/wagtail_hooks.py (beside the Audit log menu item).
EXPORT_ACTION = "antidote.report.exported"


def report_export_log(*, user: User, report: str, export_format: str, filters: dict[str, str], rows: int) -> None:
    """Record an export in Wagtail's audit log.

    A report is not a model instance, and Wagtail's log needs one: the entry is filed under the
    exporting user (a ``ModelLogEntry`` on the user), whose name the audit log shows beside
    "Report exported". The data says which report, in which format, with which filters (ids, codes
    and dates only) and how many rows: never a learner's name or identifier.
    """
    log(
        instance=user,
        action=EXPORT_ACTION,
        user=user,
        data={"report": report, "format": export_format, "filters": filters, "rows": rows},
    )


class DetailFormatter(LogFormatter):
    """An audit-log action's message, then the detail an administrator scans for in the Site history
    report (escaped by the template). Never personal data: the entries' data holds none."""

    def detail(self, data: dict[str, Any]) -> str:
        return ""

    def format_message(self, log_entry: BaseLogEntry) -> str:
        extra = self.detail(log_entry.data or {})
        return f"{self.message}: {extra}" if extra else str(self.message)


# Exports -----------------------------------------------------------------------------------------

# OWASP's list of characters a spreadsheet may read as the start of a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CHUNK_SIZE = 2000
# Excel reads a CSV as UTF-8 only with a byte-order mark; without it "Credit™" arrives as "Creditâ„¢".
BOM = "\ufeff"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise_formula(value: Any) -> Any:
    """A string a spreadsheet would read as a formula gets a leading apostrophe (shown as text).

    Numbers, dates and empty values are left as they are, so they stay typed in XLSX.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def local_datetime_text(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else str(value)


def decimal_text(value: Decimal) -> str:
    """Two decimals, as the database stores them (SQLite hands back Decimal("80") for 80.00)."""
    return f"{value:.2f}"


Converter = Callable[[Any], Any]


def csv_converter(show: Converter | None) -> Converter:
    """One column's cell writer for CSV: display, then text for dates and decimals, then the formula guard.

    Built once per column, not looked up per cell as Wagtail's ``preprocess_field_value`` does: at
    100,000 rows x 13 columns the lookup alone took longer than the database.
    """
    zone = timezone.get_current_timezone()

    def convert(value: Any) -> Any:
        if value is None:
            return ""
        if show is not None:
            value = show(value)
        if isinstance(value, str):
            return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
        if isinstance(value, datetime.datetime):
            return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value.tzinfo else str(value)
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        return value

    return convert


def xlsx_converter(show: Converter | None) -> Converter:
    """The XLSX twin: numbers and dates stay typed (dates in the site's local time), text is guarded."""
    zone = timezone.get_current_timezone()

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if show is not None:
            value = show(value)
        if isinstance(value, str):
            return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
        if isinstance(value, datetime.datetime) and value.tzinfo:
            return value.astimezone(zone).replace(tzinfo=None)
        return value

    return convert


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's export mixin, streamed from a server-side cursor, formulas neutralised in every cell.

    ``display`` maps a field to a function turning its stored value into what a reader sees (a
    choice's label, "Yes"/"No"): the report page and both export formats use it. The queryset an
    export gets is a ``.values()`` queryset holding at least the ``list_export`` fields.
    """

    display: ClassVar[Mapping[str, Converter]] = {}
    # Rows per write: one write per row would mean 100,000 tiny chunks for the WSGI server.
    csv_rows_per_chunk = 200

    def get_heading(self, queryset: QuerySet[Any, Any], field: str) -> str:
        return str(neutralise_formula(super().get_heading(queryset, field)))

    def export_rows(self, queryset: QuerySet[Any, Any]) -> Iterator[tuple[Any, ...]]:
        """Tuples in ``list_export`` order, fetched in chunks: memory does not grow with the row count."""
        return queryset.values_list(*self.list_export).iterator(chunk_size=CHUNK_SIZE)

    def stream_csv(self, queryset: QuerySet[Any, Any]) -> Iterator[bytes]:
        converters = [csv_converter(self.display.get(field)) for field in self.list_export]
        buffer = io.StringIO()
        buffer.write(BOM)
        writer = csv.writer(buffer)
        writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        for count, row in enumerate(self.export_rows(queryset), start=1):
            writer.writerow([convert(value) for convert, value in zip(converters, row, strict=True)])
            if count % self.csv_rows_per_chunk == 0:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode("utf-8")

    def write_csv_response(self, queryset: QuerySet[Any, Any]) -> StreamingHttpResponse:
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx(self, queryset: QuerySet[Any, Any], output: IO[bytes]) -> None:
        converters = [xlsx_converter(self.display.get(field)) for field in self.list_export]
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Sheet1")
        worksheet.append([self.get_heading(queryset, field) for field in self.list_export])
        for row in self.export_rows(queryset):
            # Plain values: openpyxl types them; no string reaches it starting with "=".
            worksheet.append([convert(value) for convert, value in zip(converters, row, strict=True)])
        workbook.save(output)

    def write_xlsx_response(self, queryset: QuerySet[Any, Any]) -> FileResponse:
        output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output, as_attachment=True, content_type=XLSX_CONTENT_TYPE, filename=f"{self.get_filename()}.xlsx"
        )


# Reports -----------------------------------------------------------------------------------------


def choice_label(choices: Iterable[tuple[str, str]]) -> Converter:
    """A stored choice value shown as its label (an unknown value as it is)."""
    labels = dict(choices)
    return lambda value: str(labels.get(value, value))


def yes_no(value: bool) -> str:
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

LEARNER_DISPLAY: dict[str, Converter] = {
    "profession": choice_label(Profession.choices),
    "degree": choice_label(Degree.choices),
    "licence_state": lambda value: value,  # the two-letter code, as boards and PARS use it
    "credit_type": choice_label(CreditType.choices),
}


class LearnerRow(TypedDict):
    """The learner columns of a report row (``.values()`` of a queryset annotated with learner_columns)."""

    learner_name: str
    learner_email: str
    profession: str | None  # None: the learner has no profile
    degree: str | None
    licence_state: str | None
    course_title: str


def learner_columns(user_path: str) -> dict[str, Combinable]:
    """The learner's display name (as on certificates, else the account's name), email and profile facts.

    Joined through ``user_path`` (the report's foreign key to the learner) for ``.annotate()``.
    """
    profile = f"{user_path}__clinician_profile"
    account_name = Concat(
        F(f"{user_path}__first_name"), Value(" "), F(f"{user_path}__last_name"), output_field=CharField()
    )
    return {
        "learner_name": Coalesce(NullIf(F(f"{profile}__full_name_for_certificate"), Value("")), account_name),
        "learner_email": F(f"{user_path}__email"),
        "profession": F(f"{profile}__profession"),
        "degree": F(f"{profile}__degree"),
        "licence_state": F(f"{profile}__licence_state"),
    }


class CourseChoiceField(RowIdChoiceMixin, django_filters.fields.ModelChoiceField):
    """An out-of-range or non-numeric course id is an invalid choice, never a lookup."""


class CourseFilter(django_filters.ModelChoiceFilter):
    field_class = CourseChoiceField


class ReportFilterForm(forms.Form):
    """Refuses a date range whose start is after its end (either end may be left empty)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        period = cleaned.get("date")
        if period is not None and period.start and period.stop and period.start > period.stop:
            self.add_error("date", "The start date is after the end date.")
        return cleaned


def report_courses(request: HttpRequest | None) -> QuerySet[CoursePage]:
    return CoursePage.objects.order_by("title")


class ReportFilterSet(WagtailFilterSet):
    """The filters every report shares: course, date range, profession, licence state.

    ``date`` filters the field a subclass names. A filter form that does not validate (an unknown
    course id, a malformed or reversed date range) never falls back to the unfiltered report, as
    Wagtail's listings do: :class:`StaffReportView` shows the errors, lists nothing and exports nothing.
    """

    course = CourseFilter(label="Course", queryset=report_courses, empty_label="All courses")
    date = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    # Real paths, not the reports' annotations: the filters run on the lean querysets.
    profession = django_filters.ChoiceFilter(
        label="Profession",
        field_name="user__clinician_profile__profession",
        choices=Profession.choices,
        empty_label="All professions",
    )
    licence_state = django_filters.ChoiceFilter(
        label="License state",
        field_name="user__clinician_profile__licence_state",
        choices=LicenceState.choices,
        empty_label="All states",
    )

    class Meta:
        form = ReportFilterForm
        fields: ClassVar[list[str]] = []

    def filtered_fields(self) -> dict[str, str]:
        """The applied filters as plain strings (ids, codes, ISO dates) for the audit log: no PII."""
        if not self.is_bound or not self.is_valid():
            return {}
        result: dict[str, str] = {}
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            if name == "course":
                result[name] = str(value.pk)
            elif name == "date":
                if value.start:
                    result["date_from"] = value.start.date().isoformat()
                if value.stop:
                    result["date_to"] = value.stop.date().isoformat()
            else:
                result[name] = str(value)
        return result


class DisplayColumn(Column):
    """A column over a ``.values()`` row, showing the same text the exports write."""

    def __init__(self, name: str, label: str, show: Converter | None = None, **kwargs: Any) -> None:
        def accessor(row: Mapping[str, object]) -> object:
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

    def __init__(
        self, object_list: QuerySet[Any, Any], per_page: int, *, count_queryset: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_queryset = count_queryset

    @cached_property
    def count(self) -> int:
        return int(self.count_queryset.count())


class StaffReportView(StaffPermissionMixin, SafeSpreadsheetExportMixin, ReportView, Generic[M]):
    """A report over a selector's queryset of ``M``, with filters that never fall back to "everything".

    A subclass names its lean queryset (what the filters, the count and the pagination run on), its
    rows (the lean queryset with the columns annotated), its ``fields`` (the ``.values()`` keys) and
    its ``headings`` (the columns, in order, on the page and in both exports).
    """

    staff_permission = VIEW_REPORTS
    denied_reason = "Your role cannot see this page. Reports, exports and PARS files are for administrators."
    results_template_name = "staff/report_results.html"
    paginate_by = 50
    report_name = ""
    fields: tuple[str, ...] = ()
    headings: ClassVar[dict[str, str]] = {}
    filterset_class: type[ReportFilterSet]

    def get_base_queryset(self) -> QuerySet[M]:
        """The lean queryset: the filters, the count and the pagination run on it."""
        raise NotImplementedError

    def rows(self, queryset: QuerySet[M]) -> QuerySet[M]:
        """The lean queryset's rows with the report's columns annotated."""
        raise NotImplementedError

    def get_paginator(
        self, queryset: QuerySet[M, dict[str, Any]], per_page: int, orphans: int = 0, **kwargs: Any
    ) -> LeanCountPaginator:
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

    def get_filtered_queryset(self) -> QuerySet[M, dict[str, Any]]:
        # BaseListingView.get_queryset() has already applied the filters (ReportView would apply
        # them a second time, repeating each subquery condition).
        return self.rows(self.get_queryset()).values(*self.fields)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
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
        response: HttpResponse = super().get(request, *args, **kwargs)
        return response

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filters.form.errors if self.filters_invalid() else None
        return context
