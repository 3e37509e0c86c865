"""seed_demo publishes three real courses, is idempotent, and creates the four demo logins."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from courses.course_files import course_file_read, demo_course_files
from courses.credits import credits_for_minutes
from courses.models import CourseIndexPage, CoursePage, CreditType, HomePage, ModulePage
from lms.accounts.roles import ADMINISTRATORS, REVIEWERS, SPECIALISTS

TITLES = {
    "Overdose prevention in opioid prescribing",
    "Buprenorphine and medications for opioid use disorder",
    "Naloxone co-prescribing and academic detailing",
}


@pytest.fixture
def seeded(db: None) -> None:
    call_command("seed_demo", verbosity=0)


def test_it_publishes_the_three_demo_courses_with_three_or_four_modules(seeded: None) -> None:
    assert set(CoursePage.objects.live().values_list("title", flat=True)) == TITLES
    for course in CoursePage.objects.all():
        modules = ModulePage.objects.child_of(course).live()
        assert 3 <= modules.count() <= 4
        assert sum(m.estimated_minutes for m in modules) == course.estimated_minutes
        assert course.faculty.count() >= 1
        assert course.mate_eligible


def test_every_module_teaches_and_cites_its_sources(seeded: None) -> None:
    for module in ModulePage.objects.all():
        types = [block.block_type for block in module.body]
        assert "rich_text" in types, module.title
        assert "key_message" in types, module.title
        assert types[-1] == "references", module.title
        references = module.body[-1].value["items"]
        assert len(references) >= 1 and all(item["citation"] for item in references)


def test_designations_follow_the_estimated_time(seeded: None) -> None:
    for course in CoursePage.objects.all():
        designations = {d.credit_type: d.max_credits for d in course.credit_designations.all()}
        assert designations[CreditType.AMA_PRA_1] == credits_for_minutes(course.estimated_minutes)
        assert CreditType.ANCC_CONTACT_HOURS in designations
        assert CreditType.PARTICIPATION in designations


def test_the_mme_course_has_the_2022_factor_table_and_calculator(seeded: None) -> None:
    course = CoursePage.objects.get(title="Overdose prevention in opioid prescribing")
    blocks = [b for m in ModulePage.objects.child_of(course) for b in m.body]
    assert any(b.block_type == "mme_calculator" for b in blocks)
    tables = [b.value["table"]["data"] for b in blocks if b.block_type == "table"]
    cells = {cell.lower() for table in tables for row in table for cell in row if cell}
    assert any("hydromorphone" in c for c in cells)
    assert "5" in cells and "4.7" in {c.split()[0] for c in cells}


def test_running_it_twice_leaves_one_copy(seeded: None) -> None:
    call_command("seed_demo", verbosity=0)
    assert HomePage.objects.count() == 1
    assert CourseIndexPage.objects.count() == 1
    courses = [course_file_read(path=path) for path in demo_course_files()]
    assert CoursePage.objects.count() == len(courses) == 3
    assert ModulePage.objects.count() == sum(len(c.modules) for c in courses)
    assert get_user_model().objects.count() == 4
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_each_demo_staff_user_holds_one_role_and_none_is_a_superuser(seeded: None) -> None:
    users = {u.email: u for u in get_user_model().objects.prefetch_related("groups")}
    roles = {email: [g.name for g in user.groups.all()] for email, user in users.items()}
    assert roles == {
        "clinician@antidote.example": [],
        "specialist@antidote.example": [SPECIALISTS],
        "reviewer@antidote.example": [REVIEWERS],
        "admin@antidote.example": [ADMINISTRATORS],
    }
    assert not any(u.is_superuser for u in users.values())


@pytest.mark.parametrize(
    ("email", "password", "reaches_admin"),
    [
        ("clinician@antidote.example", "demo-clinician-2026", False),
        ("specialist@antidote.example", "demo-specialist-2026", True),
        ("reviewer@antidote.example", "demo-reviewer-2026", True),
        ("admin@antidote.example", "demo-admin-2026", True),
    ],
)
def test_the_printed_demo_logins_work(
    seeded: None, client: Client, email: str, password: str, reaches_admin: bool
) -> None:
    response = client.post("/accounts/login/", {"username": email, "password": password})
    assert response.status_code == 302, "login refused"
    admin = client.get("/admin/")
    assert (admin.status_code == 200) is reaches_admin


def test_every_demo_page_renders(seeded: None, client: Client) -> None:
    site = Site.objects.get(is_default_site=True)
    for page in [site.root_page, *site.root_page.get_descendants().live()]:
        response = client.get(page.url, HTTP_HOST=site.hostname)
        assert response.status_code == 200, page.url


def test_each_course_has_a_pretest_posttest_and_module_quizzes_with_explanations(seeded: None) -> None:
    from quizzes.models import QuizKind
    from quizzes.selectors import quiz_definition

    for course in CoursePage.objects.all():
        pre, post = quiz_definition(page=course, kind=QuizKind.PRE), quiz_definition(page=course, kind=QuizKind.POST)
        assert pre is not None and post is not None
        assert 8 <= pre.question_count <= 10
        assert [q.id for q in post.questions] == [q.id for q in pre.questions]  # paired items
        assert post.settings["passing_score"] == 80
        for module in ModulePage.objects.child_of(course):
            quiz = quiz_definition(page=module, kind=QuizKind.MODULE, course=course)
            assert quiz is not None and 2 <= quiz.question_count <= 3, module.title
            for question in quiz.questions:
                assert question.value["explanation"] and question.id
