"""Browser tests: Playwright (pip) driving Debian's Chromium against pytest-django's live server.

Playwright is never asked to download a browser: Debian's /usr/bin/chromium is used, and a machine
without it fails these tests (``make test`` installs it). The certificate worker is real: a Redis
server and a ``celery -A lms worker`` process of the test's own (tests/worker.py), sharing the test
database, as in tests/certificates/test_worker_faults.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from playwright.sync_api import Browser, sync_playwright
from pytest_django.live_server_helper import LiveServer

from lms.celery import app
from tests.e2e.journey import AXE_SOURCE
from tests.processes import reset_broker_connections
from tests.worker import CeleryWorker, RedisServer, database_url

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Redis hands an unacknowledged message to another worker after this; the tests' renders take a second.
VISIBILITY_TIMEOUT = 10


@pytest.fixture(scope="session")
def live_server(django_db_setup: None, live_server: LiveServer) -> LiveServer:
    """pytest-django's live server, started once the test database exists. Started before it (as
    the test's argument order may do), it takes the SQLite test database for an in-memory one and
    hands one connection to all its threads, which crashes SQLite when the browser loads several
    files at once."""
    return live_server


@pytest.fixture(scope="package")
def browser(django_db_setup: None) -> Iterator[Browser]:
    """One headless Chromium for the package. Missing Chromium is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: the browser tests need it. "
            "Install it with `sudo apt-get install chromium` (`make test` does this as root)."
        )
    if not AXE_SOURCE.exists():
        pytest.fail(f"axe-core is not installed at {AXE_SOURCE}: run `npm ci` (`make test` does).")
    # Playwright's sync API keeps an asyncio loop running in this thread, which Django's
    # async-safety check mistakes for async code calling the ORM; the test's own ORM calls are
    # synchronous, so the check is switched off while the browser is up (the usual Playwright setup).
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With that loop running, asgiref hands this thread a second set of database connection objects
    # (its async-context storage), which lack the snapshot of the migrated database that
    # serialized_rollback restores after each test's flush (Wagtail's root page, the roles' groups
    # and workflow). Give them the same snapshot.
    snapshots = {
        alias: connections[alias]._test_serialized_contents  # type: ignore[attr-defined]
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot  # type: ignore[attr-defined]
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
            # Close those second connections while they are still reachable: left open, PostgreSQL
            # would refuse to drop the test database at the end of the run.
            connections.close_all()
    finally:
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@pytest.fixture
def certificate_worker(transactional_db: None, tmp_path: Path, settings: Any) -> Iterator[Callable[[], CeleryWorker]]:
    """Redis is up from the start (the live server enqueues renders on commit through it); the
    returned callable starts the Celery worker when the test wants it, so a test can see a
    certificate pending first. The worker writes PDFs where the live server reads them."""
    media_root = tmp_path / "media"
    media_root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media_root)},
        },
    }
    redis_server = RedisServer(tmp_path / "redis")
    redis_server.start()
    saved = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url = redis_server.url
    app.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
    reset_broker_connections()
    workers: list[CeleryWorker] = []

    def start() -> CeleryWorker:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": database_url(connection.settings_dict),
            "CELERY_BROKER_URL": redis_server.url,
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "TEST_MEDIA_ROOT": str(media_root),
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        worker = CeleryWorker(name=f"e2e{len(workers) + 1}", env=env, log_path=tmp_path / "worker.log")
        workers.append(worker)
        worker.launch()
        worker.wait_ready()
        return worker

    try:
        yield start
    finally:
        for worker in workers:
            worker.stop()
        app.conf.broker_url, app.conf.broker_transport_options = saved
        reset_broker_connections()
        redis_server.stop()
