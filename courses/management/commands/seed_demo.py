"""Publish the three demo courses and create the demo users. Safe to run again: it never duplicates.

Existing demo pages are left as they are (a specialist may have edited them) unless
``--refresh`` is given, which publishes the text from courses/demo_content.py again.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from courses.demo_content import COURSES, CourseSpec, ModuleSpec
from courses.models import (
    CourseFaculty,
    CourseIndexPage,
    CoursePage,
    CreditDesignation,
    CreditType,
    HomePage,
    ModulePage,
)
from lms.accounts.models import ClinicianProfile
from lms.accounts.roles import ADMINISTRATORS, REVIEWERS, SPECIALISTS
from quizzes.blocks import quiz_stream_with_ids
from quizzes.demo_quizzes import QUIZZES

PROVIDER = "Northwind Institute for Clinical Education"
ACCREDITATION_STATEMENT = (
    f"In support of improving patient care, {PROVIDER} is jointly accredited by the Accreditation Council for "
    "Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy Education (ACPE), and the "
    "American Nurses Credentialing Center (ANCC), to provide continuing education for the healthcare team."
)
HOME_INTRO = (
    "<p>Short, evidence-based, noncommercial courses on safer opioid prescribing, medications for opioid use "
    "disorder and naloxone co-prescribing. Earn CME, nursing contact hours or a certificate of participation, "
    "and count accredited hours toward the DEA's one-time MATE Act training.</p>"
)
CATALOG_INTRO = (
    "<p>Each course is an enduring material you can complete at your own pace. Credit requires passing the "
    "post-test and completing the evaluation.</p>"
)

# Quiz settings for the demo. The post-test's passing score is told to learners in advance.
PRETEST = {"passing_score": 80, "max_attempts": 1, "shuffle": True, "show_explanations": "after_submission"}
POSTTEST = {"passing_score": 80, "max_attempts": 3, "shuffle": True, "show_explanations": "after_passing"}
MODULE_QUIZ = {"passing_score": 67, "max_attempts": 0, "shuffle": True, "show_explanations": "after_submission"}


def quiz_stream(questions: list[dict[str, Any]], **settings: Any) -> str:
    return json.dumps(quiz_stream_with_ids([{"type": "quiz", "value": {**settings, "questions": questions}}]))


# The course evaluation every demo course asks before credit.
EVALUATION = [
    {"type": "likert", "value": {"statement": "The content was relevant to my practice."}},
    {"type": "likert", "value": {"statement": "The content was free of commercial bias."}},
    {"type": "likert", "value": {"statement": "The activity met its stated learning objectives."}},
    {"type": "free_text", "value": {"question": "What could we improve?", "required": False}},
    {"type": "commitment", "value": {"question": "What will you change in your practice?"}},
]

# (email, password, first name, last name, staff role or None). No demo user is a superuser:
# each staff user holds one role (lms/accounts/roles.py), so the demo shows what each role can do.
DEMO_USERS: list[tuple[str, str, str, str, str | None]] = [
    ("clinician@antidote.example", "demo-clinician-2026", "Jordan", "Rivera", None),
    ("specialist@antidote.example", "demo-specialist-2026", "Sam", "Okafor", SPECIALISTS),
    ("reviewer@antidote.example", "demo-reviewer-2026", "Priya", "Nair", REVIEWERS),
    ("admin@antidote.example", "demo-admin-2026", "Alex", "Morgan", ADMINISTRATORS),
]


class Command(BaseCommand):
    help = "Publish the three demo courses and create the demo users (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--refresh", action="store_true", help="Republish demo pages from demo_content.py.")
        parser.add_argument("--no-users", action="store_true", help="Publish content only.")

    @transaction.atomic
    def handle(self, *args: Any, refresh: bool = False, no_users: bool = False, **options: Any) -> None:
        home = self._home()
        catalog = self._catalog(home)
        for spec in COURSES:
            course = self._course(catalog, spec, refresh=refresh)
            for module_spec in spec["modules"]:
                self._module(course, module_spec, refresh=refresh)
        if not no_users:
            self._users()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(COURSES)} courses under {catalog.url}"))

    def _home(self) -> HomePage:
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain "Welcome" page at the top: ours replaces it.
        for page in root.get_children():
            if page.specific_class is Page:
                page.delete()
        home = HomePage(title="Opioid safety education for clinicians", slug="home", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Antidote"},
        )
        return home

    def _catalog(self, home: HomePage) -> CourseIndexPage:
        catalog = CourseIndexPage.objects.child_of(home).filter(slug="courses").first()
        if catalog is None:
            catalog = CourseIndexPage(title="Courses", slug="courses", intro=CATALOG_INTRO)
            home.add_child(instance=catalog)
            catalog.save_revision().publish()
        return catalog

    def _course(self, catalog: CourseIndexPage, spec: CourseSpec, *, refresh: bool) -> CoursePage:
        course = CoursePage.objects.child_of(catalog).filter(slug=spec["slug"]).first()
        if course is not None and not refresh:
            if not course.pretest or not course.evaluation:  # a database seeded before these existed
                self._set_course_quizzes(course, spec["slug"])
                course.save_revision().publish()
            return course
        is_new = course is None
        if course is None:
            course = CoursePage(slug=spec["slug"])
        course.title = spec["title"]
        course.topic = spec["topic"]
        course.summary = spec["summary"]
        course.learning_objectives = json.dumps(
            [{"type": "objective", "value": text} for text in spec["learning_objectives"]]
        )
        course.target_audience = spec["target_audience"]
        course.estimated_minutes = spec["estimated_minutes"]
        course.release_date = date.fromisoformat(spec["release_date"])
        course.last_review_date = date.fromisoformat(spec["last_review_date"])
        course.expiration_date = date.fromisoformat(spec["expiration_date"])
        course.accredited_provider = PROVIDER
        course.accreditation_statement = ACCREDITATION_STATEMENT
        course.commercial_support_statement = spec["commercial_support_statement"]
        course.mate_eligible = spec["mate_eligible"]
        course.faculty = [CourseFaculty(**person) for person in spec["faculty"]]
        course.credit_designations = [
            CreditDesignation(credit_type=CreditType(c["credit_type"]), max_credits=Decimal(c["max_credits"]))
            for c in spec["credit_designations"]
        ]
        nursing = [c for c in spec["credit_designations"] if c["credit_type"] == CreditType.ANCC_CONTACT_HOURS]
        course.nursing_approval_statement = (
            f"Nurses: this activity is approved for {Decimal(nursing[0]['max_credits']).normalize():f} ANCC contact "
            f"hours by {PROVIDER}."
            if nursing
            else ""
        )
        self._set_course_quizzes(course, spec["slug"])
        if is_new:
            catalog.add_child(instance=course)
        course.save_revision().publish()
        return course

    def _set_course_quizzes(self, course: CoursePage, slug: str) -> None:
        """Fill what is missing only: replacing quizzes would give their questions new ids."""
        if not course.evaluation:
            course.evaluation = json.dumps(EVALUATION)
        if not course.pretest:
            course.pretest = quiz_stream(QUIZZES[slug]["pretest"], **PRETEST)
            course.posttest_reuses_pretest = True  # paired items: each learner's gain is measured on the same questions
            course.posttest = quiz_stream([], **POSTTEST)

    def _module(self, course: CoursePage, spec: ModuleSpec, *, refresh: bool) -> ModulePage:
        module = ModulePage.objects.child_of(course).filter(slug=spec["slug"]).first()
        if module is not None and not refresh:
            if not module.quiz and QUIZZES[course.slug]["modules"].get(spec["slug"]):
                module.quiz = quiz_stream(QUIZZES[course.slug]["modules"][spec["slug"]], **MODULE_QUIZ)
                module.save_revision().publish()
            return module
        is_new = module is None
        if module is None:
            module = ModulePage(slug=spec["slug"])
        module.title = spec["title"]
        module.summary = spec["summary"]
        module.estimated_minutes = spec["estimated_minutes"]
        module.body = json.dumps(spec["body"])
        if QUIZZES[course.slug]["modules"].get(spec["slug"]):
            module.quiz = quiz_stream(QUIZZES[course.slug]["modules"][spec["slug"]], **MODULE_QUIZ)
        if is_new:
            course.add_child(instance=module)
        module.save_revision().publish()
        return module

    def _users(self) -> None:
        User = get_user_model()  # noqa: N806
        for email, password, first, last, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(
                email=email,
                defaults={"first_name": first, "last_name": last, "email_confirmed_at": timezone.now()},
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        clinician = User.objects.get(email=DEMO_USERS[0][0])
        # A demo physician's profile. 1234567893 is the example NPI CMS publishes; the licence is made up.
        ClinicianProfile.objects.get_or_create(
            user=clinician,
            defaults={
                "full_name_for_certificate": "Jordan Rivera",
                "degree": "MD",
                "profession": "physician",
                "npi": "1234567893",
                "licence_state": "MA",
                "licence_number": "DEMO-000000",
                "pars_consent": True,
            },
        )
