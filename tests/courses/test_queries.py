"""A course page's query count does not grow with its modules (rendered uncached)."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.models import CourseIndexPage
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory, add_faculty_and_credits


def _queries_for_course_with(client: Client, catalog: CourseIndexPage, modules: int) -> int:
    course = CoursePageFactory(parent=catalog, slug=f"course-{modules}")
    add_faculty_and_credits(course)
    for n in range(modules):
        ModulePageFactory(parent=course, slug=f"m{n}")
    client.get(course.url)  # warm Wagtail's site-root cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(course.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="usa-process-list__item"') == modules
    return len(captured.captured_queries)


def test_course_page_queries_do_not_grow_with_modules(client: Client, catalog: CourseIndexPage) -> None:
    client.force_login(UserFactory())  # logged in: rendered every time, never from the page cache
    assert _queries_for_course_with(client, catalog, 3) == _queries_for_course_with(client, catalog, 12)


def test_catalog_queries_do_not_grow_with_courses(client: Client, catalog: CourseIndexPage) -> None:
    client.force_login(UserFactory())

    def count() -> int:
        client.get("/courses/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/courses/")
        return len(captured.captured_queries)

    for n in range(2):
        add_faculty_and_credits(CoursePageFactory(parent=catalog, slug=f"a{n}"))
    two = count()
    for n in range(6):
        add_faculty_and_credits(CoursePageFactory(parent=catalog, slug=f"b{n}"))
    assert count() == two


def test_module_page_queries_do_not_grow_with_sibling_modules(client: Client, catalog: CourseIndexPage) -> None:
    client.force_login(UserFactory())

    def count(modules: int) -> int:
        course = CoursePageFactory(parent=catalog, slug=f"c{modules}")
        first = ModulePageFactory(parent=course, slug="first")
        for n in range(modules - 1):
            ModulePageFactory(parent=course, slug=f"x{n}")
        client.get(first.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(first.url)
        return len(captured.captured_queries)

    assert count(3) == count(12)
