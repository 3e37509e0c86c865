"""The audit log: every claim, issue, failure, revoke, reissue, retry and quiz grade is recorded
through Wagtail's log (ModelLogEntry), without personal data; administrators find and filter the
entries in Reports > Site history ("Audit log" in their menu); nothing edits or deletes an entry."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import BaseLogEntry, ModelLogEntry
from wagtail.snippets.models import get_snippet_models

from certificates.models import Certificate, CertificateStatus
from certificates.services import certificate_mark_failed, certificate_render
from courses.models import CoursePage, ModulePage
from lms.accounts.models import User
from quizzes.models import QuizAttempt
from tests.certificates.journey import claim_credit
from tests.certificates.test_render_service import make_certificate
from tests.certificates.test_rendering import accredit, make_profile
from tests.factories import quiz_json, ready_to_claim, staff_user
from tests.quizzes.test_attempts import answers, start, submit

SITE_HISTORY = "/admin/reports/site-history/"
# What a learner's journey and an administrator's certificate actions log (exports are logged too).
JOURNEY_ACTIONS = {
    "antidote.certificate.claimed",
    "antidote.certificate.issued",
    "antidote.certificate.failed",
    "antidote.certificate.revoked",
    "antidote.certificate.reissued",
    "antidote.certificate.retried",
    "antidote.quiz.graded",
}
SITE_HISTORY_RESULTS = "/admin/reports/site-history/results/"


def claimed_and_issued(client: Client, course: CoursePage) -> tuple[User, Certificate]:
    """A physician who finished the course, claimed through the claim page, and was issued."""
    learner = ready_to_claim(course)
    client.force_login(learner)
    certificate = claim_credit(client, course)
    assert certificate_render(certificate_id=str(certificate.pk)) is not None
    return learner, certificate


@pytest.fixture
def evaluated(evaluated_course: CoursePage) -> CoursePage:
    return accredit(evaluated_course)


@pytest.fixture
def administrator(db: None) -> User:
    return staff_user("administrator")


@pytest.fixture
def every_action(evaluated: CoursePage, administrator: User, client_for: Callable[[User], Client]) -> dict[str, Any]:
    """One of each action, as the people concerned do them: learners through their pages,
    the worker through its service, an administrator through the admin."""
    admin = client_for(administrator)
    learner_client = Client()
    learner, revoked = claimed_and_issued(learner_client, evaluated)
    revoke = admin.post(f"/admin/antidote-certificates/{revoked.pk}/revoke/", {"reason": "Attendance not verified."})
    assert revoke.status_code == 302

    reissued = make_certificate(evaluated, make_profile("physician"))
    certificate_render(certificate_id=str(reissued.pk))
    reissue = admin.post(f"/admin/antidote-certificates/{reissued.pk}/reissue/", {"reason": "Name misspelt."})
    assert reissue.status_code == 302

    failed = make_certificate(evaluated, make_profile("nurse"))
    certificate_mark_failed(certificate_id=str(failed.pk), error="OSError: disk full\nTraceback ...")
    assert admin.post(f"/admin/antidote-certificates/{failed.pk}/retry/").status_code == 302

    module = ModulePage.objects.child_of(evaluated).order_by("path").first()
    assert module is not None
    module.quiz = quiz_json(3)
    module.save_revision().publish()
    attempt = start(learner_client, module)
    assert submit(learner_client, attempt, answers(attempt, right=False)).status_code == 302
    return {"learner": learner, "revoked": revoked, "reissued": reissued, "failed": failed, "attempt": attempt}


def test_every_action_is_recorded_with_who_did_it_and_no_personal_data(
    every_action: dict[str, Any], administrator: User
) -> None:
    learner = every_action["learner"]
    entries = list(ModelLogEntry.objects.filter(action__startswith="antidote."))
    by_action: dict[str, list[ModelLogEntry]] = {}
    for entry in entries:
        by_action.setdefault(entry.action, []).append(entry)

    assert set(by_action) == JOURNEY_ACTIONS
    [claimed] = by_action["antidote.certificate.claimed"]
    assert claimed.user == learner and claimed.object_id == str(every_action["revoked"].pk)
    assert all(e.user is None for e in by_action["antidote.certificate.issued"])  # the worker
    assert all(e.user is None for e in by_action["antidote.certificate.failed"])
    for action in ("revoked", "reissued", "retried"):
        assert [e.user for e in by_action[f"antidote.certificate.{action}"]] == [administrator]
    [graded] = by_action["antidote.quiz.graded"]
    assert graded.user == learner and graded.object_id == str(every_action["attempt"].pk)

    profiles = [c.record for c in Certificate.objects.all()]
    personal = {learner.email, *(r["learner_name"] for r in profiles)}
    for entry in entries:
        logged = json.dumps(entry.data) + entry.label
        assert not any(value in logged for value in personal), entry.action


def test_a_graded_attempt_is_logged_with_its_score_and_outcome_but_not_the_answers(
    every_action: dict[str, Any],
) -> None:
    attempt = QuizAttempt.objects.get(pk=every_action["attempt"].pk)
    entry = ModelLogEntry.objects.get(action="antidote.quiz.graded")

    assert entry.data == {
        "kind": "module",
        "number": 1,
        "page_id": attempt.page_id,
        "course_id": attempt.enrollment.course_id,
        "score": "0.00",
        "passed": False,
    }
    # Exactly those keys: no answers, no results per question, no question text.
    logged = json.dumps(entry.data)
    assert not any(question["prompt"] in logged for question in attempt.snapshot["questions"])


def test_every_action_logged_is_registered_once_so_it_can_be_saved_and_filtered() -> None:
    """Each app registers the actions it logs (certificates, quizzes): together, these, none twice."""
    ours = [action for action, _label in log_action_registry.get_choices() if action.startswith("antidote.")]
    assert len(ours) == len(set(ours))
    assert set(ours) == {*JOURNEY_ACTIONS, "antidote.report.exported"}
    assert all(log_action_registry.action_exists(action) for action in ours)


# Seeing and filtering the entries


def test_an_administrator_sees_the_entries_in_site_history_with_their_details(
    every_action: dict[str, Any], administrator: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(administrator).get(SITE_HISTORY)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Certificate {every_action['revoked'].short_code}" in html
    assert "Certificate revoked: Attendance not verified." in html
    new_code = Certificate.objects.get(supersedes=every_action["reissued"].pk).short_code
    assert f"Certificate reissued: replaced by {new_code}; Name misspelt." in html
    assert "Certificate rendering retried: previous error: OSError: disk full" in html
    assert "Quiz attempt graded: module quiz, attempt 1: 0.00%, not passed" in html
    assert "Credit claimed" in html and "Certificate issued" in html


def test_site_history_filters_by_action(
    every_action: dict[str, Any], administrator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(administrator)
    page = client.get(SITE_HISTORY).content.decode()
    assert 'value="antidote.certificate.revoked"' in page  # offered as a filter choice

    html = client.get(SITE_HISTORY_RESULTS, {"action": "antidote.certificate.revoked"}).content.decode()
    assert html.count("Certificate revoked") == 1
    assert every_action["revoked"].short_code in html
    assert "Credit claimed" not in html and "Quiz attempt graded" not in html

    both = client.get(
        SITE_HISTORY_RESULTS, {"action": ["antidote.certificate.retried", "antidote.quiz.graded"]}
    ).content.decode()
    assert "Certificate rendering retried" in both and "Quiz attempt graded" in both
    assert "Certificate revoked" not in both


def test_the_audit_log_is_in_an_administrators_reports_menu(
    administrator: User, client_for: Callable[[User], Client]
) -> None:
    html = client_for(administrator).get("/admin/").content.decode()
    assert re.search(r'"name": ?"audit-log"', html) or '"audit-log"' in html
    assert SITE_HISTORY in html


@pytest.mark.parametrize("role", ["specialist", "reviewer"])
def test_other_staff_see_none_of_the_certificate_or_quiz_entries(
    every_action: dict[str, Any], role: str, client_for: Callable[[User], Client]
) -> None:
    response = client_for(staff_user(role)).get(SITE_HISTORY)

    assert response.status_code == 200
    html = response.content.decode()
    assert every_action["revoked"].short_code not in html
    assert "Certificate revoked" not in html and "Quiz attempt graded" not in html


def test_a_clinician_cannot_reach_site_history(
    every_action: dict[str, Any], client_for: Callable[[User], Client]
) -> None:
    response = client_for(every_action["learner"]).get(SITE_HISTORY)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


# No way to change an entry


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found: list[tuple[str, URLPattern]] = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            found += _patterns(pattern, prefix + str(pattern.pattern))
        else:
            found.append((prefix + str(pattern.pattern), pattern))
    return found


def _models_of(callback: Any) -> set[type[Model]]:
    """The models a view is built for: its class attribute, or what as_view() / a viewset passed."""
    models: set[type[Model]] = set()
    view_class = getattr(callback, "view_class", None)
    for source in (getattr(view_class, "model", None), getattr(callback, "view_initkwargs", {}).get("model")):
        if isinstance(source, type) and issubclass(source, Model):
            models.add(source)
    return models


def test_no_url_edits_or_deletes_a_log_entry(every_action: dict[str, Any], administrator: User) -> None:
    log_models = {model for model in apps.get_models() if issubclass(model, BaseLogEntry)}
    assert ModelLogEntry in log_models

    # No view in the whole URL configuration is built on a log-entry model...
    built_on_log_entries = [
        route for route, pattern in _patterns(get_resolver()) if _models_of(pattern.callback) & log_models
    ]
    assert built_on_log_entries == []
    # ...no route even names one...
    assert [route for route, _ in _patterns(get_resolver()) if "logentry" in route.lower().replace("_", "")] == []
    # ...neither a snippet nor Django's own admin site exposes them...
    assert not set(get_snippet_models()) & log_models
    assert not apps.is_installed("django.contrib.admin")
    # ...and Wagtail's admin knows no edit URL for an entry.
    entry = ModelLogEntry.objects.filter(action="antidote.certificate.revoked").get()
    assert AdminURLFinder(administrator).get_edit_url(entry) is None


def test_the_site_history_report_only_reads(
    every_action: dict[str, Any], administrator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(administrator)
    before = list(ModelLogEntry.objects.order_by("pk").values())

    for method in (client.post, client.put, client.delete):
        assert method(SITE_HISTORY).status_code == 405
        assert method(SITE_HISTORY_RESULTS).status_code == 405

    assert list(ModelLogEntry.objects.order_by("pk").values()) == before


# A revocation holds


def test_a_learner_whose_certificate_was_revoked_cannot_claim_it_again(
    every_action: dict[str, Any], evaluated: CoursePage, client_for: Callable[[User], Client]
) -> None:
    revoked = every_action["revoked"]
    client = client_for(every_action["learner"])

    response = client.post(f"/certificates/claim/{evaluated.pk}/", {"credits": "1.00", "attest": "yes"})

    assert response.status_code == 409
    assert "Your certificate for this course was revoked on" in response.content.decode()
    assert list(Certificate.objects.filter(user=revoked.user).values_list("status", flat=True)) == [
        CertificateStatus.REVOKED
    ]
