"""A small published catalogue and learners with real records, built once for the security tests.

The owner is a clinician who has done everything a learner can (enrollment, disclosures, every
module, a pre-test, a module quiz, a post-test, the evaluation, a claim and an issued certificate),
written through the project's own services so the records are the ones the views read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from certificates.models import Certificate
from certificates.services import certificate_render, credit_claim_create
from courses.models import CoursePage, Enrollment, EvaluationResponse, ModulePage, ModuleProgress
from courses.services import disclosure_acknowledge, enrollment_create
from lms.accounts.models import ClinicianProfile, User
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
EVALUATION = json.dumps(
    [
        {"type": "likert", "value": {"statement": "The content was free of commercial bias."}},
        {"type": "free_text", "value": {"question": "What could we improve?", "required": False}},
        {"type": "commitment", "value": {"question": "What will you change in your practice?"}},
    ]
)
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


def staff_user(role: str) -> User:
    """A staff user of one role: the lead's factory when it exists, else the group by hand."""
    helper = getattr(factories, "staff_user", None)
    if helper is not None:
        return cast(User, helper(role))
    user = cast(User, factories.UserFactory(email=f"{role}@staff.example", email_confirmed_at=timezone.now()))
    user.groups.add(Group.objects.get(name=STAFF_GROUPS[role]))
    return user


def build_catalogue() -> tuple[CoursePage, list[ModulePage], ModulePage]:
    """Home > Courses > a course with a pre-test, post-test, evaluation and three modules (the first
    with a quiz), plus an unpublished draft module."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = factories.HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    catalog = factories.CourseIndexPageFactory(parent=home)
    course = factories.CoursePageFactory(parent=catalog, title="Overdose prevention", slug="overdose-prevention")
    factories.add_faculty_and_credits(course)
    course.pretest = quiz_json(3)
    course.posttest = quiz_json(3, passing_score=60)
    course.evaluation = EVALUATION
    course.save_revision().publish()
    course.refresh_from_db()
    modules = [
        factories.ModulePageFactory(parent=course, title=f"Module {n + 1}", slug=f"module-{n + 1}") for n in range(3)
    ]
    modules[0].quiz = quiz_json(3)
    modules[0].save_revision().publish()
    modules[0].refresh_from_db()
    draft = factories.ModulePageFactory(parent=course, title="Draft module", slug="draft-module", live=False)
    return course, modules, draft


def clinician(email: str, *, profession: str = "physician", npi: str = "", licence: str = "A-1") -> User:
    user = cast(User, factories.UserFactory(email=email, email_confirmed_at=timezone.now()))
    pharmacist = profession == "pharmacist"
    ClinicianProfile.objects.create(
        user=user,
        full_name_for_certificate=f"{user.first_name} {user.last_name}",
        degree="PharmD" if pharmacist else "MD",
        profession=profession,
        npi=npi,
        licence_state="MA",
        licence_number=licence,
        nabp_eprofile_id="1234567" if pharmacist else "",
        birth_month=4 if pharmacist else None,
        birth_day=9 if pharmacist else None,
    )
    return user


def correct_answers(attempt: QuizAttempt) -> dict[str, list[str]]:
    return {q["id"]: list(q["correct"]) for q in attempt.snapshot["questions"]}


def take_quiz(user: User, page: Page, kind: str, course: CoursePage) -> QuizAttempt:
    quiz = quiz_definition(page, kind, course)
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
        ModuleProgress.objects.create(enrollment=enrollment, module=module, seconds=900, completed_at=timezone.now())
    attempts["post"] = take_quiz(user, course, QuizKind.POST, course)
    EvaluationResponse.objects.create(enrollment=enrollment, items=[])
    return attempts


def build_world() -> World:
    course, modules, draft = build_catalogue()
    owner = clinician("owner@clinic.example", npi=OWNER_NPI, licence=OWNER_LICENCE)
    other = clinician("other@clinic.example")
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
        staff={role: staff_user(role) for role in STAFF_GROUPS},
        enrollment=Enrollment.objects.get(user=owner, course=course),
        attempts=attempts,
        certificate=rendered,
        document=document,
    )
