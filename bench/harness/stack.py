"""The throwaway stack a benchmark runs against, set up and torn down in one ``with``.

    with bench_stack("antidote-load-", database="postgres", redis="required") as stack:
        stack.seed(static=True)
        worker = stack.start_worker()
        web = stack.start_web(workers=4)

Everything lives in a temporary directory removed afterwards, and every process is stopped in the
reverse order of its start, whatever the run's outcome. The processes are the test suite's
(tests/worker.py: RedisServer, CeleryWorker, WebServer) and so is the PostgreSQL cluster
(tests/throwaway_postgres.py): one way to start them, kept working by the tests that use them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tests.throwaway_postgres import throwaway_database
from tests.worker import CeleryWorker, RedisServer, WebServer

ROOT = Path(__file__).resolve().parent.parent.parent
Database = Literal["postgres", "sqlite"]
LABELS: dict[str, str] = {"postgres": "PostgreSQL", "sqlite": "SQLite"}
# Variables of the calling shell that would take the bench off its own stack: a DEBUG page, a
# broker other than the bench's Redis.
FOREIGN = ("DEBUG", "CELERY_BROKER_URL")


def add_database_option(parser: argparse.ArgumentParser, default: Database | None = None) -> None:
    """--database; without DEFAULT, PostgreSQL where Debian's package is installed, else SQLite."""
    if default is None:
        default = "postgres" if list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) else "sqlite"
    parser.add_argument("--database", choices=["postgres", "sqlite"], default=default)


@dataclass
class BenchStack:
    workdir: Path
    database: Database
    env: dict[str, str]  # for every process of the run: the production settings on this stack
    exits: contextlib.ExitStack

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    @property
    def database_label(self) -> str:
        return LABELS[self.database]

    @property
    def cache_label(self) -> str:
        return "Redis" if "REDIS_URL" in self.env else "file cache"

    def manage(self, *arguments: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *arguments], cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL
        )

    def seed(self, *, static: bool) -> None:
        """Migrate and seed the demo courses (no demo users: each bench makes its own); STATIC for
        the manifest that pages served with the production settings need."""
        self.manage("migrate", "--noinput")
        self.manage("seed_demo", "--no-users")
        if static:
            self.manage("collectstatic", "--noinput")

    def run_json(self, script: str, *arguments: str) -> Any:
        """Run a bench/ helper script on this stack and return the JSON line it prints last."""
        out = subprocess.run(
            [sys.executable, script, *arguments], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        ).stdout
        return json.loads(out.strip().splitlines()[-1])

    def start_worker(self, concurrency: int = 2) -> CeleryWorker:
        """The Procfile's worker, `celery -A lms worker --concurrency 2`, without waiting for it:
        the certificate drain counts its start-up. Its log is workdir/worker.log."""
        worker = CeleryWorker(name="bench", env=self.env, log_path=self.workdir / "worker.log", concurrency=concurrency)
        worker.launch()
        self.exits.callback(worker.stop)
        return worker

    def start_web(self, workers: int) -> WebServer:
        """gunicorn with WORKERS sync workers, answering /healthz/ on return; no access log."""
        web = WebServer(env=self.env, log_path=self.workdir / "gunicorn.log", workers=workers, access_log=False)
        self.exits.callback(web.stop)
        web.start()
        return web

    def use_in_this_process(self) -> None:
        """Point this process at the stack and set Django up, for a bench that measures in-process."""
        os.environ.update(self.env)
        for name in FOREIGN:
            os.environ.pop(name, None)
        import django

        django.setup()


@contextlib.contextmanager
def bench_stack(prefix: str, *, database: Database, redis: Literal["required", "if installed"]) -> Iterator[BenchStack]:
    """A temporary directory, the database and Redis (REQUIRED as the Celery broker; IF INSTALLED
    for the cache and sessions, as in production, with Django's file cache otherwise)."""
    if redis == "required" and not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed: `make bench` installs it (Debian package redis-server).")
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    with contextlib.ExitStack() as exits:
        exits.callback(shutil.rmtree, workdir, ignore_errors=True)
        if database == "postgres":
            database_url = exits.enter_context(throwaway_database())
        else:
            database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",  # testserver: Django's test client
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "SECURE_SSL_REDIRECT": "false",  # wrk and the load clients speak plain HTTP on loopback
            "EMAIL_URL": "dummymail://",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),  # the helper scripts run by path
        }
        for name in FOREIGN:
            env.pop(name, None)
        if shutil.which("redis-server"):
            server = RedisServer(workdir / "redis")
            server.start()
            exits.callback(server.stop)
            env["REDIS_URL"] = server.url
        yield BenchStack(workdir=workdir, database=database, env=env, exits=exits)
