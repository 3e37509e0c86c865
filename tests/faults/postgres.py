"""A PostgreSQL cluster of a test's own that the test can stop and start again, for the restart test.

The cluster is tests/throwaway_postgres.py's (a temporary directory, removed afterwards); its
database is migrated and seeded with the demo courses in a background thread as soon as pytest has
collected the test that needs it (migrating takes most of a minute on a busy 2-core machine), so
the other fault tests run meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import threading
from pathlib import Path

import psycopg

from tests.throwaway_postgres import _pg_bin, throwaway_database
from tests.worker import BASE_DIR


def server_env(url: str) -> dict[str, str]:
    """The environment of every process that uses the cluster: test settings, persistent
    connections as in production (CONN_MAX_AGE), so a restart also breaks open connections."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "DATABASE_URL": url, "CONN_MAX_AGE": "60"}
    env.pop("CELERY_BROKER_URL", None)
    return env


class RestartableCluster:
    """pg_ctl stop and start on a running throwaway cluster, with the options it was started with."""

    def __init__(self, url: str) -> None:
        self.url = url
        with psycopg.connect(url, autocommit=True) as connection:
            row = connection.execute("SHOW data_directory").fetchone()
        assert row is not None
        self.data = Path(row[0])
        self.bin = _pg_bin()
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        # postmaster.opts: the server's command line, "-D" "<data>" then the -o options we need again.
        words = shlex.split((self.data / "postmaster.opts").read_text())
        self.options = " ".join(shlex.quote(word) for word in words[3:])
        self.log = self.data.parent / "postgres.log"

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as in a restart or failover."""
        self._ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._ctl("-l", str(self.log), "-o", self.options, "-w", "start")

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )


class PreparedCluster:
    """A throwaway cluster with a migrated, seeded database, prepared in a background thread."""

    def __init__(self) -> None:
        self.stack = contextlib.ExitStack()
        self.thread: threading.Thread | None = None
        self.url = ""
        self.error: BaseException | None = None

    def begin(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._prepare, name="postgres-outage-setup", daemon=True)
            self.thread.start()

    def _prepare(self) -> None:
        try:
            url = self.stack.enter_context(throwaway_database())
            for command in (["migrate", "--noinput"], ["seed_demo", "--no-users"]):
                result = subprocess.run(
                    [sys.executable, "manage.py", *command],
                    cwd=BASE_DIR,
                    env=server_env(url),
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if result.returncode:
                    raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
            self.url = url
        except BaseException as error:  # re-raised in the test that waits for it
            self.error = error

    def wait(self) -> str:
        self.begin()
        assert self.thread is not None
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.url

    def close(self) -> None:
        if self.thread is not None:
            self.thread.join()
        self.stack.close()
