"""Write a course as a course file: ``manage.py export_course SLUG [-o FILE] [--all-ids]``.

The file is what import_course and seed_demo read (courses/course_files.py), taken from each page's
latest revision, so importing it back changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from courses.course_files import course_export
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Write a course (by slug) as a YAML course file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slug", help="The course page's slug.")
        parser.add_argument("-o", "--output", type=Path, help="Write to this file instead of standard output.")
        parser.add_argument(
            "--all-ids", action="store_true", help="Write every block id, even those the file would derive."
        )

    def handle(self, *args: Any, slug: str, output: Path | None = None, all_ids: bool = False, **options: Any) -> None:
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            raise CommandError(f"No course has the slug {slug!r}.")
        text = course_export(course=course, all_ids=all_ids)
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output}: cannot write the file: {error.strerror}") from error
        self.stdout.write(self.style.SUCCESS(f"Wrote {course.title} to {output}"))
