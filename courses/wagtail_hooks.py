"""Wagtail admin customisation for courses: the delete guard, and the course analytics pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from courses import admin_views, views
from courses.models import Enrollment, ModuleProgress
from lms.staff import PermissionMenuItem

ServeChain = Callable[[Page, HttpRequest, tuple[Any, ...], dict[str, Any]], HttpResponse]


@hooks.register("on_serve_page", order=100)
def serve_learner_pages(serve: ServeChain) -> ServeChain:
    """Signed-in learners' pages come from courses.views.learner_page. The order puts this hook inside
    Wagtail's own (order 0), so its view restrictions are checked first."""

    def inner(page: Page, request: HttpRequest, args: tuple[Any, ...], kwargs: dict[str, Any]) -> HttpResponse:
        return views.learner_page(request, page) or serve(page, request, args, kwargs)

    return inner


@hooks.register("before_delete_page")
def refuse_to_delete_pages_with_learner_records(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Learners' enrollments and progress outlive content edits: a page they used is unpublished, not deleted."""
    enrollments = Enrollment.objects.filter(course__path__startswith=page.path).count()
    progress = ModuleProgress.objects.filter(module__path__startswith=page.path).count()
    if not enrollments and not progress:
        return None
    messages.error(
        request,
        f"“{page.get_admin_display_title()}” cannot be deleted: learners have records on it "
        f"({enrollments} enrollments, {progress} module progress records). Unpublish it instead.",
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


# Course analytics: /admin/antidote-analytics/ (index) and /admin/antidote-analytics/<course id>/.

analytics_urlpatterns = [
    path("", admin_views.analytics_index, name="index"),
    path("<int:course_id>/", admin_views.course_analytics_view, name="course"),
]


@hooks.register("register_admin_urls")
def register_course_analytics_urls() -> list[URLPattern | URLResolver]:
    return [path("antidote-analytics/", include((analytics_urlpatterns, "antidote_analytics")))]


@hooks.register("register_admin_menu_item")
def register_course_analytics_menu_item() -> MenuItem:
    # Just above Reports (order 9000), where staff look for figures.
    return PermissionMenuItem(
        admin_views.TITLE,
        reverse_lazy("antidote_analytics:index"),
        icon_name="table",
        order=8900,
        permission=admin_views.PERMISSION,
    )
