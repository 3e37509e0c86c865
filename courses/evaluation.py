"""The course evaluation form, built from the course's evaluation blocks."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from courses.blocks import LIKERT_CHOICES
from courses.models import CoursePage

FREE_TEXT_MAX = 2000


def evaluation_fields(course: CoursePage) -> list[dict[str, Any]]:
    """One entry per evaluation item: its block id, type, question and choices."""
    fields = []
    for block in course.evaluation:
        if block.block_type == "likert":
            fields.append({"id": block.id, "type": "likert", "question": block.value["statement"], "required": True})
        elif block.block_type == "free_text":
            fields.append(
                {
                    "id": block.id,
                    "type": "free_text",
                    "question": block.value["question"],
                    "required": bool(block.value["required"]),
                }
            )
        else:
            fields.append(
                {"id": block.id, "type": "commitment", "question": block.value["question"], "required": False}
            )
    return fields


def evaluation_parse(course: CoursePage, data: QueryDict) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(items as asked and answered, errors by field id)."""
    items: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    allowed = {value for value, _ in LIKERT_CHOICES}
    for field in evaluation_fields(course):
        answer = (data.get(f"e-{field['id']}") or "").strip()
        if field["type"] == "likert" and answer not in allowed:
            errors[field["id"]] = "Choose how much you agree." if not answer else "Choose one of the five answers."
        elif field["required"] and not answer:
            errors[field["id"]] = "Answer this question."
        elif len(answer) > FREE_TEXT_MAX:
            errors[field["id"]] = f"Keep this answer under {FREE_TEXT_MAX} characters ({len(answer)} now)."
        items.append({"id": field["id"], "type": field["type"], "question": field["question"], "answer": answer})
    return items, errors
