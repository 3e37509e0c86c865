"""Load benchmark: 50 simulated clinicians through the whole journey, against the full stack on this machine.

    make bench     (or: .venv/bin/python bench/load.py [--duration 120] [--clinicians 50] [--think 1.0])

Starts, on this machine and in a temporary directory: a throwaway PostgreSQL cluster
(tests/throwaway_postgres.py), Redis (cache, sessions' cache and Celery broker), migrates, seeds the
demo courses (`seed_demo --no-users`), creates the clinicians with their profiles
(bench/load_setup.py, which also sets the demo modules' minimum time to 0: see below), starts the
Procfile's Celery worker (`celery -A lms worker --concurrency 2`) and gunicorn (--web-workers sync
workers) with the production settings (bench/settings.py), then runs a headless asyncio load
generator (httpx): --clinicians clinicians at once, each going through the journey of the first demo
course as a browser would, and starting again as a fresh clinician when done, for --duration seconds:

    log in (page + form) -> course page -> enroll -> disclosures (page + acknowledge) -> pre-test
    (overview, start, form, submit) -> every module (page, its quiz when it has one, complete) ->
    post-test -> evaluation (page + submit) -> claim (page + submit) -> certificate page -> status
    polls until issued -> PDF download

The clinicians arrive evenly over the first --ramp seconds, and each pauses a random 0 to 2 x
--think seconds between requests (a click a second on average by default: nobody answers a
10-question test in no time). Every answer is checked (status, redirect target, PDF content type);
anything else counts as an error. The machine's load average is printed before and after: the
figures are only as good as the machine was quiet.

Module pages enforce a minimum time on each module, measured on the server from the learner's own
requests. A simulated clinician at a click a second would wait minutes per module, so the bench
database sets every demo module's minimum to 0 minutes (the output says so); everything else is the
real journey.

Prints requests/s, p50/p95/p99 per step and the error count, then checks the database: exactly one
certificate per claim, every one issued. Writes bench/results/load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

import httpx  # noqa: E402

from bench.harness.figures import Machine, percentile, write_results  # noqa: E402
from bench.harness.stack import bench_stack  # noqa: E402

TARGET_P95_MS = 500.0
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')
CERTIFICATE_WAIT_S = 120.0  # a claim's certificate must be issued within this, or it is an error


class JourneyError(Exception):
    """A step answered something else than a browser would expect: counted, and the clinician stops."""


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    claim_to_issued: list[float] = field(default_factory=list)
    journeys_started: int = 0
    journeys_completed: int = 0
    claims: int = 0


class Clinician:
    """One browser: its own cookies, the last CSRF token a page gave it, pauses between clicks.

    The production settings mark cookies Secure and the bench talks plain HTTP on loopback, where a
    cookie jar would not send them back: the clinician keeps its cookies itself."""

    def __init__(self, client: httpx.AsyncClient, stats: Stats, think: float, deadline: float) -> None:
        self.client, self.stats, self.think, self.deadline = client, stats, think, deadline
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    async def pause(self) -> None:
        if self.think:
            await asyncio.sleep(random.uniform(0, 2 * self.think))  # noqa: S311 (timing, not a secret)

    async def request(
        self, step: str, method: str, url: str, expect: int, data: dict[str, Any] | None = None
    ) -> httpx.Response:
        await self.pause()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, data=data, headers=headers)
        except httpx.HTTPError as error:
            self.stats.errors.append(f"{step}: {type(error).__name__}: {error}")
            raise JourneyError(step) from error
        self.stats.latencies[step].append((time.perf_counter() - started) * 1000)
        self.client.cookies.clear()
        for header in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.status_code != expect:
            self.stats.errors.append(f"{step}: {method} {url} answered {response.status_code}, not {expect}")
            raise JourneyError(step)
        if "text/html" in response.headers.get("content-type", ""):
            found = CSRF.search(response.text)
            if found:
                self.csrf = found.group(1)
        return response

    async def get(self, step: str, url: str, expect: int = 200) -> httpx.Response:
        return await self.request(step, "GET", url, expect)

    async def post(self, step: str, url: str, data: dict[str, Any], expect: int = 302) -> httpx.Response:
        return await self.request(step, "POST", url, expect, {"csrfmiddlewaretoken": self.csrf, **data})

    async def quiz(self, prefix: str, plan: dict[str, Any], *, overview: bool) -> None:
        base = f"/quizzes/{plan['page_id']}/{plan['kind']}/"
        if overview:
            await self.get(f"{prefix} overview", base)
        started = await self.post("quiz start", f"{base}start/", {})
        attempt_url = started.headers["location"]
        form = await self.get("quiz form", attempt_url)
        token = TOKEN.search(form.text)
        if token is None:
            self.stats.errors.append(f"quiz form: no one-time token on {attempt_url}")
            raise JourneyError("quiz form")
        graded = await self.post("quiz submit", f"{attempt_url}submit/", {"token": token.group(1), **plan["keys"]})
        if graded.headers["location"] != attempt_url:
            self.stats.errors.append(f"quiz submit: redirected to {graded.headers['location']}")
            raise JourneyError("quiz submit")

    async def journey(self, email: str, password: str, plan: dict[str, Any]) -> None:
        course = plan["course"]
        await self.get("login page", "/accounts/login/")
        await self.post("login", "/accounts/login/", {"username": email, "password": password})
        await self.get("course page", course["url"])
        await self.post("enroll", f"/learn/courses/{course['id']}/enroll/", {})
        await self.get("disclosures page", f"/learn/courses/{course['id']}/disclosures/")
        await self.post(
            "disclosures acknowledge", f"/learn/courses/{course['id']}/disclosures/", {"acknowledge": "yes"}
        )
        if plan["pre"]:
            await self.quiz("pre-test", plan["pre"], overview=True)
        for module in plan["modules"]:
            await self.get("module page", module["url"])
            if module["quiz"]:
                await self.quiz("module quiz", module["quiz"], overview=False)
            await self.post("module complete", f"/learn/modules/{module['id']}/complete/", {})
        if plan["post"]:
            await self.quiz("post-test", plan["post"], overview=True)
        evaluation = f"/learn/courses/{course['id']}/evaluation/"
        await self.get("evaluation page", evaluation)
        await self.post("evaluation submit", evaluation, plan["evaluation"])
        claim = f"/certificates/claim/{course['id']}/"
        await self.get("claim page", claim)
        claimed = await self.post("claim submit", claim, {"credits": plan["credits"], "attest": "yes"})
        claimed_at = time.monotonic()
        self.stats.claims += 1
        certificate = claimed.headers["location"]
        await self.get("certificate page", certificate)
        while True:
            if not self.think:
                await asyncio.sleep(0.25)  # a page polling by itself, not a clinician clicking
            status = (await self.get("status poll", f"{certificate}status.json")).json()["status"]
            if status == "issued":
                break
            if status == "failed" or time.monotonic() - claimed_at > CERTIFICATE_WAIT_S:
                self.stats.errors.append(
                    f"certificate {certificate}: {status} after {time.monotonic() - claimed_at:.0f} s"
                )
                raise JourneyError("status poll")
        self.stats.claim_to_issued.append(time.monotonic() - claimed_at)
        pdf = await self.get("download", f"{certificate}download/")
        if pdf.headers.get("content-type") != "application/pdf" or not pdf.content.startswith(b"%PDF"):
            self.stats.errors.append(f"download: {pdf.headers.get('content-type')} instead of a PDF")
            raise JourneyError("download")


async def run_load(
    base_url: str, plan: dict[str, Any], clinicians: int, duration: float, think: float, ramp: float
) -> tuple[Stats, float]:
    """Each of CLINICIANS loops: a fresh user through the whole journey, until DURATION is over.
    They arrive evenly over the first RAMP seconds (fifty logins at the same instant would measure
    the password hasher's queue, not the platform). A journey under way at the deadline is
    finished, so every claim is followed to its PDF."""
    stats = Stats()
    users = list(plan["users"])
    users.reverse()
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=clinicians, max_keepalive_connections=clinicians)

    async def clinician(client: httpx.AsyncClient, number: int) -> None:
        await asyncio.sleep(ramp * number / clinicians)
        while time.monotonic() < deadline and users:
            browser = Clinician(client, stats, think, deadline)
            stats.journeys_started += 1
            with contextlib.suppress(JourneyError):
                await browser.journey(users.pop(), plan["password"], plan)
                stats.journeys_completed += 1

    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base_url, timeout=60, follow_redirects=False, limits=limits) as client:
        await asyncio.gather(*(clinician(client, n) for n in range(clinicians)))
    if not users:
        stats.errors.append("ran out of prepared users: raise --users")
    return stats, time.monotonic() - started


def check_certificates(database_url: str) -> dict[str, int]:
    """After the run: exactly one certificate per claim, every one issued, one claim per learner."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        claims = connection.execute("SELECT count(*) FROM certificates_creditclaim").fetchone()
        per_claim = connection.execute(
            "SELECT c.id, count(x.id), count(x.id) FILTER (WHERE x.status = 'issued')"
            " FROM certificates_creditclaim c LEFT JOIN certificates_certificate x ON x.claim_id = c.id GROUP BY c.id"
        ).fetchall()
        doubled = connection.execute(
            "SELECT count(*) FROM (SELECT user_id FROM certificates_creditclaim"
            " GROUP BY user_id, course_id HAVING count(*) > 1) d"
        ).fetchone()
        attempts = connection.execute(
            "SELECT count(*) FROM (SELECT user_id FROM quizzes_quizattempt WHERE status = 'in_progress'"
            " GROUP BY user_id, page_id, kind HAVING count(*) > 1) d"
        ).fetchone()
    return {
        "claims": int(claims[0]) if claims else 0,
        "claims_with_exactly_one_certificate": sum(1 for _, n, _ in per_claim if n == 1),
        "claims_with_one_issued_certificate": sum(1 for _, n, issued in per_claim if n == 1 and issued == 1),
        "learners_with_two_claims": int(doubled[0]) if doubled else 0,
        "learners_with_two_open_attempts": int(attempts[0]) if attempts else 0,
    }


def wait_for_drain(database_url: str, timeout: float = 120) -> None:
    """Journeys cut short by an error may leave a claim rendering: give the worker time to finish."""
    import psycopg

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with psycopg.connect(database_url) as connection:
            row = connection.execute(
                "SELECT count(*) FROM certificates_certificate WHERE status IN ('pending', 'rendering')"
            ).fetchone()
        if row is None or row[0] == 0:
            return
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=120, help="seconds of load")
    parser.add_argument("--clinicians", type=int, default=50, help="simulated clinicians at once")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a clinician's requests (s)")
    parser.add_argument("--ramp", type=float, default=20, help="seconds over which the clinicians arrive")
    parser.add_argument("--web-workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--users", type=int, default=400, help="clinician accounts prepared (fresh for each journey)")
    args = parser.parse_args()

    print("Setting up: PostgreSQL, Redis, migrate, seed_demo, clinicians ...", flush=True)
    with bench_stack("antidote-load-", database="postgres", redis="required") as stack:
        stack.seed(static=True)
        plan = stack.run_json("bench/load_setup.py", "--users", str(args.users))
        worker = stack.start_worker()
        base_url = stack.start_web(workers=args.web_workers).url
        print(
            f"Load: {args.clinicians} clinicians arriving over {args.ramp:.0f} s, for {args.duration:.0f} s, "
            f"mean pause {args.think} s between a "
            f"clinician's requests; gunicorn {args.web_workers} workers, Celery worker concurrency 2, "
            f"PostgreSQL, Redis. Minimum time per module set to 0 for the {plan['modules_zeroed']} demo modules "
            "in the bench database.",
            flush=True,
        )
        before = Machine()
        stats, elapsed = asyncio.run(run_load(base_url, plan, args.clinicians, args.duration, args.think, args.ramp))
        print(before.load_line(Machine()))
        wait_for_drain(stack.database_url)
        checks = check_certificates(stack.database_url)
        if stats.errors:
            print(worker.log(lines=40))
    _report(args, plan, stats, elapsed, checks)


def _report(
    args: argparse.Namespace, plan: dict[str, Any], stats: Stats, elapsed: float, checks: dict[str, int]
) -> None:
    total = sum(len(v) for v in stats.latencies.values())
    rows: list[dict[str, Any]] = []
    print()
    print(f"{'step':<26} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for step, values in stats.latencies.items():
        row: dict[str, Any] = {
            "step": step,
            "requests": len(values),
            "p50_ms": round(percentile(values, 0.50), 1),
            "p95_ms": round(percentile(values, 0.95), 1),
            "p99_ms": round(percentile(values, 0.99), 1),
            "max_ms": round(max(values), 1),
        }
        rows.append(row)
        mark = "" if row["p95_ms"] < TARGET_P95_MS else "  <- p95 over target"
        print(
            f"{step:<26} {row['requests']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8}"
            f" {row['max_ms']:>8}{mark}"
        )
    all_latencies = [v for values in stats.latencies.values() for v in values]
    print()
    print(f"requests: {total} in {elapsed:.1f} s = {total / elapsed:.1f} requests/s")
    if all_latencies:
        print(
            f"all steps: p50 {percentile(all_latencies, 0.5):.1f} ms, p95 {percentile(all_latencies, 0.95):.1f} ms,"
            f" p99 {percentile(all_latencies, 0.99):.1f} ms"
        )
    print(f"errors: {len(stats.errors)}")
    for error in stats.errors[:20]:
        print(f"  {error}")
    print(f"journeys: {stats.journeys_started} started, {stats.journeys_completed} completed (PDF downloaded)")
    if stats.claim_to_issued:
        print(
            f"claim to issued: p50 {percentile(stats.claim_to_issued, 0.5):.2f} s,"
            f" p95 {percentile(stats.claim_to_issued, 0.95):.2f} s, max {max(stats.claim_to_issued):.2f} s"
        )
    print(
        f"database: {checks['claims']} claims, {checks['claims_with_exactly_one_certificate']} with exactly one "
        f"certificate, {checks['claims_with_one_issued_certificate']} of them issued; "
        f"{checks['learners_with_two_claims']} learners with two claims, "
        f"{checks['learners_with_two_open_attempts']} with two open attempts"
    )
    over = [row["step"] for row in rows if row["p95_ms"] >= TARGET_P95_MS]
    one_each = checks["claims"] == checks["claims_with_one_issued_certificate"] == stats.claims
    print(
        f"target p95 < {TARGET_P95_MS:.0f} ms for every step: {'met' if not over else 'not met: ' + ', '.join(over)}; "
        f"errors 0: {'met' if not stats.errors else 'not met'}; "
        f"one issued certificate per claim: {'met' if one_each else 'not met'}"
    )
    write_results(
        "load.json",
        {
            "clinicians": args.clinicians,
            "duration_s": args.duration,
            "think_s": args.think,
            "ramp_s": args.ramp,
            "web_workers": args.web_workers,
            "modules_with_minimum_set_to_0": plan["modules_zeroed"],
            "elapsed_s": round(elapsed, 1),
            "requests": total,
            "requests_per_s": round(total / elapsed, 1) if elapsed else 0,
            "errors": stats.errors,
            "steps": rows,
            "journeys_started": stats.journeys_started,
            "journeys_completed": stats.journeys_completed,
            "claims_made": stats.claims,
            "claim_to_issued_s": sorted(round(v, 2) for v in stats.claim_to_issued),
            "database": checks,
        },
    )
    if stats.errors or not one_each:
        sys.exit(1)


if __name__ == "__main__":
    main()
