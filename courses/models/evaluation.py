"""The learner's evaluation of a course: required before credit."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from courses.models.progress import Enrollment


class EvaluationResponse(models.Model):
    """Answers keyed by the evaluation item's block id; the questions as asked are kept beside them."""

    enrollment = models.OneToOneField(Enrollment, on_delete=models.PROTECT, related_name="evaluation")
    submitted_at = models.DateTimeField(default=timezone.now)
    course_revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    items = models.JSONField(help_text="[{id, type, question, answer}] as asked and answered.")

    def __str__(self) -> str:
        return f"Evaluation {self.pk}"
