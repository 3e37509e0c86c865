"""Grading is a pure function of (snapshot, answers)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quizzes.grading import grade


def snapshot(passing: int = 80) -> dict[str, Any]:
    return {
        "quiz": {"title": "Quiz", "passing_score": passing, "max_attempts": 0, "show_explanations": "after_submission"},
        "questions": [
            {"id": "q1", "type": "single_choice", "choices": [{"id": "a"}, {"id": "b"}], "correct": ["b"]},
            {
                "id": "q2",
                "type": "multiple_choice",
                "choices": [{"id": "c"}, {"id": "d"}, {"id": "e"}],
                "correct": ["c", "e"],
            },
            {"id": "q3", "type": "true_false", "choices": [{"id": "true"}, {"id": "false"}], "correct": ["false"]},
        ],
    }


def test_all_right_scores_100_and_passes() -> None:
    result = grade(snapshot(), {"q1": ["b"], "q2": ["e", "c"], "q3": ["false"]})
    assert result.score == Decimal("100.00")
    assert result.passed
    assert result.correct_count == 3 and result.total == 3


def test_multiple_choice_is_all_or_nothing() -> None:
    partial = grade(snapshot(), {"q1": ["b"], "q2": ["c"], "q3": ["false"]})
    extra = grade(snapshot(), {"q1": ["b"], "q2": ["c", "d", "e"], "q3": ["false"]})
    assert partial.results_json()["q2"] is False
    assert extra.results_json()["q2"] is False
    assert partial.score == Decimal("66.67")


def test_partial_answers_count_missing_questions_as_wrong() -> None:
    result = grade(snapshot(), {"q1": ["b"]})
    assert result.score == Decimal("33.33")
    assert not result.passed
    assert [r.correct for r in result.results] == [True, False, False]


def test_empty_answers_score_zero() -> None:
    result = grade(snapshot(), {})
    assert result.score == Decimal("0.00")
    assert not result.passed


def test_the_passing_score_is_inclusive() -> None:
    assert grade(snapshot(passing=66), {"q1": ["b"], "q2": ["c", "e"]}).passed  # 66.67 >= 66
    assert not grade(snapshot(passing=67), {"q1": ["b"], "q2": ["c", "e"]}).passed


def test_a_quiz_without_questions_scores_zero_and_does_not_pass() -> None:
    empty = {"quiz": {"passing_score": 0}, "questions": []}
    result = grade(empty, {})
    assert result.score == 0 and not result.passed
