"""Reads for the course pages. Query counts stay flat as courses and modules grow."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from courses.models import CourseIndexPage, CoursePage, ModulePage


def catalog_courses(catalog: CourseIndexPage) -> QuerySet[CoursePage]:
    """Live courses of a catalog, with their credit designations, in tree order."""
    return CoursePage.objects.live().public().child_of(catalog).prefetch_related("credit_designations").order_by("path")


def course_modules(course: CoursePage) -> QuerySet[ModulePage]:
    return ModulePage.objects.live().public().child_of(course).order_by("path")


def course_detail(course: CoursePage) -> dict[str, Any]:
    modules = list(course_modules(course).defer("body"))
    designations = list(course.credit_designations.all())
    return {
        "modules": modules,
        "faculty": list(course.faculty.all()),
        "designations": [(d, course.designation_statement(d)) for d in designations],
    }


def module_detail(module: ModulePage) -> dict[str, Any]:
    """The module's course and its neighbours, for the breadcrumb and previous/next links."""
    course = CoursePage.objects.live().ancestor_of(module).first()
    if course is None:  # an unpublished course being previewed
        parent = module.get_parent()
        course = parent.specific if parent else None
    siblings: list[ModulePage] = list(course_modules(course).defer("body")) if isinstance(course, CoursePage) else []
    ids = [m.pk for m in siblings]
    position = ids.index(module.pk) if module.pk in ids else -1
    return {
        "course": course,
        "modules": siblings,
        "module_number": position + 1 if position >= 0 else None,
        "previous_module": siblings[position - 1] if position > 0 else None,
        "next_module": siblings[position + 1] if 0 <= position < len(siblings) - 1 else None,
    }
