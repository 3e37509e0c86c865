"""Reports benchmark: the completions report's first page and its full CSV export at 10k and 100k rows.

    make bench     (or: .venv/bin/python bench/reports_bench.py [--rows 10000 100000] [--requests 30])

Sets up a throwaway PostgreSQL cluster (tests/throwaway_postgres.py; --database sqlite for a SQLite
file), migrates it, seeds the demo courses, starts Redis for the cache and sessions (as in
production) when redis-server is installed, and signs in an administrator. Then, for each size,
it tops the database up with completions created in bulk (a learner, profile, enrollment, a
submitted post-test, a claim and an issued certificate each, spread over the demo courses) and
measures, in this process through Django's test client (the whole middleware stack, the
production settings, no HTTP server):

1. The completions report's first page (/admin/antidote-reports/completions/): p50/p95 over
   --requests requests after a warm-up, and the SQL queries one request costs.
2. The full CSV export (?export=csv, every row): the time to consume the whole streamed body and
   how far the process's peak RSS rose above its RSS before the export (Linux's VmHWM, reset
   first), then, in a second export, the peak of Python's allocations while streaming
   (tracemalloc; not in the timed run, since tracing slows Python down several times).

Targets: page p95 under 300 ms; CSV export under 10 s and under 100 MB at 100k rows,
memory flat in the number of rows. Prints a table and writes bench/results/reports.json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import users_create  # noqa: E402
from bench.harness.figures import Machine, percentile, verdict, write_results  # noqa: E402
from bench.harness.stack import add_database_option, bench_stack  # noqa: E402

TARGET_PAGE_P95_MS = 300.0
TARGET_EXPORT_S = 10.0
TARGET_EXPORT_MB = 100.0
BATCH = 5000
PROFESSIONS = [
    {"degree": "MD", "profession": "physician"},
    {"degree": "RN", "profession": "nurse"},
    {"degree": "NP", "profession": "nurse_practitioner"},
    {"degree": "PA", "profession": "physician_assistant"},
]
STATES = ["MA", "NY", "CA", "TX", "OH", "WA"]


def seed_completions(start: int, count: int) -> None:
    """Learners start..start+count-1, each with a completed, certified course; bulk_create in batches."""
    from django.utils import timezone

    from certificates.models import Certificate, CertificateStatus, CreditClaim
    from courses.models import CoursePage, CreditType, Enrollment
    from lms.accounts.models import ClinicianProfile
    from quizzes.models import AttemptStatus, QuizAttempt, QuizKind

    courses = list(CoursePage.objects.live().order_by("path"))
    base = timezone.now() - timedelta(days=400)
    for batch_start in range(start, start + count, BATCH):
        numbers = range(batch_start, min(batch_start + BATCH, start + count))
        users = users_create("bench", numbers, first_name="Bench", last_name="Learner")
        ClinicianProfile.objects.bulk_create(
            ClinicianProfile(
                user=user,
                full_name_for_certificate=f"Bench Learner {n}",
                licence_state=STATES[n % len(STATES)],
                licence_number=f"L-{n}",
                **PROFESSIONS[n % len(PROFESSIONS)],
            )
            for n, user in zip(numbers, users, strict=True)
        )
        enrollments = Enrollment.objects.bulk_create(
            Enrollment(user=user, course=courses[n % len(courses)], enrolled_at=base + timedelta(minutes=n))
            for n, user in zip(numbers, users, strict=True)
        )
        QuizAttempt.objects.bulk_create(
            QuizAttempt(
                user_id=e.user_id,
                enrollment=e,
                page_id=e.course_id,
                kind=QuizKind.POST,
                number=1,
                max_attempts=0,
                status=AttemptStatus.SUBMITTED,
                started_at=e.enrolled_at + timedelta(hours=1),
                submitted_at=e.enrolled_at + timedelta(hours=1, minutes=10),
                snapshot={"questions": []},
                score=Decimal(70 + e.user_id % 31),
                passed=True,
            )
            for e in enrollments
        )
        claims = CreditClaim.objects.bulk_create(
            CreditClaim(
                enrollment=e,
                user_id=e.user_id,
                course_id=e.course_id,
                credit_type=CreditType.AMA_PRA_1,
                credits=Decimal("1.00"),
                attested_at=e.enrolled_at + timedelta(hours=2),
            )
            for e in enrollments
        )
        Certificate.objects.bulk_create(
            Certificate(
                claim=c,
                user_id=c.user_id,
                course_id=c.course_id,
                credit_type=c.credit_type,
                status=CertificateStatus.ISSUED,
                record={},
                created_at=c.attested_at,
                issued_at=c.attested_at + timedelta(seconds=5),
            )
            for c in claims
        )


def measure_page(client: Any, url: str, requests: int) -> dict[str, Any]:
    from django.db import connection

    for _ in range(3):  # warm-up
        assert client.get(url, secure=True).status_code == 200
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url, secure=True)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": len(queries),
    }


def consume_export(client: Any, url: str) -> tuple[int, int]:
    response = client.get(url, {"export": "csv"}, secure=True)
    assert response.status_code == 200 and response.streaming
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return size, lines - 1  # the heading line


def rss_kib(field: str) -> int | None:
    """VmRSS (now) or VmHWM (peak since the last reset) from /proc, in KiB; None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> bool:
    """Linux resets VmHWM to the current RSS when "5" is written to clear_refs."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure_export(client: Any, url: str, expected_rows: int) -> dict[str, Any]:
    rss_before = rss_kib("VmRSS") if reset_peak_rss() else None
    started = time.perf_counter()
    size, rows = consume_export(client, url)
    seconds = time.perf_counter() - started
    peak = rss_kib("VmHWM")
    rss_growth = None if rss_before is None or peak is None else round((peak - rss_before) / 1024, 1)
    if rows != expected_rows:
        raise SystemExit(f"the export had {rows} rows, expected {expected_rows}")
    tracemalloc.start()
    consume_export(client, url)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": rows,
        "seconds": round(seconds, 2),
        "mb": round(size / 1e6, 1),
        "peak_traced_mb": round(traced_peak / 1e6, 1),
        "peak_rss_growth_mb": rss_growth,
    }


def report(figures: dict[str, Any]) -> None:
    print()
    print(f"Completions report ({figures['database']}, {figures['cores']} cores, {figures['date']})")
    header = (
        "| rows | page p50 ms | page p95 ms | SQL/page | CSV export s | CSV MB | peak traced MB | peak RSS growth MB |"
    )
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for size in figures["sizes"]:
        p, e = size["page"], size["export"]
        print(
            f"| {size['rows']:,} | {p['p50_ms']} | {p['p95_ms']} | {p['queries']} | {e['seconds']} | {e['mb']} "
            f"| {e['peak_traced_mb']} | {e['peak_rss_growth_mb']} |"
        )
    largest = figures["sizes"][-1]
    print()
    print(
        f"- First page p95 under {TARGET_PAGE_P95_MS:.0f} ms at {largest['rows']:,}: "
        f"{verdict(largest['page']['p95_ms'] < TARGET_PAGE_P95_MS)} ({largest['page']['p95_ms']} ms)"
    )
    print(
        f"- Full CSV export under {TARGET_EXPORT_S:.0f} s at {largest['rows']:,}: "
        f"{verdict(largest['export']['seconds'] < TARGET_EXPORT_S)} ({largest['export']['seconds']} s)"
    )
    print(
        f"- Peak memory under {TARGET_EXPORT_MB:.0f} MB at {largest['rows']:,}: "
        f"{verdict(largest['export']['peak_traced_mb'] < TARGET_EXPORT_MB)} "
        f"({largest['export']['peak_traced_mb']} MB traced)"
    )
    print(
        f"({figures['requests']} timed page requests after 3 warm-ups; each export consumed whole, "
        "untraced for the time, traced for the memory.)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000], help="sizes, ascending")
    parser.add_argument("--requests", type=int, default=30, help="timed first-page requests per size")
    add_database_option(parser)
    args = parser.parse_args()

    with bench_stack("antidote-reports-", database=args.database, redis="if installed") as stack:
        stack.seed(static=True)  # static: the manifest the admin pages need
        stack.use_in_this_process()
        from django.test import Client
        from django.urls import reverse

        from tests.factories import staff_user

        client = Client()
        client.force_login(staff_user("administrator", email="bench-admin@antidote.example"))
        url = reverse("certificate_reports:completions")

        machine = Machine()
        figures: dict[str, Any] = {
            "date": machine.date,
            "database": stack.database_label,
            "cores": machine.cores,
            "requests": args.requests,
            "sizes": [],
        }
        seeded = 0
        for rows in args.rows:
            started = time.perf_counter()
            seed_completions(seeded, rows - seeded)
            seeded = rows
            if args.database == "postgres":
                from django.db import connection

                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            print(f"seeded {rows:,} completions in {time.perf_counter() - started:.0f} s", flush=True)
            figures["sizes"].append(
                {
                    "rows": rows,
                    "page": measure_page(client, url, args.requests),
                    "export": measure_export(client, url, rows),
                }
            )
    report(figures)
    write_results("reports.json", figures)


if __name__ == "__main__":
    main()
