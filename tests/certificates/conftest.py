"""Real Redis and real Celery workers for the fault tests, sharing the test database and media files."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from lms.celery import app
from tests.worker import RENDER_DELAY_ENV, CeleryWorker, RedisServer, database_url

# Redis hands an unacknowledged message to another worker after this (an hour in production, for long
# retry countdowns). The tests' tasks last seconds and never retry; a worker that dies outright, not
# just a pool child, gives its message back after seconds rather than the hour.
VISIBILITY_TIMEOUT = 10

FAILED_KEY = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether a test failed, so its fixtures can print the workers' logs."""
    report = yield
    if report.failed:
        item.stash[FAILED_KEY] = True
    return report


def _reset_broker_connections() -> None:
    """Forget pooled connections, so the next publish connects to the broker now configured (what
    Celery itself does after a fork)."""
    celery_app: Any = app  # the pools are private attributes, untyped
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of the test's own; stop() and start() simulate an outage on the same port."""
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def broker(redis_server: RedisServer) -> Iterator[str]:
    """Point this process's Celery app (what the views and services publish through) at the Redis."""
    saved = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url = redis_server.url
    app.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
    _reset_broker_connections()
    yield redis_server.url
    app.conf.broker_url, app.conf.broker_transport_options = saved
    _reset_broker_connections()


@pytest.fixture
def media_root(tmp_path: Path, settings: Any) -> Path:
    """Certificate PDFs on disk, where the workers write them and this process serves them."""
    root = tmp_path / "media"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}},
    }
    return root


@pytest.fixture
def start_workers(
    request: pytest.FixtureRequest, transactional_db: None, broker: str, media_root: Path, tmp_path: Path
) -> Iterator[Callable[..., list[CeleryWorker]]]:
    """Start Celery worker processes on the test database (they see committed data only: use
    transactional tests). They are stopped, children included, before the database is flushed,
    and their logs print when the test failed."""
    workers: list[CeleryWorker] = []

    def start(count: int = 1, *, concurrency: int = 1, render_delay: float = 0) -> list[CeleryWorker]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": database_url(connection.settings_dict),
            "CELERY_BROKER_URL": broker,
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "TEST_MEDIA_ROOT": str(media_root),
            RENDER_DELAY_ENV: str(render_delay) if render_delay else "",
        }
        started = []
        for _ in range(count):
            name = f"worker{len(workers) + 1}"
            worker = CeleryWorker(name=name, env=env, log_path=tmp_path / f"{name}.log", concurrency=concurrency)
            workers.append(worker)
            started.append(worker)
            worker.launch()
        for worker in started:  # started side by side: Django and Celery take a second or two to load
            worker.wait_ready()
        return started

    yield start
    for worker in workers:
        worker.request_stop()
    for worker in workers:
        worker.stop()
    if request.node.stash.get(FAILED_KEY, False):
        for worker in workers:
            print(worker.log(lines=400))


@pytest.fixture
def celery_worker(start_workers: Callable[..., list[CeleryWorker]]) -> CeleryWorker:
    """One worker process with one pool process."""
    [worker] = start_workers()
    return worker
