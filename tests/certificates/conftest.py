"""Real Redis and real Celery workers for the certificate tests: the shared fixtures are in
tests/processes.py (through tests/conftest.py). The report tests' records and administrator are in
tests/report_records.py, shared with tests/quizzes."""

from __future__ import annotations

import pytest

from tests.processes import WorkerStarter
from tests.report_records import admin_client, administrator, records, second_course  # noqa: F401 (fixtures)
from tests.worker import CeleryWorker


@pytest.fixture
def celery_worker(start_workers: WorkerStarter) -> CeleryWorker:
    """One worker process with one pool process."""
    [worker] = start_workers()
    return worker
