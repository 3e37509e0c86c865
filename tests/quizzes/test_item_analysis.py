"""Item analysis: difficulty and the corrected point-biserial on a hand-built data set (the one
tests/courses/test_analytics.py builds in the database), and their undefined cases."""

from __future__ import annotations

import math

import pytest

from quizzes import item_analysis

# The hand-built set: five learners' first post-test attempts at three questions (1 = correct).
#            q1 q2 q3   total
ITEMS = {
    "A": (1, 1, 1),  # 3
    "B": (1, 1, 0),  # 2
    "C": (1, 0, 1),  # 2
    "D": (0, 1, 0),  # 1  (passes on a second attempt, all correct)
    "E": (0, 0, 0),  # 0
}


def textbook_point_biserial(item: list[int], totals: list[float]) -> float:
    """r_pb = (M1 − M0) / s · √(p·q), with s the population standard deviation of the totals."""
    n = len(item)
    ones = [t for x, t in zip(item, totals, strict=True) if x]
    zeros = [t for x, t in zip(item, totals, strict=True) if not x]
    p = len(ones) / n
    mean_total = sum(totals) / n
    s = math.sqrt(sum((t - mean_total) ** 2 for t in totals) / n)
    return (sum(ones) / len(ones) - sum(zeros) / len(zeros)) / s * math.sqrt(p * (1 - p))


# The arithmetic, without the database


def test_item_statistics_use_the_corrected_item_total_point_biserial() -> None:
    responses = [{f"q{i + 1}": bool(x) for i, x in enumerate(row)} for row in ITEMS.values()]
    stats = item_analysis.item_statistics(responses)

    # By hand, q1: item (1,1,1,0,0), rest scores (2,1,1,1,0): M1 = 4/3, M0 = 1/2, p = 0.6,
    # s = √0.4, so r = (5/6)·√0.24/√0.4 = (5/6)·√0.6 ≈ 0.6455.
    assert stats["q1"].discrimination == pytest.approx(5 / 6 * math.sqrt(0.6))
    for index, question in enumerate(("q1", "q2", "q3")):
        item = [row[index] for row in ITEMS.values()]
        rest = [sum(row) - row[index] for row in ITEMS.values()]
        assert stats[question].discrimination == pytest.approx(textbook_point_biserial(item, rest))
        assert stats[question].n == 5
    # q2: those right and those wrong have the same mean rest score (1): no discrimination, but defined.
    assert stats["q2"].discrimination == pytest.approx(0.0)
    assert stats["q3"].discrimination == pytest.approx(0.5 / math.sqrt(0.56) * math.sqrt(0.24))
    assert [stats[q].difficulty for q in ("q1", "q2", "q3")] == pytest.approx([0.6, 0.6, 0.4])


def test_the_uncorrected_total_would_overstate_discrimination() -> None:
    """Documents the choice: including the item in the total inflates r on a three-item test."""
    item = [row[1] for row in ITEMS.values()]
    with_item = [float(sum(row)) for row in ITEMS.values()]
    rest = [float(sum(row) - row[1]) for row in ITEMS.values()]
    uncorrected = item_analysis.point_biserial([bool(x) for x in item], with_item)
    corrected = item_analysis.point_biserial([bool(x) for x in item], rest)
    assert uncorrected == pytest.approx(textbook_point_biserial(item, with_item))
    assert uncorrected is not None and corrected is not None and uncorrected > corrected + 0.4


def test_point_biserial_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="one entry per learner"):
        item_analysis.point_biserial([True, False], [1.0])


def test_undefined_item_statistics_are_none_not_zero() -> None:
    assert item_analysis.item_difficulty([]) is None
    assert item_analysis.point_biserial([True], [3.0]) is None  # one learner
    assert item_analysis.point_biserial([True, True, True], [1.0, 2.0, 3.0]) is None  # everyone right
    assert item_analysis.point_biserial([False, False], [1.0, 2.0]) is None  # everyone wrong
    assert item_analysis.point_biserial([True, False, True], [2.0, 2.0, 2.0]) is None  # equal totals
    assert item_analysis.item_statistics([]) == {}
    everyone_right = item_analysis.item_statistics([{"q": True, "r": True}, {"q": True, "r": False}])
    assert everyone_right["q"].difficulty == 1.0 and everyone_right["q"].discrimination is None
