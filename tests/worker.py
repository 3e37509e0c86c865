"""Real processes for the fault tests: a Redis server and Celery workers, started and stopped by tests.

Also the hooks a worker loads with ``-I tests.worker``: when RENDER_DELAY_ENV is set in the worker's
environment, certificate rendering sleeps first, so a test can kill the worker mid-render; when
RETRY_BACKOFF_MAX_ENV is set, the render task's retry countdowns are capped at that many seconds (the
clock, shortened: six attempts then take seconds, not a minute). Nothing changes in a process without
these variables (the test process imports this module too).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import redis

BASE_DIR = Path(__file__).resolve().parent.parent
RENDER_DELAY_ENV = "ANTIDOTE_TEST_RENDER_DELAY"
RETRY_BACKOFF_MAX_ENV = "ANTIDOTE_TEST_RETRY_BACKOFF_MAX"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tail(path: Path, lines: int = 80) -> str:
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return f"({path} was never written)"
    return "\n".join(text.splitlines()[-lines:])


def wait_until(condition: Callable[[], Any], *, step: str, timeout: float, logs: Callable[[], str]) -> Any:
    """Poll until condition() is truthy and return it; fail naming the step, with the workers' logs."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:.0f} s waiting for: {step}\n{logs()}")
        time.sleep(0.1)


def database_url(settings_dict: Mapping[str, Any]) -> str:
    """The URL of the database this process is connected to (the test database, once it exists),
    for a child process to open the same one."""
    engine, name = settings_dict["ENGINE"], str(settings_dict["NAME"])
    if engine == "django.db.backends.sqlite3":
        if name == ":memory:" or name.startswith("file:"):
            raise RuntimeError("Another process cannot open an in-memory SQLite database: use a file.")
        return f"sqlite:///{Path(name).resolve()}"
    if engine == "django.db.backends.postgresql":
        user = quote(settings_dict.get("USER") or "", safe="")
        password = quote(settings_dict.get("PASSWORD") or "", safe="")
        credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = quote(settings_dict.get("HOST") or "", safe="")  # a socket directory is percent-encoded
        port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
        return f"postgres://{credentials}{host}{port}/{quote(name, safe='')}"
    raise RuntimeError(f"No URL for database engine {engine}")


def _reap(process: subprocess.Popen[bytes], *, grace: float) -> None:
    """Wait for a process asked to stop, then SIGKILL its whole process group (it was started with
    start_new_session), so nothing it forked outlives the test."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(grace)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


class RedisServer:
    """redis-server on a free port, without persistence; stop() and start() again keep the port,
    as a restarted Redis would (its queues are gone, as after a crash without persistence)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log_path = directory / "redis.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10) -> None:
        assert self.process is None, "Redis is already running"
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
        command += ["no", "--dir", str(self.directory)]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        client = redis.Redis.from_url(self.url, socket_timeout=1, socket_connect_timeout=1)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if client.ping():
                    break
            except redis.ConnectionError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}:\n{tail(self.log_path)}")
            time.sleep(0.05)
        client.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            _reap(self.process, grace=5)
            self.process = None


class CeleryWorker:
    """``celery -A lms worker`` (prefork) as a child process, its output in a log file."""

    def __init__(
        self,
        *,
        name: str,
        env: Mapping[str, str],
        log_path: Path,
        concurrency: int = 1,
        command_prefix: Sequence[str] = (),
    ) -> None:
        self.name = name
        self.env = dict(env)
        self.log_path = log_path
        self.concurrency = concurrency
        self.command_prefix = list(command_prefix)  # e.g. setpriv, to drop root's capabilities
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = False

    @property
    def pid(self) -> int:
        assert self.process is not None, "the worker is not running"
        return self.process.pid

    def launch(self) -> None:
        command = [*self.command_prefix, sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool", "prefork"]
        command += ["--concurrency", str(self.concurrency), "--loglevel", "INFO", "--hostname", f"{self.name}@%h"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        if self.env.get(RENDER_DELAY_ENV) or self.env.get(RETRY_BACKOFF_MAX_ENV):
            command += ["--include", "tests.worker"]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_ready(self, timeout: float = 30) -> None:
        # "<name>@<host> ready." is logged once the consumer listens to the queue.
        wait_until(
            lambda: self._exited() or " ready." in self.log_text(),
            step=f"worker {self.name} to start",
            timeout=timeout,
            logs=self.log,
        )
        if self._exited():
            raise RuntimeError(f"worker {self.name} exited on start:\n{self.log()}")
        wait_until(
            lambda: len(self.children()) >= self.concurrency,
            step=f"worker {self.name} to fork its pool",
            timeout=timeout,
            logs=self.log,
        )

    def _exited(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def children(self) -> list[int]:
        """The pool processes (prefork children) of the worker, from /proc."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if int(fields[1]) == self.pid and fields[0] != "Z":  # ppid, and not a zombie
                found.append(int(stat.parent.name))
        return sorted(found)

    def request_stop(self) -> None:
        """Ask for a cold shutdown: by teardown the test has waited for every task it cares about.
        Stopping takes a couple of seconds, so ask every worker before waiting for any."""
        if self.process is not None and self.process.poll() is None and not self.stopping:
            self.process.send_signal(signal.SIGQUIT)
            self.stopping = True

    def stop(self) -> None:
        self.request_stop()
        if self.process is not None:
            _reap(self.process, grace=5)

    def kill(self) -> None:
        """SIGKILL the whole worker, main process and pool children at once (its process group, as
        it was started with start_new_session): nothing acknowledges, rejects or requeues anything."""
        assert self.process is not None and self.process.poll() is None, "the worker is not running"
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.stopping = True

    def received(self) -> list[str]:
        """The ids of the render tasks this worker received, in order (a redelivery appears again)."""
        return re.findall(r"certificates\.render\[([0-9a-f-]+)\] received", self.log_text())

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log(self, lines: int = 80) -> str:
        return f"--- worker {self.name} log (last {lines} lines) ---\n{tail(self.log_path, lines)}"


def _slow_down_rendering() -> None:
    """In a worker started with RENDER_DELAY_ENV: rendering sleeps before WeasyPrint, long enough
    for a test to see the certificate 'rendering' and kill the worker child. Loaded in the worker's
    main process before it forks its pool, so every child (and every replacement) has it."""
    delay = float(os.environ.get(RENDER_DELAY_ENV) or 0)
    if not delay:
        return
    from certificates import rendering

    real_html_to_pdf = rendering.html_to_pdf

    def slow_html_to_pdf(html: str) -> bytes:
        time.sleep(delay)
        return real_html_to_pdf(html)

    rendering.html_to_pdf = slow_html_to_pdf


def _shorten_retry_backoff() -> None:
    """In a worker started with RETRY_BACKOFF_MAX_ENV: cap the autoretry countdowns (2, 4, 8, 16, 32 s
    with jitter for the render task) at that many seconds. Celery's autoretry wrapper looks the
    function up in its module on every retry, so replacing it there is enough."""
    cap = float(os.environ.get(RETRY_BACKOFF_MAX_ENV) or 0)
    if not cap:
        return
    import importlib

    autoretry: Any = importlib.import_module("celery.app.autoretry")  # untyped module attributes
    real_interval = autoretry.get_exponential_backoff_interval

    def capped_interval(*args: Any, **kwargs: Any) -> float:
        return min(float(real_interval(*args, **kwargs)), cap)

    autoretry.get_exponential_backoff_interval = capped_interval


_slow_down_rendering()
_shorten_retry_backoff()


class WebServer:
    """gunicorn serving the project as a child process, its output in a log file."""

    def __init__(self, *, env: Mapping[str, str], log_path: Path, workers: int = 2, access_log: bool = True) -> None:
        self.env = dict(env)
        self.log_path = log_path
        self.workers = workers
        self.access_log = access_log  # off for the benchmarks: a log line per request is work they would time
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        import httpx

        command = [sys.executable, "-m", "gunicorn", "lms.wsgi:application", "--workers", str(self.workers)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--error-logfile", "-"]
        command += ["--access-logfile", "-"] if self.access_log else ["--log-level", "warning"]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

        def answers() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited on start:\n{self.log()}")
            try:
                return httpx.get(f"{self.url}/healthz/", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(answers, step="gunicorn to answer /healthz/", timeout=timeout, logs=self.log)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            _reap(self.process, grace=10)
            self.process = None

    def log(self, lines: int = 80) -> str:
        return f"--- gunicorn log (last {lines} lines) ---\n{tail(self.log_path, lines)}"
