"""Quiz attempts: start → in progress → submitted, each carrying a frozen snapshot of what was served."""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class QuizKind(models.TextChoices):
    PRE = "pre", "Pre-test"
    MODULE = "module", "Module quiz"
    POST = "post", "Post-test"


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class QuizAttempt(models.Model):
    """One learner's attempt at one quiz. Never deleted by cascade from content (PROTECT)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts")
    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.PROTECT, related_name="quiz_attempts")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=QuizKind.choices)
    number = models.PositiveSmallIntegerField()
    max_attempts = models.PositiveSmallIntegerField(help_text="The quiz's limit when this attempt started; 0 = none.")
    status = models.CharField(max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    snapshot = models.JSONField(help_text="Questions, choices, keys and settings exactly as served.")
    answers = models.JSONField(default=dict, blank=True)
    results = models.JSONField(default=dict, blank=True, help_text="Question id → answered correctly.")
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    # One-time form token: a replayed or back-button submission finds it spent.
    token = models.CharField(max_length=64, default=new_token, editable=False)

    class Meta:
        ordering: ClassVar[list[str]] = ["-started_at"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["user", "page", "kind", "number"], name="unique_attempt_number"),
            models.UniqueConstraint(
                fields=["user", "page", "kind"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_quiz",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1)
                & (models.Q(max_attempts=0) | models.Q(number__lte=models.F("max_attempts"))),
                name="attempt_number_within_maximum",
            ),
            models.CheckConstraint(
                condition=models.Q(status="in_progress", submitted_at__isnull=True, score__isnull=True)
                | models.Q(status="submitted", submitted_at__isnull=False, score__isnull=False, passed__isnull=False),
                name="submitted_attempts_are_graded",
            ),
        ]
        indexes: ClassVar[list[Any]] = [models.Index(fields=["enrollment", "kind", "status"])]

    def __str__(self) -> str:
        return f"Attempt {self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.status == AttemptStatus.SUBMITTED

    @property
    def question_count(self) -> int:
        return len(self.snapshot.get("questions", []))
