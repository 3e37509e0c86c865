from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, HomePage
from lms.accounts.models import User
from tests.factories import (
    EVALUATION,
    CourseIndexPageFactory,
    EnrollmentFactory,
    HomePageFactory,
    course_with_modules,
    publish,
    ready_to_claim,
    site_home,
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
    return site_home()


@pytest.fixture
def catalog(home: HomePage) -> CourseIndexPage:
    return CourseIndexPageFactory.create(parent=home)


@pytest.fixture
def course(catalog: CourseIndexPage) -> CoursePage:
    return course_with_modules(catalog, title="Overdose prevention", slug="overdose-prevention")


@pytest.fixture
def evaluated_course(course: CoursePage) -> CoursePage:
    """The course, with an evaluation to answer before credit."""
    return publish(course, evaluation=EVALUATION)


@pytest.fixture
def course_factory(transactional_db: None) -> Callable[[], CoursePage]:
    """A published course with three modules, for tests that need real commits (threads)."""

    def make() -> CoursePage:
        # A transactional test's database may have been flushed: no root, or Wagtail's welcome page.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePage.objects.first() or HomePageFactory.create(parent=root, slug="learning-home")
        catalog = CourseIndexPage.objects.first() or CourseIndexPageFactory.create(parent=home)
        return course_with_modules(catalog)

    return make


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    """A client of its own, logged in as the user: for tests with more than one person."""

    def log_in(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def enrolled_learner(course: CoursePage) -> User:
    """A learner with a confirmed email, enrolled in the course, disclosures acknowledged."""
    return EnrollmentFactory.create(course=course, acknowledged=True).user


@pytest.fixture
def learner_ready_to_claim(evaluated_course: CoursePage) -> User:
    """A physician with a profile who may claim credit for the evaluated course: enrolled,
    acknowledged, every module complete, the post-test passed if it has one, evaluation submitted."""
    return ready_to_claim(
        evaluated_course, profile__physician=True, profile__full_name_for_certificate="Avery Q. Claimant"
    )
