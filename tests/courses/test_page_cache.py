"""Anonymous public pages come from the cache; previews, drafts and logged-in pages never do."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from courses.models import CoursePage
from tests.factories import ModulePageFactory, UserFactory


def test_a_second_anonymous_visit_is_served_from_the_cache_without_sql(
    client: Client, course: CoursePage, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    first = client.get(course.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(course.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("url", ["/", "/courses/", "/courses/overdose-prevention/module-1/"])
def test_catalog_and_module_pages_are_cached_too(client: Client, course: CoursePage, url: str) -> None:
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_publishing_a_change_purges_the_cached_pages(client: Client, course: CoursePage) -> None:
    client.get(course.url)
    client.get("/courses/")
    course.title = "Overdose prevention, revised"
    course.save_revision().publish()
    assert b"Overdose prevention, revised" in client.get(course.url).content
    assert b"Overdose prevention, revised" in client.get("/courses/").content


def test_publishing_a_new_module_shows_on_the_cached_course_page(client: Client, course: CoursePage) -> None:
    client.get(course.url)
    module = ModulePageFactory(parent=course, title="A brand new module", slug="new-module", live=False)
    module.save_revision().publish()
    assert b"A brand new module" in client.get(course.url).content


def test_unpublishing_purges(client: Client, course: CoursePage) -> None:
    module = course.get_children().live().first()
    assert module is not None
    client.get(module.url)
    module.unpublish()
    assert client.get(module.url).status_code == 404


def test_a_saved_draft_is_never_shown_to_the_public(client: Client, course: CoursePage) -> None:
    client.get(course.url)
    course.title = "Unreviewed draft title"
    course.save_revision()  # a draft awaiting review, not published
    assert b"Unreviewed draft title" not in client.get(course.url).content


def test_logged_in_learners_are_never_served_from_or_into_the_cache(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory())
    response = client.get(course.url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    client.logout()
    assert client.get(course.url)["X-Page-Cache"] == "miss"


def test_query_strings_and_posts_bypass_the_cache(client: Client, course: CoursePage) -> None:
    client.get(course.url)
    assert "X-Page-Cache" not in client.get(course.url, {"utm": "x"})


def test_previews_are_never_cached(client: Client, course: CoursePage) -> None:
    admin = UserFactory(email="editor@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    course.title = "Preview-only title"
    course.save_revision()
    preview = client.get(f"/admin/pages/{course.pk}/edit/preview/?mode=")
    assert preview.status_code == 200
    client.logout()
    html = client.get(course.url).content.decode()
    assert "Preview-only title" not in html


def test_making_a_page_private_takes_it_out_of_the_cache_at_once(client: Client, course: CoursePage) -> None:
    from wagtail.models import PageViewRestriction

    assert client.get(course.url).status_code == 200  # now cached
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_changed_site_is_picked_up_at_once(client: Client, course: CoursePage) -> None:
    from wagtail.models import Site

    assert client.get(course.url).status_code == 200  # the site is now cached
    site = Site.objects.get()
    site.hostname = "elsewhere.example"
    site.is_default_site = False
    site.save()
    assert client.get(course.url).status_code == 404  # no site answers for this host any more
