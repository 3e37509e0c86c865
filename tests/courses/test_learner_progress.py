"""Enrollment, disclosures, modules in order with a minimum time, and the dashboard."""

from __future__ import annotations

import datetime
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import (
    CourseIndexPage,
    CoursePage,
    DisclosureAcknowledgement,
    Enrollment,
    ModulePage,
    ModuleProgress,
)
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory, add_faculty_and_credits, modules_of


def enroll_and_acknowledge(client: Client, course: CoursePage) -> Enrollment:
    assert client.post(f"/learn/courses/{course.pk}/enroll/").status_code == 302
    assert client.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"}).status_code == 302
    return Enrollment.objects.get(course=course)


def spend(enrollment: Enrollment, module: ModulePage, minutes: float) -> None:
    """Move the learner's last request on the module back in time: the clock is the only thing faked."""
    ModuleProgress.objects.filter(enrollment=enrollment, module=module).update(
        last_seen_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


# Enrollment


def test_anonymous_enroll_is_sent_to_log_in_and_brought_back_to_the_course(client: Client, course: CoursePage) -> None:
    response = client.post(f"/learn/courses/{course.pk}/enroll/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fcourses%2Foverdose-prevention%2F"
    assert not Enrollment.objects.exists()


def test_an_unconfirmed_email_cannot_enroll_and_is_told_why(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create())
    response = client.post(f"/learn/courses/{course.pk}/enroll/")
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_enrolling_twice_gives_one_enrollment(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    first = client.post(f"/learn/courses/{course.pk}/enroll/")
    second = client.post(f"/learn/courses/{course.pk}/enroll/")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == f"/learn/courses/{course.pk}/disclosures/"
    assert Enrollment.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_enroll_posts_give_one_enrollment(course_factory: Any) -> None:
    course = course_factory()
    user = UserFactory.create(confirmed=True)
    statuses: list[int] = []
    barrier = threading.Barrier(6, timeout=20)

    clients = []
    for _ in range(6):
        clients.append(Client(raise_request_exception=False))
        clients[-1].force_login(user)

    def post(client: Client) -> None:
        barrier.wait()
        statuses.append(client.post(f"/learn/courses/{course.pk}/enroll/").status_code)
        connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 6
    assert Enrollment.objects.filter(user=user, course=course).count() == 1


@pytest.mark.parametrize("url", ["/learn/courses/{id}/enroll/", "/learn/modules/{mid}/complete/"])
def test_get_on_post_only_actions_is_refused(client: Client, course: CoursePage, url: str) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    response = client.get(url.format(id=course.pk, mid=modules_of(course)[0].pk))
    assert response.status_code == 405
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("url", ["/learn/courses/999999/enroll/", "/learn/modules/999999/complete/"])
def test_tampered_ids_are_not_found(client: Client, course: CoursePage, url: str) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    assert client.post(url).status_code == 404
    assert not Enrollment.objects.exists()


def test_a_module_id_cannot_be_used_as_a_course_id(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    assert client.post(f"/learn/courses/{modules_of(course)[0].pk}/enroll/").status_code == 404


# Disclosures


def test_the_first_module_waits_for_the_disclosures(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    client.post(f"/learn/courses/{course.pk}/enroll/")
    first = modules_of(course)[0]
    response = client.get(first.url)
    assert response.status_code == 302
    assert response["Location"] == f"/learn/courses/{course.pk}/disclosures/"
    page = client.get(response["Location"]).content.decode()
    assert "Dana Whitfield" in page and course.commercial_support_statement in page
    assert not ModuleProgress.objects.exists()


def test_acknowledging_without_the_box_ticked_is_refused(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    client.post(f"/learn/courses/{course.pk}/enroll/")
    response = client.post(f"/learn/courses/{course.pk}/disclosures/", {})
    assert response.status_code == 400
    assert "Tick the box to continue." in response.content.decode()
    assert not DisclosureAcknowledgement.objects.exists()


def test_the_acknowledgement_keeps_what_was_shown(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    shown = enrollment.acknowledgement.disclosures_shown
    assert shown["faculty"][0]["name"] == "Dana Whitfield"
    course.faculty.update(disclosure="Changed later.")
    enrollment.acknowledgement.refresh_from_db()
    assert enrollment.acknowledgement.disclosures_shown == shown


def test_disclosures_of_a_course_you_are_not_enrolled_in_are_refused(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    response = client.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"})
    assert response.status_code == 403
    assert not DisclosureAcknowledgement.objects.exists()


# Modules in order, minimum time


def test_modules_are_taken_in_order(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first, second, _ = modules_of(course)
    page = client.get(second.url).content.decode()
    assert "This module is locked" in page and f"“{first.title}”" in page
    assert "Teaching text." not in page  # the body of a locked module is not shown
    response = client.post(f"/learn/modules/{second.pk}/complete/")
    assert response.status_code == 409
    assert f"complete “{first.title}” first" in response.content.decode()
    assert not ModuleProgress.objects.filter(enrollment=enrollment, module=second).exists()


def test_a_module_cannot_be_completed_before_its_minimum_time(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]  # 15 minutes estimated: 7.5 minutes minimum
    client.get(first.url)
    spend(enrollment, first, minutes=3)
    response = client.post(f"/learn/modules/{first.pk}/complete/")
    assert response.status_code == 409
    assert "about 5 minutes more" in response.content.decode()
    progress = ModuleProgress.objects.get(enrollment=enrollment, module=first)
    assert progress.completed_at is None
    assert 180 <= progress.seconds < 190  # the time so far is kept


def test_the_minimum_time_is_a_per_module_setting(client: Client, course: CoursePage) -> None:
    first = modules_of(course)[0]
    first.minimum_minutes = 1
    first.save()
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    client.get(first.url)
    spend(enrollment, first, minutes=1.1)
    assert client.post(f"/learn/modules/{first.pk}/complete/").status_code == 302


def test_completing_unlocks_the_next_module_and_moves_on(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first, second, _ = modules_of(course)
    client.get(first.url)
    spend(enrollment, first, minutes=8)
    response = client.post(f"/learn/modules/{first.pk}/complete/")
    assert response.status_code == 302
    assert response["Location"] == second.url
    assert ModuleProgress.objects.get(enrollment=enrollment, module=first).completed_at is not None
    assert "This module is locked" not in client.get(second.url).content.decode()


def test_a_long_absence_counts_only_a_capped_gap(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]
    client.get(first.url)
    spend(enrollment, first, minutes=600)  # the tab stayed open all night
    client.get(first.url)
    assert ModuleProgress.objects.get(enrollment=enrollment, module=first).seconds == 450  # 7.5 min cap


def test_completing_twice_changes_nothing(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]
    client.get(first.url)
    spend(enrollment, first, minutes=8)
    client.post(f"/learn/modules/{first.pk}/complete/")
    done = ModuleProgress.objects.get(enrollment=enrollment, module=first)
    assert client.post(f"/learn/modules/{first.pk}/complete/").status_code == 302
    again = ModuleProgress.objects.get(enrollment=enrollment, module=first)
    assert (again.completed_at, again.seconds) == (done.completed_at, done.seconds)


def test_the_heartbeat_keeps_the_time_on_the_server(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    enrollment = enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]
    client.get(first.url)
    spend(enrollment, first, minutes=1)
    data = client.post(f"/learn/modules/{first.pk}/heartbeat/").json()
    assert 60 <= data["seconds"] < 70
    assert data["seconds_left"] == 450 - data["seconds"]
    assert data["complete"] is False


def test_a_module_of_a_course_you_are_not_enrolled_in_cannot_be_completed(client: Client, course: CoursePage) -> None:
    client.force_login(UserFactory.create(confirmed=True))
    response = client.post(f"/learn/modules/{modules_of(course)[0].pk}/complete/")
    assert response.status_code == 403
    assert "You are not enrolled" in response.content.decode()
    assert not ModuleProgress.objects.exists()


def test_another_learners_progress_is_unreachable(client: Client, course: CoursePage) -> None:
    owner, other = (
        UserFactory.create(confirmed=True, email="owner@example.org"),
        UserFactory.create(confirmed=True, email="other@example.org"),
    )
    client.force_login(owner)
    enrollment = enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]
    client.get(first.url)
    before = ModuleProgress.objects.get(enrollment=enrollment, module=first)

    intruder = Client()
    intruder.force_login(other)
    assert intruder.post(f"/learn/modules/{first.pk}/complete/").status_code == 403
    assert intruder.post(f"/learn/modules/{first.pk}/heartbeat/").status_code == 403
    assert intruder.get(f"/learn/courses/{course.pk}/disclosures/").status_code == 403
    dashboard = intruder.get("/dashboard/").content.decode()
    assert course.title not in dashboard
    after = ModuleProgress.objects.get(enrollment=enrollment, module=first)
    assert (after.seconds, after.completed_at, after.last_seen_at) == (
        before.seconds,
        before.completed_at,
        before.last_seen_at,
    )


def test_courses_that_allow_any_order_leave_modules_open(client: Client, course: CoursePage) -> None:
    course.modules_in_order = False
    course.save()
    client.force_login(UserFactory.create(confirmed=True))
    enroll_and_acknowledge(client, course)
    last = modules_of(course)[-1]
    assert "This module is locked" not in client.get(last.url).content.decode()


# Progress survives logging out; dashboard and course page say where the learner is


def test_progress_is_kept_across_logout_and_login_and_the_dashboard_shows_it(
    client: Client, course: CoursePage
) -> None:
    user = UserFactory.create(confirmed=True)
    client.force_login(user)
    enrollment = enroll_and_acknowledge(client, course)
    first, second, _ = modules_of(course)
    client.get(first.url)
    spend(enrollment, first, minutes=8)
    client.post(f"/learn/modules/{first.pk}/complete/")
    client.get(second.url)
    client.post("/accounts/logout/")

    client.force_login(user)
    dashboard = client.get("/dashboard/").content.decode()
    assert course.title in dashboard
    assert "1 of 3 modules complete" in dashboard
    assert f"Continue: {second.title}" in dashboard
    assert "Continue where you left off" in dashboard and second.url in dashboard
    assert "Complete 2 more modules" in dashboard  # what is left for credit

    course_page = client.get(course.url).content.decode()
    assert "Continue where you left off" in course_page
    assert 'aria-valuenow="33"' in course_page
    catalog = client.get("/courses/").content.decode()
    assert "1 of 3 modules complete" in catalog


def test_anonymous_dashboard_is_sent_to_log_in(client: Client, db: None) -> None:
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/dashboard/"


def test_dashboard_queries_do_not_grow_with_enrollments(client: Client, catalog: CourseIndexPage) -> None:
    user = UserFactory.create(confirmed=True)
    client.force_login(user)

    def enroll_in_new_courses(n: int, prefix: str) -> None:
        for i in range(n):
            course = CoursePageFactory(parent=catalog, slug=f"{prefix}{i}")
            add_faculty_and_credits(course)
            for m in range(3):
                ModulePageFactory(parent=course, slug=f"m{m}")
            enroll_and_acknowledge_for(client, course)

    def count() -> int:
        client.get("/dashboard/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dashboard/").status_code == 200
        return len(captured.captured_queries)

    enroll_in_new_courses(1, "a")
    one = count()
    enroll_in_new_courses(9, "b")
    assert count() == one


def enroll_and_acknowledge_for(client: Client, course: CoursePage) -> None:
    client.post(f"/learn/courses/{course.pk}/enroll/")
    client.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"})


def test_the_learners_module_page_and_dashboard_stay_within_their_query_budgets(
    client: Client, course: CoursePage, django_assert_max_num_queries: Any
) -> None:
    """The budget: at most 8 queries each for a signed-in learner (routes and the module list come
    from the cache until the next publish; the progress write is the one per-request write)."""
    from tests.factories import quiz_json

    client.force_login(UserFactory.create(confirmed=True))
    enroll_and_acknowledge(client, course)
    first = modules_of(course)[0]
    first.quiz = quiz_json(3)  # a module with a quiz also reads the learner's attempts
    first.save_revision().publish()
    client.get(first.url)
    client.get("/dashboard/")
    with django_assert_max_num_queries(8):
        assert client.get(first.url).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/dashboard/").status_code == 200
