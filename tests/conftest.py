from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from courses.models import CourseIndexPage, CoursePage, HomePage
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    HomePageFactory,
    ModulePageFactory,
    add_faculty_and_credits,
)

# Real Redis, Celery workers and media on disk, for the tests that ask for them (tests/processes.py).
from tests.processes import (  # noqa: F401
    broker,
    media_root,
    pytest_runtest_makereport,
    redis_server,
    start_workers,
)


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db: None) -> HomePage:
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def catalog(home: HomePage) -> CourseIndexPage:
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def course(catalog: CourseIndexPage) -> CoursePage:
    course = CoursePageFactory(parent=catalog, title="Overdose prevention", slug="overdose-prevention")
    add_faculty_and_credits(course)
    for n in range(3):
        ModulePageFactory(parent=course, title=f"Module {n + 1}", slug=f"module-{n + 1}")
    return course


@pytest.fixture
def course_factory(transactional_db: None) -> Callable[[], CoursePage]:
    """A published course with three modules, for tests that need real commits (threads)."""

    def make() -> CoursePage:
        # A transactional test's database may have been flushed: no root, or Wagtail's welcome page.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePage.objects.first() or HomePageFactory(parent=root, slug="learning-home")
        catalog = CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=home)
        course = CoursePageFactory(parent=catalog)
        add_faculty_and_credits(course)
        for n in range(3):
            ModulePageFactory(parent=course, slug=f"module-{n + 1}")
        return course

    return make
