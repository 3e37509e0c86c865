"""Item analysis of the pre- and post-test: pure functions over plain answers, no models, no I/O.

Classical item difficulty (proportion correct) and discrimination (the corrected item-total
point-biserial) for every question, as the course analytics page shows them. A statistic that is
undefined (no learners, zero variance) is None, never 0. The answers come from
quizzes/selectors.py (each learner's first submitted attempt); the rest of the course analytics
(rates, times, gains, the evaluation) is in courses/analytics.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from courses.analytics import proportion


def item_difficulty(correct: Sequence[bool]) -> float | None:
    """Classical item difficulty (the item's p-value): the proportion who answered it correctly.

    Higher means easier; 1.0 means everyone got it right.
    """
    return proportion(sum(1 for c in correct if c), len(correct))


def point_biserial(item: Sequence[bool], totals: Sequence[float]) -> float | None:
    """The Pearson correlation between a 0/1 item score and a total score, learner by learner.

    This is the point-biserial correlation. Whether the total includes the item is the caller's
    choice: item_statistics passes the rest score (the corrected item-total form). It is None for
    fewer than two learners, or when either side has no variance (everyone right, everyone wrong,
    or every total equal), because the correlation is then undefined, not zero.

    Computed from sums (n·Σxy − Σx·Σy over the square root of the two variance terms), so integer
    totals give an exact zero-variance test rather than a floating-point near-miss.
    """
    if len(item) != len(totals):
        raise ValueError("item and totals must have one entry per learner")
    n = len(item)
    if n < 2:
        return None
    xs = [1 if x else 0 for x in item]
    sum_x, sum_y = sum(xs), sum(totals)
    sum_xx = sum_x  # x² = x for 0/1
    sum_yy = sum(y * y for y in totals)
    sum_xy = sum(y for x, y in zip(xs, totals, strict=True) if x)
    var_x = n * sum_xx - sum_x * sum_x
    var_y = n * sum_yy - sum_y * sum_y
    if var_x <= 0 or var_y <= 0:
        return None
    r = (n * sum_xy - sum_x * sum_y) / math.sqrt(var_x * var_y)
    return max(-1.0, min(1.0, r))  # clamp the last bit of rounding


@dataclass(frozen=True)
class ItemStatistics:
    question_id: str
    n: int  # learners who were asked the question
    difficulty: float | None  # proportion correct
    discrimination: float | None  # corrected item-total point-biserial


def item_statistics(responses: Sequence[Mapping[str, bool]]) -> dict[str, ItemStatistics]:
    """Difficulty and discrimination for every question, from one response per learner.

    Each response maps the question ids a learner was asked to whether they answered correctly
    (QuizAttempt.results). Discrimination is the corrected item-total point-biserial: the item's
    0/1 score against the learner's *rest score*, the number of the other questions they answered
    correctly. Leaving the item out of the total matters on short tests: with 5 questions an item
    is a fifth of the uncorrected total and correlates with it even when it measures nothing else.

    A question is analysed over the learners who were asked it (a quiz edited between attempts
    gives learners different sets); the rest score counts only the other questions on that
    learner's own attempt.
    """
    totals = [sum(1 for correct in response.values() if correct) for response in responses]
    by_question: dict[str, tuple[list[bool], list[float]]] = {}
    for response, total in zip(responses, totals, strict=True):
        for question_id, correct in response.items():
            scores, rests = by_question.setdefault(question_id, ([], []))
            scores.append(bool(correct))
            rests.append(total - (1 if correct else 0))
    return {
        question_id: ItemStatistics(
            question_id=question_id,
            n=len(scores),
            difficulty=item_difficulty(scores),
            discrimination=point_biserial(scores, rests),
        )
        for question_id, (scores, rests) in by_question.items()
    }


@dataclass(frozen=True)
class QuestionRow:
    question_id: str
    prompt: str | None  # None: the question is no longer in the test as it stands
    stats: ItemStatistics


def question_rows(responses: Sequence[Mapping[str, bool]], prompts: Mapping[str, str]) -> list[QuestionRow]:
    """Item statistics in the order of the test as it stands (``prompts``); questions since removed come last."""
    stats = item_statistics(responses)
    rows = [QuestionRow(qid, prompt, stats[qid]) for qid, prompt in prompts.items() if qid in stats]
    rows += [QuestionRow(qid, None, stats[qid]) for qid in sorted(stats) if qid not in prompts]
    return rows
