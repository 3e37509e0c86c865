"""Freeze what a learner is served: questions, choices, keys and settings, in the served order.

Later edits or deletions of the content never change a past attempt: grading and review read
only the snapshot.
"""

from __future__ import annotations

import random
from typing import Any

from quizzes.grading import Snapshot

TRUE_FALSE_CHOICES = [{"id": "true", "text": "True"}, {"id": "false", "text": "False"}]


def quiz_settings(quiz: Any) -> dict[str, Any]:
    """The settings of a QuizBlock value (a StructValue)."""
    return {
        "passing_score": int(quiz["passing_score"]),
        "max_attempts": int(quiz["max_attempts"]),
        "shuffle": bool(quiz["shuffle"]),
        "show_explanations": str(quiz["show_explanations"]),
    }


def _question(block: Any) -> dict[str, Any]:
    value = block.value
    if block.block_type == "true_false":
        choices = [dict(c) for c in TRUE_FALSE_CHOICES]
        correct = [str(value["answer"])]
    else:
        items = value["choices"].bound_blocks
        choices = [{"id": item.id, "text": str(item.value["text"])} for item in items]
        correct = [item.id for item in items if item.value["correct"]]
    return {
        "id": block.id,
        "type": block.block_type,
        "prompt": str(value["prompt"]),
        "choices": choices,
        "correct": correct,
        "explanation": str(value["explanation"]),
        "reference": str(value.get("reference") or ""),
    }


def snapshot_build(
    *, title: str, settings: dict[str, Any], questions: Any, revision_id: int | None, rng: random.Random
) -> Snapshot:
    served = [_question(block) for block in questions]
    if settings["shuffle"]:
        rng.shuffle(served)
        for question in served:
            if question["type"] != "true_false":
                rng.shuffle(question["choices"])
    return {"quiz": {"title": title, **settings, "revision_id": revision_id}, "questions": served}
