"""Fixtures for tests that run real processes: a Redis server of the test's own, Celery workers on the
test database, certificate media on disk. Shared by tests/certificates/ and tests/faults/ through
tests/conftest.py; a test only pays for what it asks for.

The workers see committed data only: tests that use them are transactional.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from lms.celery import app
from tests.worker import RENDER_DELAY_ENV, RETRY_BACKOFF_MAX_ENV, CeleryWorker, RedisServer, database_url

# Redis gives an unacknowledged message to another worker after the visibility timeout: an hour in
# production (lms/settings/base.py), cut here to seconds, passed to the workers through the
# CELERY_VISIBILITY_TIMEOUT override that lms/settings/test.py reads.
VISIBILITY_TIMEOUT = 5

FAILED_KEY = pytest.StashKey[bool]()

WorkerStarter = Callable[..., list[CeleryWorker]]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether a test failed, so its fixtures can print the workers' logs."""
    report = yield
    if report.failed:
        item.stash[FAILED_KEY] = True
    return report


def reset_broker_connections() -> None:
    """Forget pooled connections, so the next publish connects to the broker now configured (what
    Celery itself does after a fork)."""
    celery_app: Any = app  # the pools are private attributes, untyped
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of the test's own; stop() and start() are a restart on the same port."""
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
    reset_broker_connections()
    yield redis_server.url
    app.conf.broker_url, app.conf.broker_transport_options = saved
    reset_broker_connections()


def use_media(settings: Any, root: Path) -> None:
    """Store files under ROOT in this process (the workers get it as TEST_MEDIA_ROOT)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}},
    }


@pytest.fixture
def media_root(tmp_path: Path, settings: Any) -> Path:
    """Certificate PDFs on disk, where the workers write them and this process serves them."""
    root = tmp_path / "media"
    root.mkdir()
    use_media(settings, root)
    return root


@pytest.fixture
def start_workers(
    request: pytest.FixtureRequest, transactional_db: None, broker: str, tmp_path: Path
) -> Iterator[WorkerStarter]:
    """Start Celery worker processes on the test database. They are stopped, children included,
    before the database is flushed, and their logs print when the test failed. Their media is the
    ``media_root`` fixture's unless a test passes its own (a disk it makes read-only, say)."""
    workers: list[CeleryWorker] = []

    def start(
        count: int = 1,
        *,
        concurrency: int = 1,
        media: Path | None = None,
        render_delay: float = 0,
        visibility_timeout: int = VISIBILITY_TIMEOUT,
        retry_backoff_max: float = 0,
        command_prefix: list[str] | None = None,
    ) -> list[CeleryWorker]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": database_url(connection.settings_dict),
            "CELERY_BROKER_URL": broker,
            "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout),
            "TEST_MEDIA_ROOT": str(media if media is not None else request.getfixturevalue("media_root")),
            RENDER_DELAY_ENV: str(render_delay) if render_delay else "",
            RETRY_BACKOFF_MAX_ENV: str(retry_backoff_max) if retry_backoff_max else "",
        }
        started = []
        for _ in range(count):
            name = f"worker{len(workers) + 1}"
            worker = CeleryWorker(
                name=name,
                env=env,
                log_path=tmp_path / f"{name}.log",
                concurrency=concurrency,
                command_prefix=command_prefix or (),
            )
            workers.append(worker)
            started.append(worker)
            worker.launch()
        for worker in started:  # side by side: Django and Celery take a second or two to load
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


def logs_of(*workers: CeleryWorker) -> Callable[[], str]:
    return lambda: "\n".join(worker.log() for worker in workers)
