"""Page-serving benchmark: public pages vs a minimal Django view, same gunicorn, same run.

    make bench            (or: .venv/bin/python bench/run.py [--seconds 10] [--connections 16])

Sets up a throwaway SQLite database with the demo courses, production settings, Redis for
the cache when redis-server is installed, gunicorn with 2 workers, and wrk on loopback.
Prints requests/s and p50/p95/p99 latency per page and the ratio of each page's requests/s
to the minimal view's: the figure the README quotes. Also prints SQL queries per page.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
FIRST_MODULE_URL = "from courses.models import ModulePage as M; print(M.objects.live().order_by('path').first().url)"
PAGES = {
    "minimal view": "/__bench__/minimal/",
    "catalog": "/courses/",
    "course": "/courses/overdose-prevention-in-opioid-prescribing/",
    "module": None,  # the first module of that course, found after seeding
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {url} within {timeout} s")


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(ROOT / "bench" / "latency.lua"), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    figures: dict[str, float] = json.loads(line)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: `make bench` installs it (Debian package wrk).")

    workdir = Path(tempfile.mkdtemp(prefix="antidote-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DEBUG", None)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        if shutil.which("redis-server"):
            redis_port = free_port()
            processes.append(
                subprocess.Popen(
                    ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
                    stdout=subprocess.DEVNULL,
                )
            )
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        cache_backend = "Redis" if "REDIS_URL" in env else "file cache"
        manage = [str(VENV_BIN / "python"), "manage.py"]
        for command in (["migrate", "--noinput"], ["seed_demo", "--no-users"], ["collectstatic", "--noinput"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        module_path = (
            subprocess.run(
                [
                    *manage,
                    "shell",
                    "-c",
                    FIRST_MODULE_URL,
                ],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )  # `shell` may print a banner first
        PAGES["module"] = module_path
        paths = [p for p in PAGES.values() if p]
        queries = json.loads(
            subprocess.run(
                [str(VENV_BIN / "python"), "bench/query_counts.py", *paths[1:]],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"),
                    "lms.wsgi:application",
                    "--workers",
                    "2",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                    "--env",
                    "DJANGO_SETTINGS_MODULE=bench.settings",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        base = f"http://127.0.0.1:{port}"
        for path in paths:
            wait_for(base + path)
            urllib.request.urlopen(base + path).read()  # warm: fills the page cache

        results: dict[str, list[dict[str, float]]] = {name: [] for name in PAGES}
        for _ in range(args.rounds):  # interleaved rounds, so drift hits every page alike
            for name, page_path in PAGES.items():
                results[name].append(wrk(base + str(page_path), args.seconds, args.connections))
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

    def best(name: str, key: str) -> float:
        values = [r[key] for r in results[name]]
        return max(values) if key == "rps" else min(values)

    floor = best("minimal view", "rps")
    print(
        f"\nPage serving: gunicorn 2 workers, wrk {args.connections} connections, {args.seconds} s x "
        f"{args.rounds} rounds, {cache_backend}, SQLite, {os.cpu_count()} cores"
    )
    print(
        f"{'page':<14}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs minimal':>12}"
        f"{'SQL cold':>10}{'SQL cached':>12}"
    )
    summary = {}
    for name, page_path in PAGES.items():
        rps = best(name, "rps")
        errors = sum(int(r["errors"]) for r in results[name])
        q = queries.get(page_path, {"cold": 0, "cached": 0})
        row = {
            "rps": rps,
            "p50_ms": best(name, "p50_ms"),
            "p95_ms": best(name, "p95_ms"),
            "p99_ms": best(name, "p99_ms"),
            "errors": errors,
            "ratio": rps / floor,
            **q,
        }
        summary[name] = row
        print(
            f"{name:<14}{rps:>9.0f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}{errors:>8}"
            f"{row['ratio']:>11.2f}x{q['cold']:>10}{q['cached']:>12}"
        )
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "pages.json").write_text(json.dumps(summary, indent=2))
    print("Target: every page at least 0.5x the minimal view, with at most 5 SQL queries when cached.")


if __name__ == "__main__":
    main()
