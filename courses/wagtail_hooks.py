"""Wagtail admin customisation for courses."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page

from courses.models import Enrollment, ModuleProgress


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
