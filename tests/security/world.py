"""A small published catalogue and learners with real records, built once for the security tests.

The owner is a clinician who has done everything a learner can (enrollment, disclosures, every
module, a pre-test, a module quiz, a post-test, the evaluation, a claim and an issued certificate),
written through the project's own services so the records are the ones the views read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page

from certificates.models import Certificate
from certificates.services import certificate_render, credit_claim_create
from courses.models import CoursePage, Enrollment, ModulePage
from courses.services import disclosure_acknowledge, enrollment_create
from lms.accounts.models import User
from quizzes.answers import ParsedAnswers
from quizzes.models import QuizAttempt, QuizKind
from quizzes.selectors import quiz_definition
from quizzes.services import attempt_start, attempt_submit
from tests import factories
from tests.factories import quiz_json

ROLES = ("anonymous", "owner", "other", "specialist", "reviewer", "administrator")
STAFF_GROUPS = {
    "specialist": "Detailing specialists",
    "reviewer": "Clinical reviewers",
    "administrator": "Administrators",
}
# The owner's personal data: what must never appear in a URL, a log record or a shared cache.
OWNER_NPI = "1245319599"
OWNER_LICENCE = "RX-778899"


@dataclass
class World:
    course: CoursePage
    modules: list[ModulePage]
    draft: ModulePage
    owner: User
    other: User
    staff: dict[str, User]
    enrollment: Enrollment
    attempts: dict[str, QuizAttempt]
    certificate: Certificate
    document: Document
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        if role == "anonymous":
            return None
        if role == "owner":
            return self.owner
        if role == "other":
            return self.other
        return self.staff[role]


def correct_answers(attempt: QuizAttempt) -> dict[str, list[str]]:
    return {q["id"]: list(q["correct"]) for q in attempt.snapshot["questions"]}


def take_quiz(user: User, page: Page, kind: str, course: CoursePage) -> QuizAttempt:
    quiz = quiz_definition(page=page, kind=kind, course=course)
    assert quiz is not None, f"no {kind} quiz on {page.title}"
    attempt = attempt_start(user=user, quiz=quiz)
    return attempt_submit(attempt=attempt, parsed=ParsedAnswers(answers=correct_answers(attempt)), token=attempt.token)


def complete_course(user: User, course: CoursePage, modules: list[ModulePage]) -> dict[str, QuizAttempt]:
    """Everything before the claim, through the services (module time is the one shortcut)."""
    enrollment, _ = enrollment_create(user=user, course=course)
    disclosure_acknowledge(enrollment=enrollment)
    attempts = {"pre": take_quiz(user, course, QuizKind.PRE, course)}
    attempts["module"] = take_quiz(user, modules[0], QuizKind.MODULE, course)
    for module in modules:
        factories.ModuleProgressFactory.create(enrollment=enrollment, module=module, complete=True)
    attempts["post"] = take_quiz(user, course, QuizKind.POST, course)
    factories.EvaluationResponseFactory.create(enrollment=enrollment)
    return attempts


def build_world() -> World:
    # Home > Courses > a course with a pre-test, post-test, evaluation and three modules (the first
    # with a quiz), plus an unpublished draft module.
    catalog = factories.CourseIndexPageFactory.create(parent=factories.site_home())
    course = factories.course_with_modules(catalog, title="Overdose prevention", slug="overdose-prevention")
    factories.publish(
        course, pretest=quiz_json(3), posttest=quiz_json(3, passing_score=60), evaluation=factories.EVALUATION
    )
    modules = factories.modules_of(course)
    factories.publish(modules[0], quiz=quiz_json(3))
    draft = factories.ModulePageFactory.create(parent=course, title="Draft module", slug="draft-module", live=False)
    owner = factories.ClinicianFactory.create(
        email="owner@clinic.example", profile__npi=OWNER_NPI, profile__licence_number=OWNER_LICENCE
    )
    other = factories.ClinicianFactory.create(email="other@clinic.example")
    attempts = complete_course(owner, course, modules)
    certificate = credit_claim_create(user=owner, course=course, credits=Decimal("1.00"), attested=True)
    rendered = certificate_render(certificate_id=str(certificate.pk))
    assert rendered is not None, "the owner's certificate did not render"
    document = Document(title="Course handout")
    document.file.save("handout.txt", ContentFile(b"Naloxone reverses opioid overdose."), save=False)
    document.save()
    return World(
        course=course,
        modules=modules,
        draft=draft,
        owner=owner,
        other=other,
        staff={role: factories.staff_user(role) for role in STAFF_GROUPS},
        enrollment=Enrollment.objects.get(user=owner, course=course),
        attempts=attempts,
        certificate=rendered,
        document=document,
    )
