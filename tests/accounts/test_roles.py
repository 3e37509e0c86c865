"""Staff roles and the "Clinical review" workflow, through the Wagtail admin's own views.

A specialist drafts a module with a quiz and submits it; she cannot publish. A reviewer rejects it
with a comment, the specialist fixes it and resubmits, the reviewer approves and it goes live.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, Enrollment, ModulePage
from lms.accounts.roles import ADMINISTRATORS, REVIEWERS, SPECIALISTS, WORKFLOW_NAME
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


def _list_block(items: list[dict[str, str]]) -> dict[str, object]:
    data: dict[str, object] = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def module_form(title: str, action: str, *, correct_dose: str = "50 MME/day") -> dict[str, Any]:
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "Who should be offered naloxone.",
            "estimated_minutes": 10,
            "minimum_minutes": 0,
            "body": streamfield([("rich_text", rich_text("<p>Offer naloxone when risk is raised.</p>"))]),
            "quiz": streamfield(
                [
                    (
                        "quiz",
                        {
                            "passing_score": "80",
                            "max_attempts": "3",
                            "show_explanations": "after_submission",
                            "questions": streamfield(
                                [
                                    (
                                        "single_choice",
                                        {
                                            "prompt": "Which daily dose is a CDC 2022 trigger to offer naloxone?",
                                            "choices": _list_block(
                                                [{"text": correct_dose, "correct": "on"}, {"text": "5 MME/day"}]
                                            ),
                                            "explanation": "CDC 2022, Recommendation 8.",
                                            "reference": "CDC 2022, Rec 8",
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
        }
    )
    data[action] = "on"
    return data


def form_errors(response: Any) -> object:
    form = response.context["form"] if response.context else None
    return form.errors if form is not None else response.status_code


def test_the_roles_exist_with_their_permissions_and_wagtail_defaults_are_gone(db: None) -> None:
    names = set(Group.objects.values_list("name", flat=True))
    assert {SPECIALISTS, REVIEWERS, ADMINISTRATORS} <= names
    assert not names & {"Editors", "Moderators"}, "Wagtail's default groups are a second path to publishing"

    specialist, reviewer, administrator = (staff_user(r) for r in ("specialist", "reviewer", "administrator"))
    assert specialist.has_perm("wagtailadmin.access_admin")
    assert specialist.has_perm("courses.view_course_analytics")
    assert not specialist.has_perm("certificates.view_reports")
    assert not reviewer.has_perm("certificates.manage_certificates")
    assert administrator.has_perms(
        ["certificates.view_reports", "certificates.manage_certificates", "courses.view_course_analytics"]
    )
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW_NAME


def test_every_page_is_under_the_clinical_review_workflow(course: CoursePage) -> None:
    module = course.get_children().first()
    assert module is not None
    assert module.get_workflow().name == WORKFLOW_NAME
    assert [task.specific.groups.get().name for task in module.get_workflow().tasks] == [REVIEWERS]


def test_a_specialist_cannot_publish_but_can_submit_for_review(course: CoursePage) -> None:
    client = Client()
    client.force_login(staff_user("specialist"))
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])

    response = client.post(add_url, module_form("Who gets naloxone", "action-publish"))
    assert response.status_code == 302, form_errors(response)
    # Wagtail saves a draft when a user without publish permission asks to publish: never live.
    drafted = ModulePage.objects.get(title="Who gets naloxone")
    assert not drafted.live
    assert drafted.current_workflow_state is None

    response = client.post(add_url, module_form("Who gets naloxone (2)", "action-submit"))
    assert response.status_code == 302, form_errors(response)
    submitted = ModulePage.objects.get(title="Who gets naloxone (2)")
    assert not submitted.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME


def test_reviewer_rejects_with_a_comment_then_approves_the_fix(course: CoursePage) -> None:
    specialist, reviewer = staff_user("specialist"), staff_user("reviewer")
    author, approver = Client(), Client()
    author.force_login(specialist)
    approver.force_login(reviewer)

    add_url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    assert (
        author.post(add_url, module_form("Naloxone triggers", "action-submit", correct_dose="5 MME/day")).status_code
        == 302
    )
    module = ModulePage.objects.get(title="Naloxone triggers")
    state = module.current_workflow_state
    assert state is not None

    # The reviewer sees it waiting for review on the dashboard.
    dashboard = approver.get(reverse("wagtailadmin_home"))
    assert "Naloxone triggers" in dashboard.content.decode()

    reject = reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "reject", state.current_task_state.pk])
    response = approver.post(reject, {"comment": "The trigger dose is wrong: CDC 2022 says 50 MME/day."})
    assert response.status_code == 302
    state.refresh_from_db()
    module.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not module.live
    task_state = state.current_task_state
    assert task_state.comment == "The trigger dose is wrong: CDC 2022 says 50 MME/day."

    # The specialist corrects it and resubmits.
    edit_url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    response = author.post(edit_url, module_form("Naloxone triggers", "action-submit"))
    assert response.status_code == 302
    state = module.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS

    # A specialist cannot approve her own work.
    approve = reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "approve", state.current_task_state.pk])
    author.post(approve, {"comment": ""})
    module.refresh_from_db()
    assert not module.live

    response = approver.post(approve, {"comment": "Checked against CDC 2022."})
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.live
    question = module.quiz[0].value["questions"][0]
    assert [c["text"] for c in question.value["choices"]][0] == "50 MME/day"


@pytest.mark.parametrize("who", ["anonymous", "clinician"])
def test_clinicians_and_anonymous_users_never_reach_the_admin(who: str, home: Page) -> None:
    client = Client()
    if who == "clinician":
        client.force_login(UserFactory())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ["specialist", "reviewer", "administrator"])
def test_each_staff_role_reaches_the_admin(role: str, home: Page) -> None:
    client = Client()
    client.force_login(staff_user(role))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_administrator_cannot_edit_content(course: CoursePage) -> None:
    client = Client()
    client.force_login(staff_user("administrator"))
    module = course.get_children().first()
    assert module is not None
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    # Wagtail's admin answers a refused page with a redirect to the dashboard and a message (a 403
    # only for XMLHttpRequest): never the editor.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "you do not have permission" in [str(m) for m in get_messages(response.wsgi_request)][0]


def test_role_permissions_are_the_ones_declared_on_the_models(db: None) -> None:
    """Each granted permission is the row Django creates for its model, not a look-alike on a made-up
    content type (which `remove_stale_contenttypes` would delete, taking the grant with it)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    real_types = {ct.pk for ct in ContentType.objects.all() if ct.model_class() is not None}
    for group in Group.objects.filter(name__in=[SPECIALISTS, REVIEWERS, ADMINISTRATORS]):
        for permission in group.permissions.select_related("content_type"):
            assert permission.content_type_id in real_types, f"{group.name}: {permission} has no model"
    declared = Permission.objects.get(codename="view_course_analytics")
    assert declared.content_type.model_class() is Enrollment
    assert declared.group_set.count() == 3
