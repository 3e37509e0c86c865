"""Course analytics in the Wagtail admin, for detailing specialists, clinical reviewers and administrators.

Registered under /admin/antidote-analytics/ by courses/wagtail_hooks.py. Wagtail's admin wrapper
already refuses anonymous users (login redirect) and clinicians (no admin access); staff without
the analytics permission get the staff 403 page (lms/staff.py).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.analytics_selectors import analytics_courses, course_analytics
from courses.models import CoursePage
from lms.staff import StaffPermissionMixin

PERMISSION = "courses.view_course_analytics"
MAX_DATABASE_INTEGER = 2**63 - 1
TITLE = "Course analytics"


def duration_text(seconds: float | None) -> str | None:
    """A median time to complete as a person would say it: "3 days 4 h", "2 h 5 min", "40 min"."""
    if seconds is None:
        return None
    minutes = round(seconds / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h" if hours else f"{days} day{'s' if days != 1 else ''}"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min" if minutes else "under a minute"


class AnalyticsView(StaffPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    staff_permission = PERMISSION
    denied_reason = (
        "You do not have permission to view course analytics. Ask an administrator for the Detailing "
        "specialists, Clinical reviewers or Administrators role."
    )
    page_title = TITLE
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": reverse("antidote_analytics:index"), "label": TITLE}]


class AnalyticsIndexView(AnalyticsView):
    """Every course with its enrollments and completions, each linking to its analytics."""

    template_name = "courses/admin/analytics_index.html"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": TITLE}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["courses"] = analytics_courses()
        return context


class CourseAnalyticsView(AnalyticsView):
    template_name = "courses/admin/analytics_course.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        course_id = kwargs["course_id"]
        if course_id > MAX_DATABASE_INTEGER:  # SQLite raises OverflowError (a 500) on such a lookup
            raise Http404("No such course.")
        self.course = get_object_or_404(CoursePage, pk=course_id)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.course.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.course.title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        data = course_analytics(course=self.course)
        context.update(
            course=self.course,
            analytics=data,
            median_time_to_complete=duration_text(data.median_seconds_to_complete),
        )
        return context


analytics_index = AnalyticsIndexView.as_view()
course_analytics_view = CourseAnalyticsView.as_view()
