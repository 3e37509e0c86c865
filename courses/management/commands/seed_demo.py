"""Publish the three demo courses and create the demo users. Safe to run again: it never duplicates.

The courses are the files in courses/demo/ (courses/course_files.py reads them). Every file is checked
before anything is written; a bad one stops the command with its path and reason. Existing demo pages are
left as they are (a specialist may have edited them) unless ``--refresh`` is given, which publishes the
files' text again.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from courses.course_files import (
    CourseData,
    CourseFileError,
    course_file_read,
    course_import,
    demo_course_files,
    module_page_fill,
)
from courses.models import CourseIndexPage, CoursePage, HomePage, ModulePage
from lms.accounts.models import ClinicianProfile
from lms.accounts.roles import ADMINISTRATORS, REVIEWERS, SPECIALISTS

HOME_INTRO = (
    "<p>Short, evidence-based, noncommercial courses on safer opioid prescribing, medications for opioid use "
    "disorder and naloxone co-prescribing. Earn CME, nursing contact hours or a certificate of participation, "
    "and count accredited hours toward the DEA's one-time MATE Act training.</p>"
)
CATALOG_INTRO = (
    "<p>Each course is an enduring material you can complete at your own pace. Credit requires passing the "
    "post-test and completing the evaluation.</p>"
)

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
        parser.add_argument("--refresh", action="store_true", help="Republish demo pages from courses/demo/.")
        parser.add_argument("--no-users", action="store_true", help="Publish content only.")

    def handle(self, *args: Any, refresh: bool = False, no_users: bool = False, **options: Any) -> None:
        try:
            courses = [course_file_read(path=path) for path in demo_course_files()]
        except CourseFileError as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():
            home = self._home()
            catalog = self._catalog(home)
            for data in courses:
                self._course(catalog, data, refresh=refresh)
            if not no_users:
                self._users()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(courses)} courses under {catalog.url}"))

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

    def _course(self, catalog: CourseIndexPage, data: CourseData, *, refresh: bool) -> None:
        course = CoursePage.objects.child_of(catalog).filter(slug=data.slug).first()
        if course is None or refresh:
            course_import(data=data, catalog=catalog, user=None, publish=True)
            return
        # Fill what is missing only (a database seeded before these existed): replacing a quiz a
        # specialist edited would give its questions new ids.
        if not course.pretest or not course.evaluation:
            for name in ("pretest", "posttest", "evaluation"):
                if not getattr(course, name):
                    setattr(course, name, json.dumps(data.streams[name]))
            course.posttest_reuses_pretest = data.fields["posttest_reuses_pretest"]
            course.save_revision().publish()
        modules = {m.slug: m for m in ModulePage.objects.child_of(course)}
        for module_data in data.modules:
            module = modules.get(module_data.slug)
            if module is None:  # a module added to the file since this database was seeded
                module = ModulePage(slug=module_data.slug)
                module_page_fill(module, module_data)
                course.add_child(instance=module)
                module.save_revision().publish()
            elif not module.quiz and module_data.quiz:
                module.quiz = json.dumps(module_data.quiz)
                module.save_revision().publish()

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
