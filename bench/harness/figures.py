"""Arithmetic and bookkeeping of the benchmarks' figures: percentiles, the machine, results files."""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent.parent / "results"


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least SHARE of the values at or below it.

    A value that was measured, never one interpolated between two: with few samples the p95 is
    then a request that happened."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


@dataclass(frozen=True)
class Machine:
    """The machine at one moment: figures are only as good as the machine was quiet."""

    date: str = field(default_factory=lambda: time.strftime("%Y-%m-%d"))
    cores: int | None = field(default_factory=os.cpu_count)
    load_average: tuple[float, float, float] = field(default_factory=os.getloadavg)

    def load_line(self, after: Machine) -> str:
        """The load averages from this moment to AFTER, as the load benchmark prints them."""
        return "machine load average (1, 5, 15 min) before: {:.1f} {:.1f} {:.1f}; after: {:.1f} {:.1f} {:.1f}".format(
            *self.load_average, *after.load_average
        )


def verdict(met: bool, measured: str | None = None) -> str:
    """The word for a target, met or NOT met, with the measured figure in brackets when given."""
    word = "met" if met else "NOT met"
    return f"{word} ({measured})" if measured is not None else word


def write_results(name: str, figures: Any) -> Path:
    """bench/results/NAME as indented JSON: what the README's figures are read from."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(figures, indent=2) + "\n")
    return path
