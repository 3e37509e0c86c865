"""Grading: a pure function of (snapshot, answers). No models, no I/O.

A snapshot is what the learner was served (see quizzes/snapshot.py); answers map question ids
to the list of choice ids chosen. Multiple-choice questions are all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

Snapshot = dict[str, Any]
Answers = dict[str, list[str]]


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    correct: bool
    chosen: tuple[str, ...]
    correct_ids: tuple[str, ...]


@dataclass(frozen=True)
class Grade:
    score: Decimal  # percent, two decimals
    passed: bool
    correct_count: int
    total: int
    results: tuple[QuestionResult, ...]

    def results_json(self) -> dict[str, bool]:
        return {r.question_id: r.correct for r in self.results}


def grade(snapshot: Snapshot, answers: Answers) -> Grade:
    questions = snapshot["questions"]
    results = tuple(
        QuestionResult(
            question_id=q["id"],
            correct=set(answers.get(q["id"], [])) == set(q["correct"]),
            chosen=tuple(answers.get(q["id"], [])),
            correct_ids=tuple(q["correct"]),
        )
        for q in questions
    )
    correct_count = sum(1 for r in results if r.correct)
    total = len(results)
    score = (Decimal(100) * correct_count / total).quantize(Decimal("0.01"), ROUND_HALF_UP) if total else Decimal(0)
    return Grade(
        score=score,
        passed=total > 0 and score >= Decimal(snapshot["quiz"]["passing_score"]),
        correct_count=correct_count,
        total=total,
        results=results,
    )
