"""The learner's records: enrollment, disclosure acknowledgement, progress through modules.

Plain Django models, never deleted by cascade from content: the page foreign keys PROTECT,
and courses/wagtail_hooks.py refuses to delete a page that learners have records on.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Enrollment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrollments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments")
    enrolled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["user", "course"], name="one_enrollment_per_learner_and_course"),
        ]
        indexes: ClassVar[list[Any]] = [models.Index(fields=["course", "enrolled_at"])]
        # Granted to the Detailing specialists, Clinical reviewers and Administrators roles.
        permissions = (("view_course_analytics", "Can view course analytics"),)

    def __str__(self) -> str:
        return f"Enrollment {self.pk}"


class DisclosureAcknowledgement(models.Model):
    """The learner saw the faculty disclosures and commercial-support statement before module 1.

    What was shown is kept as it was, so a later edit of the course cannot change the record.
    """

    enrollment = models.OneToOneField(Enrollment, on_delete=models.CASCADE, related_name="acknowledgement")
    acknowledged_at = models.DateTimeField(default=timezone.now)
    course_revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    disclosures_shown = models.JSONField(help_text="Faculty, their disclosures and the commercial-support statement.")

    def __str__(self) -> str:
        return f"Acknowledgement {self.pk}"


class ModuleProgress(models.Model):
    """Time on a module is measured on the server, from the learner's own requests.

    ``seconds`` grows by the gap between two requests on the module (page views, the page's
    heartbeat, the completion request), each gap capped, so a tab left open overnight does
    not count as a night of study.
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.PROTECT, related_name="progress_records")
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "module progress"
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["enrollment", "module"], name="one_progress_per_enrollment_and_module"),
        ]

    def __str__(self) -> str:
        return f"Progress {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
