"""Real Redis and real Celery workers for the certificate tests: the shared fixtures are in
tests/processes.py (through tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.processes import WorkerStarter
from tests.worker import CeleryWorker


@pytest.fixture
def celery_worker(start_workers: WorkerStarter) -> CeleryWorker:
    """One worker process with one pool process."""
    [worker] = start_workers()
    return worker
