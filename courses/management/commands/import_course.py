"""Import a course file as a draft for Clinical review: ``manage.py import_course FILE [--user EMAIL]``.

The course is matched by slug under the catalog and its modules by slug, so importing again updates and
never duplicates; block ids are kept (courses/course_files.py). Nothing is published: each changed page
gets a draft revision submitted to its workflow, for a clinical reviewer to approve (four eyes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.course_files import CourseFileError, course_file_read, course_import
from courses.models import CourseIndexPage


class Command(BaseCommand):
    help = "Create or update a course from a course file, as a draft submitted to Clinical review."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path, help="A course file (YAML), e.g. one written by export_course.")
        parser.add_argument("--user", help="Email of the staff user the revisions and the submission are made by.")

    def handle(self, *args: Any, file: Path, user: str | None = None, **options: Any) -> None:
        try:
            data = course_file_read(path=file)
        except CourseFileError as error:
            raise CommandError(str(error)) from error
        author = None
        if user:
            author = get_user_model().objects.filter(email__iexact=user).first()
            if author is None:
                raise CommandError(f"--user {user}: no such user")
        catalog = CourseIndexPage.objects.first()
        if catalog is None:
            raise CommandError("There is no course catalog yet: run migrations and create the catalog page first.")
        if catalog.get_workflow() is None:
            raise CommandError("No workflow covers the catalog: imported courses must go through Clinical review.")
        result = course_import(data=data, catalog=catalog, user=author, publish=False)
        for label, pages in (("created", result.created), ("updated", result.updated)):
            for page in pages:
                self.stdout.write(f"{label}: {page.title} (draft, submitted to {page.get_workflow()})")
        for module in result.not_in_file:
            self.stdout.write(self.style.WARNING(f"not in the file, left as it is: {module.title}"))
        changed = len(result.created) + len(result.updated)
        self.stdout.write(
            self.style.SUCCESS(
                f"{data.slug}: {changed} page(s) submitted for review, {len(result.unchanged)} unchanged"
            )
        )
