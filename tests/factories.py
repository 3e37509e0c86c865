"""The one set of test builders: users and clinicians, the content tree (wagtail-factories), and the
learner's records (enrollment, progress, quiz attempts, evaluation, claims and certificates).

Rows are built the way the project's services build them (snapshots by ``snapshot_build``, grades
by ``grade``, certificate records by ``certificate_record``, acknowledgements by
``disclosure_acknowledge``), so they satisfy the database constraints and read like real records.
Call ``Factory.create(...)`` for a typed result (factory_boy types ``Factory(...)`` as the factory).
"""

from __future__ import annotations

import datetime
import itertools
import json
import random
from decimal import Decimal
from typing import Any, TypeVar

import factory
import wagtail_factories
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from certificates.models import Certificate, CertificateStatus, CreditClaim
from certificates.services import certificate_record
from courses.forms import evaluation_parse
from courses.models import (
    CourseFaculty,
    CourseIndexPage,
    CoursePage,
    CreditDesignation,
    CreditType,
    Enrollment,
    EvaluationResponse,
    HomePage,
    ModulePage,
    ModuleProgress,
)
from courses.pathway import credit_type_for
from courses.services import disclosure_acknowledge
from lms.accounts.models import ClinicianProfile, Degree, Profession, User
from lms.accounts.roles import ROLE_BY_KEY, apply_roles
from lms.accounts.validators import npi_check_digit
from quizzes.grading import Snapshot, grade
from quizzes.models import AttemptStatus, QuizAttempt, QuizKind
from quizzes.selectors import quiz_definition
from quizzes.snapshot import snapshot_build

# --- People ------------------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A learner account. ``confirmed=True``: they followed the emailed link, so they may enroll."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    class Params:
        confirmed = factory.Trait(email_confirmed_at=factory.LazyFunction(timezone.now))

    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    first_name = "Casey"
    last_name = "Learner"
    password = factory.django.Password("a-long-test-password")


_staff_numbers = itertools.count(1)


def staff_user(role: str, **fields: object) -> User:
    """A user holding one staff role ("specialist", "reviewer" or "administrator"), from the groups
    the roles migration creates."""
    email = fields.pop("email", None) or f"{role}-{next(_staff_numbers)}@example.org"
    user = UserFactory.create(email=email, **fields)
    if not Group.objects.filter(name=ROLE_BY_KEY[role]).exists():
        apply_roles(django_apps)  # a transactional test flushed what the migration wrote
    user.groups.add(Group.objects.get(name=ROLE_BY_KEY[role]))
    return user


def valid_npi(n: int) -> str:
    """The n-th of a series of NPIs that pass the check-digit test (none of them a real person's)."""
    first_nine = f"1{n % 10**8:08d}"
    return f"{first_nine}{npi_check_digit(first_nine)}"


class ClinicianProfileFactory(factory.django.DjangoModelFactory[ClinicianProfile]):
    """A clinician's profile, physician unless a profession trait says otherwise:
    ``physician`` (NPI and licence), ``nurse``, ``nurse_practitioner``, ``physician_assistant``,
    ``pharmacist`` (NABP e-Profile ID and birth month and day, which the database requires)."""

    class Meta:
        model = ClinicianProfile

    class Params:
        physician = factory.Trait(
            profession=Profession.PHYSICIAN,
            degree=Degree.MD,
            npi=factory.Sequence(valid_npi),
            licence_state="MA",
            licence_number="A-1",
        )
        nurse = factory.Trait(profession=Profession.NURSE, degree=Degree.RN)
        nurse_practitioner = factory.Trait(profession=Profession.NURSE_PRACTITIONER, degree=Degree.NP)
        physician_assistant = factory.Trait(profession=Profession.PHYSICIAN_ASSISTANT, degree=Degree.PA)
        pharmacist = factory.Trait(
            profession=Profession.PHARMACIST,
            degree=Degree.PHARMD,
            nabp_eprofile_id="1234567",
            birth_month=4,
            birth_day=9,
        )

    user = factory.SubFactory(UserFactory, confirmed=True)
    full_name_for_certificate = factory.LazyAttribute(lambda p: f"{p.user.first_name} {p.user.last_name}")
    profession = Profession.PHYSICIAN
    degree = Degree.MD
    licence_state = "MA"
    licence_number = "A-1"


class ClinicianFactory(UserFactory):
    """A confirmed learner with a clinician profile: ``profile__pharmacist=True`` and other
    ``profile__`` arguments go to ClinicianProfileFactory."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email_confirmed_at = factory.LazyFunction(timezone.now)
    profile = factory.RelatedFactory(ClinicianProfileFactory, factory_related_name="user")


# --- The content tree --------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    intro = "<p>Welcome</p>"


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    topic = "Safer prescribing"
    summary = "A short course."
    target_audience = "Physicians, nurse practitioners, physician assistants, pharmacists and nurses."
    estimated_minutes = 60
    release_date = datetime.date(2026, 9, 1)
    last_review_date = datetime.date(2026, 9, 1)
    expiration_date = datetime.date(2029, 8, 31)
    accredited_provider = "Test Provider"
    accreditation_statement = "Test Provider is accredited by the ACCME to provide CME for physicians."
    mate_eligible = True


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    estimated_minutes = 15
    body = '[{"type": "rich_text", "value": "<p>Teaching text.</p>"}]'


def add_faculty_and_credits(course: CoursePage) -> None:
    CourseFaculty.objects.create(course=course, name="Dana Whitfield", credentials="MD", role="Course director")
    CreditDesignation.objects.create(course=course, credit_type=CreditType.AMA_PRA_1, max_credits=Decimal("1.00"))
    CreditDesignation.objects.create(
        course=course, credit_type=CreditType.ANCC_CONTACT_HOURS, max_credits=Decimal("1.00")
    )


# The course evaluation the claim tests answer: two items a learner must answer, one optional.
EVALUATION = json.dumps(
    [
        {"type": "likert", "value": {"statement": "The content was free of commercial bias."}},
        {"type": "free_text", "value": {"question": "What could we improve?", "required": False}},
        {"type": "commitment", "value": {"question": "What will you change in your practice?"}},
    ]
)


def site_home() -> HomePage:
    """A fresh site: the root's children replaced by one home page, the default site for testserver."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory.create(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


def course_with_modules(parent: Page, *, modules: int = 3, **fields: Any) -> CoursePage:
    """A published course with its faculty, AMA and ANCC designations and ``modules`` modules."""
    course = CoursePageFactory.create(parent=parent, **fields)
    add_faculty_and_credits(course)
    for n in range(modules):
        ModulePageFactory.create(parent=course, title=f"Module {n + 1}", slug=f"module-{n + 1}")
    return course


PageT = TypeVar("PageT", bound=Page)


def publish(page: PageT, **fields: Any) -> PageT:
    """Set fields (quizzes, the evaluation...) and publish a revision, as an editor would."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


# --- Quizzes: the QuizBlock stream a course or module page stores ----------------------------------


def quiz_question(n: int) -> dict[str, Any]:
    return {
        "type": "single_choice",
        "value": {
            "prompt": f"Prompt number {n}?",
            "choices": [
                {"text": f"Wrong answer {n}a", "correct": False},
                {"text": f"Right answer {n}", "correct": True},
                {"text": f"Wrong answer {n}b", "correct": False},
            ],
            "explanation": f"Explanation text {n} only after submission.",
            "reference": f"Reference {n}",
        },
    }


def quiz_json(count: int = 3, **settings: Any) -> str:
    value = {
        "passing_score": 60,
        "max_attempts": 0,
        "shuffle": False,
        "show_explanations": "after_submission",
        **settings,
        "questions": [quiz_question(n) for n in range(1, count + 1)],
    }
    if count and not settings.get("mixed", False):
        value["questions"].append(
            {
                "type": "true_false",
                "value": {
                    "prompt": "Naloxone 4 mg nasal is OTC.",
                    "answer": "true",
                    "explanation": "OTC since 29 Mar 2023.",
                    "reference": "FDA",
                },
            }
        )
        value["questions"].append(
            {
                "type": "multiple_choice",
                "value": {
                    "prompt": "Which are Rec 8 triggers? Select all that apply.",
                    "choices": [
                        {"text": "50 MME/day or more", "correct": True},
                        {"text": "A benzodiazepine", "correct": True},
                        {"text": "Age 30 to 40", "correct": False},
                    ],
                    "explanation": "Dose and benzodiazepines are triggers; age is not.",
                    "reference": "CDC 2022 Rec 8",
                },
            }
        )
    value.pop("mixed", None)
    return json.dumps([{"type": "quiz", "value": value}])


# --- The learner's records ---------------------------------------------------------------------------


class EnrollmentFactory(factory.django.DjangoModelFactory[Enrollment]):
    """An enrollment (pass ``course``). ``acknowledged=True``: the disclosures were acknowledged,
    through ``disclosure_acknowledge``, which keeps what was shown."""

    class Meta:
        model = Enrollment
        skip_postgeneration_save = True

    class Params:
        acknowledged = factory.Trait(
            acknowledgement=factory.PostGeneration(
                lambda enrollment, create, extracted, **kwargs: disclosure_acknowledge(enrollment=enrollment)
            )
        )

    user = factory.SubFactory(UserFactory, confirmed=True)


class ModuleProgressFactory(factory.django.DjangoModelFactory[ModuleProgress]):
    """Time on a module (pass ``module``). ``complete=True``: its minimum time spent, completed."""

    class Meta:
        model = ModuleProgress

    class Params:
        complete = factory.Trait(
            seconds=factory.LazyAttribute(lambda p: max(p.module.minimum_seconds, 900)),
            completed_at=factory.LazyFunction(timezone.now),
        )

    enrollment = factory.SubFactory(EnrollmentFactory, acknowledged=True)
    seconds = 0


def evaluation_items(course: CoursePage) -> list[dict[str, str]]:
    """The course's evaluation as the form records it, every item answered."""
    answers = {"likert": "5", "free_text": "More cases, please.", "commitment": "Co-prescribe naloxone."}
    fields = [(block.id, answers.get(block.block_type, "")) for block in course.evaluation]
    items, errors = evaluation_parse(course, {f"e-{block_id}": answer for block_id, answer in fields})
    assert not errors, errors
    return items


class EvaluationResponseFactory(factory.django.DjangoModelFactory[EvaluationResponse]):
    """The learner's submitted evaluation: every item of the course's evaluation answered."""

    class Meta:
        model = EvaluationResponse

    enrollment = factory.SubFactory(EnrollmentFactory, acknowledged=True)
    course_revision_id = factory.LazyAttribute(lambda e: e.enrollment.course.live_revision_id)
    items = factory.LazyAttribute(lambda e: evaluation_items(e.enrollment.course))


def quiz_snapshot(page: Page, kind: str, course: CoursePage) -> Snapshot:
    """What attempt_start freezes for this quiz (served in order: the random source is fixed)."""
    quiz = quiz_definition(page=page, kind=kind, course=course)
    assert quiz is not None, f"{page.title} has no {kind} quiz"
    return snapshot_build(
        title=quiz.title,
        settings=quiz.settings,
        questions=quiz.questions,
        revision_id=quiz.page.live_revision_id,
        rng=random.Random(0),  # noqa: S311 (the order served, not a secret)
    )


def quiz_answers(snapshot: Snapshot, *, right: bool = True) -> dict[str, list[str]]:
    """Every question answered, all right or all wrong."""
    answers = {}
    for question in snapshot["questions"]:
        wrong = [c["id"] for c in question["choices"] if c["id"] not in question["correct"]][:1]
        answers[question["id"]] = list(question["correct"]) if right else wrong
    return answers


class QuizAttemptFactory(factory.django.DjangoModelFactory[QuizAttempt]):
    """An attempt at a quiz: the course's post-test unless ``page`` and ``kind`` say otherwise,
    with the snapshot attempt_start would freeze. ``submitted=True``: graded by ``grade`` on
    answers all right (``right=False``: all wrong), so its score and passed are the real ones."""

    class Meta:
        model = QuizAttempt

    class Params:
        right = True
        submitted = factory.Trait(
            status=AttemptStatus.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
            answers=factory.LazyAttribute(lambda a: quiz_answers(a.snapshot, right=a.right)),
            results=factory.LazyAttribute(lambda a: grade(a.snapshot, a.answers).results_json()),
            score=factory.LazyAttribute(lambda a: grade(a.snapshot, a.answers).score),
            passed=factory.LazyAttribute(lambda a: grade(a.snapshot, a.answers).passed),
        )

    enrollment = factory.SubFactory(EnrollmentFactory, acknowledged=True)
    user = factory.SelfAttribute("enrollment.user")
    kind = QuizKind.POST
    page = factory.LazyAttribute(lambda a: a.enrollment.course)
    number = 1
    snapshot = factory.LazyAttribute(lambda a: quiz_snapshot(a.page, a.kind, a.enrollment.course))
    max_attempts = factory.LazyAttribute(lambda a: 1 if a.kind == QuizKind.PRE else a.snapshot["quiz"]["max_attempts"])


class CreditClaimFactory(factory.django.DjangoModelFactory[CreditClaim]):
    """A claim of one credit of the type the learner's profession earns (the learner needs a
    profile: the default enrollment's user is a ClinicianFactory physician)."""

    class Meta:
        model = CreditClaim

    enrollment = factory.SubFactory(EnrollmentFactory, acknowledged=True, user=factory.SubFactory(ClinicianFactory))
    user = factory.SelfAttribute("enrollment.user")
    course = factory.SelfAttribute("enrollment.course")
    credit_type = factory.LazyAttribute(lambda c: credit_type_for(ClinicianProfile.objects.get(user=c.user).profession))
    credits = Decimal("1.00")


class CertificateFactory(factory.django.DjangoModelFactory[Certificate]):
    """A pending certificate for its claim, with the record certificate_record freezes at claim time
    (``completed_on`` for its completion date). ``issued=True``: issued, with a stand-in PDF."""

    class Meta:
        model = Certificate

    class Params:
        completed_on = factory.LazyFunction(lambda: timezone.localdate().isoformat())
        issued = factory.Trait(
            status=CertificateStatus.ISSUED,
            issued_at=factory.LazyFunction(timezone.now),
            render_attempts=1,
            pdf=factory.django.FileField(data=b"%PDF-1.4 test", filename="test.pdf"),
        )

    claim = factory.SubFactory(CreditClaimFactory)
    user = factory.SelfAttribute("claim.user")
    course = factory.SelfAttribute("claim.course")
    credit_type = factory.SelfAttribute("claim.credit_type")
    record = factory.LazyAttribute(
        lambda c: certificate_record(
            profile=ClinicianProfile.objects.get(user=c.user),
            course=c.course,
            credit_type=c.credit_type,
            credits=c.claim.credits,
            completed_on=c.completed_on,
        )
    )


def ready_to_claim(course: CoursePage, **clinician: Any) -> User:
    """A clinician (physician unless ``profile__<profession>=True``) who may claim credit for the
    course: enrolled, disclosures acknowledged, the pre-test taken and the post-test passed where the
    course has them, every module complete, the evaluation submitted. ``clinician`` goes to
    ClinicianFactory."""
    user = ClinicianFactory.create(**clinician)
    enrollment = EnrollmentFactory.create(user=user, course=course, acknowledged=True)
    if quiz_definition(page=course, kind=QuizKind.PRE, course=course) is not None:
        QuizAttemptFactory.create(enrollment=enrollment, page=course, kind=QuizKind.PRE, submitted=True, right=False)
    for module in modules_of(course):
        ModuleProgressFactory.create(enrollment=enrollment, module=module, complete=True)
    if quiz_definition(page=course, kind=QuizKind.POST, course=course) is not None:
        QuizAttemptFactory.create(enrollment=enrollment, submitted=True)
    EvaluationResponseFactory.create(enrollment=enrollment)
    return user
