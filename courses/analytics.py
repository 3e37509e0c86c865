"""Course analytics arithmetic: pure functions over plain numbers, no models, no I/O.

Every statistic answers None, never 0, when it is undefined (no data, a zero denominator, zero
variance), so a page can say "not enough data" instead of reporting a pass rate of 0% for a course
nobody has taken. Rates and item difficulty are proportions in [0, 1]; scores are percents as
quizzes store them. The data come from courses/analytics_selectors.py.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# The evaluation's agreement scale (courses.blocks.LIKERT_CHOICES), strongly agree first.
LIKERT_VALUES: tuple[int, ...] = (5, 4, 3, 2, 1)


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle values for an even count)."""
    return float(statistics.median(values)) if values else None


def proportion(count: int, total: int) -> float | None:
    """count / total; None when there is nobody to count (total 0)."""
    return count / total if total > 0 else None


def completion_rate(*, enrolled: int, completed: int) -> float | None:
    """Learners who claimed credit (the shared definition of completed) over learners enrolled."""
    return proportion(completed, enrolled)


def pass_rate(*, took: int, passed: int) -> float | None:
    """Learners who passed the post-test over learners who submitted at least one attempt at it.

    The denominator is the learners who sat the test, not everyone enrolled: a learner still
    working through the modules has not failed anything.
    """
    return proportion(passed, took)


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
class PairedGain:
    """Pre-test against post-test for the learners who have both."""

    n: int
    pre_mean: float | None
    post_mean: float | None
    mean_gain: float | None  # mean of (post − pre), in percentage points
    sd_gain: float | None  # sample standard deviation of the gains; None below two learners


def paired_gain(pre: Mapping[K, float], post: Mapping[K, float]) -> PairedGain:
    """Pair learners by key and average their post − pre differences.

    Learners with only one of the two scores are left out, so the gain is not the difference of
    two means over different people (those unpaired means are reported separately).
    """
    keys = [key for key in pre if key in post]
    gains = [post[key] - pre[key] for key in keys]
    return PairedGain(
        n=len(keys),
        pre_mean=mean([pre[key] for key in keys]),
        post_mean=mean([post[key] for key in keys]),
        mean_gain=mean(gains),
        sd_gain=statistics.stdev(gains) if len(gains) >= 2 else None,
    )


@dataclass(frozen=True)
class LikertSummary:
    counts: dict[int, int]  # 5 (strongly agree) … 1 (strongly disagree) → learners
    n: int
    mean: float | None  # on the 1–5 scale


def likert_summary(answers: Iterable[int]) -> LikertSummary:
    """Counts of each point of the 5-point scale and their mean; answers off the scale are ignored."""
    counts = dict.fromkeys(LIKERT_VALUES, 0)
    for answer in answers:
        if answer in counts:
            counts[answer] += 1
    n = sum(counts.values())
    total = sum(value * count for value, count in counts.items())
    return LikertSummary(counts=counts, n=n, mean=total / n if n else None)
