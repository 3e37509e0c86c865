"""Course analytics arithmetic: pure functions over plain numbers, no models, no I/O.

Every statistic answers None, never 0, when it is undefined (no data, a zero denominator, zero
variance), so a page can say "not enough data" instead of reporting a pass rate of 0% for a course
nobody has taken. Rates are proportions in [0, 1]; scores are percents as quizzes store them. The
data come from courses/analytics_selectors.py. Item analysis (difficulty, discrimination) belongs to
the quizzes: quizzes/item_analysis.py.
"""

from __future__ import annotations

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
