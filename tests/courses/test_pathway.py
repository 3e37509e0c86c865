"""The credit-eligibility rule (courses/pathway.py), as a pure function, and the pages that read it."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import replace
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from certificates.models import Certificate
from courses.models import CoursePage, CreditType, Enrollment, EvaluationResponse, ModulePage, ModuleProgress
from courses.pathway import LearnerCourseState, ModuleState, ModuleStatus, Step, module_states, next_module
from courses.services import disclosure_acknowledge
from lms.accounts.models import ClinicianProfile, Profession, User
from tests.factories import UserFactory, quiz_json

TODAY = datetime.date(2026, 12, 2)


def _course(*, pretest: bool = False) -> CoursePage:
    course = CoursePage(
        pk=1,
        title="Overdose prevention",
        release_date=datetime.date(2026, 9, 1),
        last_review_date=datetime.date(2026, 9, 1),
        expiration_date=datetime.date(2029, 8, 31),
        posttest_reuses_pretest=True,
    )
    if pretest:
        course.pretest = quiz_json(1)
    return course


def _modules(done: int, total: int = 3) -> list[ModuleState]:
    modules = [ModulePage(pk=10 + n, title=f"Module {n + 1}", path=f"0001{n:04}", depth=4) for n in range(total)]
    progress = {
        m.pk: ModuleProgress(module=m, seconds=900, completed_at=timezone.now(), last_seen_at=timezone.now())
        for m in modules[:done]
    }
    return module_states(modules, progress, in_order=True)


def state(**changes: Any) -> LearnerCourseState:
    """A physician who did everything a course without a pre-test asks; ``changes`` undo parts of it."""
    course = changes.pop("course", None) or _course()
    modules = changes.pop("modules", None) or _modules(3)
    base = LearnerCourseState(
        course=course,
        enrollment=Enrollment(pk=5),
        acknowledged=True,
        modules=modules,
        next_module=next_module(modules),
        today=TODAY,
        evaluated=True,
        passed_quizzes=frozenset({(course.pk, "post")}),
        taken_quizzes=frozenset({(course.pk, "post")}),
        profession=Profession.PHYSICIAN,
        credit_types=frozenset({CreditType.AMA_PRA_1, CreditType.ANCC_CONTACT_HOURS}),
    )
    return replace(base, **changes)


def steps(learner: LearnerCourseState) -> list[Step]:
    return [r.step for r in learner.requirements]


def test_a_learner_who_did_everything_may_claim() -> None:
    learner = state()
    assert learner.requirements == [] and learner.eligible
    assert learner.next_action == Step.CLAIM and learner.next_step == "Claim credit and get your certificate"


def test_a_learner_without_a_profile_is_told_to_fill_it_in_not_offered_the_claim() -> None:
    learner = state(profession=None)
    assert steps(learner) == [Step.PROFILE] and not learner.eligible
    assert learner.next_action == Step.PROFILE
    assert learner.left_for_credit == ["Fill in your profile (your name as it must appear on the certificate)"]


def test_a_profession_the_course_does_not_credit_is_in_the_way_of_the_claim() -> None:
    learner = state(profession=Profession.PHARMACIST)  # no certificate of participation designated
    assert learner.left_for_credit == [
        "This course offers no credit for a pharmacist: check the profession in your profile"
    ]
    assert state(profession=Profession.NURSE).eligible  # nursing contact hours are designated


def test_every_step_left_is_listed_in_course_order_and_the_first_is_next() -> None:
    course = _course(pretest=True)
    learner = state(
        course=course,
        acknowledged=False,
        modules=_modules(0),
        passed_quizzes=frozenset(),
        taken_quizzes=frozenset(),
        evaluated=False,
        profession=None,
    )
    assert steps(learner) == [
        Step.DISCLOSURES,
        Step.PRETEST,
        Step.MODULE,
        Step.POSTTEST,
        Step.EVALUATION,
        Step.PROFILE,
    ]
    assert learner.left_for_credit[2] == "Complete 3 more modules"
    assert learner.next_action == Step.DISCLOSURES


def test_the_pretest_never_blocks_the_modules_but_comes_before_the_posttest_and_the_credit() -> None:
    course = _course(pretest=True)
    learner = state(course=course, modules=_modules(3), passed_quizzes=frozenset(), taken_quizzes=frozenset())
    assert learner.missing_before(Step.MODULE) == []
    assert learner.missing_before(Step.POSTTEST) == ["Take the pre-test"]
    assert learner.missing_before(Step.EVALUATION) == []
    assert Step.PRETEST in steps(learner)


def test_once_modules_are_under_way_the_next_step_is_the_module_not_the_pretest() -> None:
    course = _course(pretest=True)
    modules = _modules(1)
    learner = state(course=course, modules=modules, next_module=next_module(modules), taken_quizzes=frozenset())
    assert learner.next_action == Step.MODULE and learner.next_step == "Start: Module 2"
    assert learner.next_label == "Start the next module"
    assert "Take the pre-test" in learner.left_for_credit  # still needed for credit


def test_outside_the_activitys_dates_credit_is_closed_but_the_course_goes_on() -> None:
    expired = state(today=datetime.date(2029, 9, 1))
    assert expired.left_for_credit == ["This activity expired on 31 August 2029: credit can no longer be claimed."]
    assert expired.next_action == Step.CLOSED and expired.next_url == ""
    modules = _modules(1)
    early = state(today=datetime.date(2026, 8, 31), modules=modules, next_module=next_module(modules))
    assert early.left_for_credit[0] == "This activity opens on 1 September 2026."
    assert early.next_action == Step.MODULE  # the dates close the claim, not the modules


def test_a_revoked_certificate_closes_the_claim() -> None:
    learner = state(revoked_on=datetime.date(2026, 11, 3))
    assert steps(learner) == [Step.CLOSED] and not learner.eligible
    assert learner.left_for_credit[0].startswith("Your certificate for this course was revoked on 3 November 2026")
    assert learner.next_action == Step.CLOSED


def test_a_claimed_course_offers_its_certificate() -> None:
    learner = state(certificate_id=uuid.uuid4())
    assert not learner.eligible and learner.next_action == Step.CERTIFICATE
    assert learner.next_step == "View your certificate"


def test_a_module_in_progress_is_continued() -> None:
    modules = _modules(0)
    in_progress = [
        ModuleState(module=modules[0].module, status=ModuleStatus.IN_PROGRESS, progress=None, locked_by=None),
        *modules[1:],
    ]
    learner = state(modules=in_progress, next_module=in_progress[0])
    assert learner.next_step == "Continue: Module 1" and learner.next_label == "Continue where you left off"


# The pages read the same answer


@pytest.fixture
def finished_without_profile(client: Client, course: CoursePage) -> tuple[Client, User, CoursePage]:
    """A learner who did every step of the course but never filled in their profile."""
    user = UserFactory(email_confirmed_at=timezone.now())
    enrollment = Enrollment.objects.create(user=user, course=course)
    disclosure_acknowledge(enrollment=enrollment)
    for module in ModulePage.objects.child_of(course):
        ModuleProgress.objects.create(enrollment=enrollment, module=module, seconds=900, completed_at=timezone.now())
    EvaluationResponse.objects.create(enrollment=enrollment, items=[])
    client.force_login(user)
    return client, user, course


def test_the_dashboard_and_the_claim_page_agree_when_the_profile_is_missing(
    finished_without_profile: tuple[Client, User, CoursePage],
) -> None:
    """Before the one rule, the dashboard offered "Claim" while the claim page refused for the profile."""
    client, user, course = finished_without_profile
    missing = "Fill in your profile (your name as it must appear on the certificate)"
    dashboard = client.get("/dashboard/").content.decode()
    assert "Claim credit and get your certificate" not in dashboard
    assert "Next step:</strong> Fill in your profile" in dashboard and missing in dashboard
    assert f"/accounts/profile/?next=%2Fcertificates%2Fclaim%2F{course.pk}%2F" in dashboard
    course_page = client.get(course.url).content.decode()
    assert missing in course_page and "Claim credit and get your certificate" not in course_page
    claim_page = client.get(f"/certificates/claim/{course.pk}/")
    assert claim_page.status_code == 200 and missing in claim_page.content.decode()
    refused = client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert refused.status_code == 409 and missing in refused.content.decode()
    assert not Certificate.objects.filter(user=user).exists()

    ClinicianProfile.objects.create(
        user=user,
        full_name_for_certificate="Avery Q. Claimant",
        degree="MD",
        profession=Profession.PHYSICIAN,
        licence_state="MA",
        licence_number="A-1",
    )
    assert "Claim credit and get your certificate" in client.get("/dashboard/").content.decode()
    claimed = client.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert claimed.status_code == 302 and Certificate.objects.filter(user=user).count() == 1
    assert "View your certificate" in client.get("/dashboard/").content.decode()


def test_the_posttest_overview_says_what_is_left_instead_of_offering_a_start(
    client: Client, course: CoursePage
) -> None:
    course.posttest = quiz_json(1)
    course.posttest_reuses_pretest = False
    course.save_revision().publish()
    user = UserFactory(email_confirmed_at=timezone.now())
    disclosure_acknowledge(enrollment=Enrollment.objects.create(user=user, course=course))
    client.force_login(user)
    page = client.get(f"/quizzes/{course.pk}/post/").content.decode()
    assert "Before the post-test" in page and "Complete 3 more modules" in page
    assert f'action="/quizzes/{course.pk}/post/start/"' not in page
