"""A movable clock for tests about time: session expiry, time spent on a module."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from contextlib import contextmanager
from unittest.mock import patch


class Clock:
    """Moves time.time() (cache expiry, lms.sessions) and timezone.now() (the database side) together."""

    def __init__(self) -> None:
        self.offset = 0.0
        self._real_time = time.time

    def time(self) -> float:
        return self._real_time() + self.offset

    def now(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.time(), tz=datetime.UTC)

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@contextmanager
def moving_clock() -> Iterator[Clock]:
    clock = Clock()
    with patch("time.time", clock.time), patch("django.utils.timezone.now", clock.now):
        yield clock
