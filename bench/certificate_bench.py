"""Certificate benchmark: render time, a queue of certificates drained by Celery, claim-to-issued latency.

    make bench     (or: .venv/bin/python bench/certificate_bench.py [--renders 40] [--certificates 500])

Sets up a throwaway PostgreSQL cluster (tests/throwaway_postgres.py; --database sqlite for a
SQLite file instead), migrates it, seeds the demo courses and starts Redis as the Celery broker.
Then, in this order:

1. Render time, in this process: render_certificate_pdf on records built with
   certificate_record (a physician, a nurse, a pharmacist and a physician assistant in turn, so
   all three certificate wordings count) beside html_to_pdf("<p>Hello</p>"), the cheapest
   document WeasyPrint makes, interleaved after a warm-up. Median, p95 and the ratio of medians,
   and the median of the part before WeasyPrint (context with the QR code, and the template).
2. Drain: N pending certificates (learner, profile, enrollment, claim and certificate with its
   frozen record, created in bulk: this measures rendering, not eligibility), N
   certificate_render_task messages queued, then one `celery -A lms worker --concurrency 2` as
   in the Procfile: two worker processes. Certificates/s from the worker's start to the last one
   issued (startup included), and from the first issued to the last.
3. Latency, with that worker idle: claims written like credit_claim_create writes them (claim and
   certificate in one transaction, the task enqueued on commit), one every --spacing seconds,
   each polled every 10 ms until issued. p50/p95 from the start of the claim's transaction.

Prints a table and writes bench/results/certificates.json. Emails go to Django's dummy backend.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run by path: bench.pg, tests.throwaway_postgres and the apps import from ROOT
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from courses.models import CoursePage, Enrollment
    from lms.accounts.models import ClinicianProfile

TARGET_RATIO = 2.0  # certificate render at most 2x the one-line document
TARGET_MEDIAN_MS = 40.0
TARGET_DRAIN_PER_S = 20.0
TARGET_LATENCY_P95_S = 1.5

# One of each certificate wording: AMA credit, nursing contact hours, the pharmacist's statement of
# participation, and a certificate of participation.
PEOPLE: list[dict[str, Any]] = [
    {"full_name_for_certificate": "Jordan A. Rivera", "degree": "MD", "profession": "physician"},
    {"full_name_for_certificate": "Priya N. Shah", "degree": "RN", "profession": "nurse"},
    {
        "full_name_for_certificate": "Morgan T. Ellis",
        "degree": "PharmD",
        "profession": "pharmacist",
        "nabp_eprofile_id": "1234567",
        "birth_month": 4,
        "birth_day": 17,
    },
    {
        "full_name_for_certificate": "Alexandra Konstantinidou-Whitfield",  # long: the smaller type
        "degree": "PA",
        "profession": "physician_assistant",
    },
]


@dataclass
class Learner:
    user_id: int
    profile: ClinicianProfile
    enrollment: Enrollment


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least SHARE of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


def tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def start_redis(workdir: Path, stack: contextlib.ExitStack) -> str:
    import redis

    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    stack.callback(stop)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + 10
    while True:
        with contextlib.suppress(redis.ConnectionError):
            if client.ping():
                return url
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("redis-server did not start")
        time.sleep(0.05)


def start_worker(env: dict[str, str], log_path: Path, stack: contextlib.ExitStack) -> subprocess.Popen[bytes]:
    """The Procfile's worker: one `celery worker`, a prefork pool of 2 processes."""
    command = [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool", "prefork", "--concurrency", "2"]
    command += ["--loglevel", "INFO", "--hostname", "bench@%h", "--without-gossip", "--without-mingle"]
    command += ["--without-heartbeat"]
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop() -> None:
        process.send_signal(signal.SIGTERM)  # warm shutdown: the pool is idle by now
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the worker's own process group (start_new_session)
            process.wait()

    stack.callback(stop)
    return process


def learners_create(course: CoursePage, count: int, prefix: str) -> list[Learner]:
    """COUNT learners enrolled in COURSE, with profiles cycling through PEOPLE, in bulk."""
    from courses.models import Enrollment
    from lms.accounts.models import ClinicianProfile, User

    User.objects.bulk_create(
        User(
            email=f"{prefix}-{n}@antidote.example",
            first_name="Bench",
            last_name=f"Clinician {n}",
            password="!" + secrets.token_urlsafe(30),  # unusable
        )
        for n in range(count)
    )
    users = list(User.objects.filter(email__startswith=f"{prefix}-").order_by("pk"))
    ClinicianProfile.objects.bulk_create(
        ClinicianProfile(user=user, **PEOPLE[n % len(PEOPLE)]) for n, user in enumerate(users)
    )
    Enrollment.objects.bulk_create(Enrollment(user=user, course=course) for user in users)
    profiles = {p.user_id: p for p in ClinicianProfile.objects.filter(user__in=users)}
    enrollments = {e.user_id: e for e in Enrollment.objects.filter(user__in=users, course=course)}
    return [Learner(user.pk, profiles[user.pk], enrollments[user.pk]) for user in users]


def record_for(course: CoursePage, profile: ClinicianProfile) -> tuple[str, dict[str, Any]]:
    from certificates.selectors import credit_type_for
    from certificates.services import certificate_record

    credit_type = credit_type_for(profile)
    record = certificate_record(
        profile=profile,
        course=course,
        credit_type=credit_type,
        credits=Decimal("1.00"),
        completed_on="2026-11-26",
    )
    return credit_type, record


def measure_rendering(course: CoursePage, renders: int, warmup: int) -> dict[str, Any]:
    from django.template.loader import render_to_string

    from certificates.rendering import TEMPLATE, certificate_context, html_to_pdf, render_certificate_pdf
    from lms.accounts.models import ClinicianProfile

    records = [record_for(course, ClinicianProfile(**person))[1] for person in PEOPLE]

    def arguments(n: int) -> dict[str, Any]:
        return {
            "record": records[n % len(records)],
            "certificate_id": str(uuid.uuid4()),
            "short_code": "ABCDE-FGHJK",
            "verify_url": f"https://ce.example.org/verify/{secrets.token_urlsafe(24)}/",
        }

    def certificate(n: int) -> float:
        given = arguments(n)
        started = time.perf_counter()
        pdf = render_certificate_pdf(**given)
        elapsed = time.perf_counter() - started
        assert pdf.startswith(b"%PDF")  # noqa: S101 (a broken render would time nothing)
        return elapsed * 1000

    def html_only(n: int) -> float:
        """The part before WeasyPrint: the context (with the QR code) and the template."""
        given = arguments(n)
        started = time.perf_counter()
        render_to_string(TEMPLATE, certificate_context(**given))
        return (time.perf_counter() - started) * 1000

    def one_line() -> float:
        started = time.perf_counter()
        html_to_pdf("<p>Hello</p>")
        return (time.perf_counter() - started) * 1000

    for n in range(warmup):  # fonts, templates, the QR encoder
        certificate(n)
        one_line()
        html_only(n)
    certificates, one_lines, htmls = [], [], []
    for n in range(renders):  # interleaved, each first in turn, so drift and caches hit both alike
        if n % 2:
            certificates.append(certificate(n))
            one_lines.append(one_line())
        else:
            one_lines.append(one_line())
            certificates.append(certificate(n))
        htmls.append(html_only(n))
    return {
        "renders": renders,
        "certificate_median_ms": statistics.median(certificates),
        "certificate_p95_ms": percentile(certificates, 0.95),
        "one_line_median_ms": statistics.median(one_lines),
        "one_line_p95_ms": percentile(one_lines, 0.95),
        "ratio": statistics.median(certificates) / statistics.median(one_lines),
        "html_median_ms": statistics.median(htmls),
    }


def pending_certificates_create(course: CoursePage, learners: list[Learner]) -> list[str]:
    from certificates.models import Certificate, CreditClaim

    claims = []
    records = []
    for learner in learners:
        credit_type, record = record_for(course, learner.profile)
        records.append((credit_type, record))
        claims.append(
            CreditClaim(
                enrollment=learner.enrollment,
                user_id=learner.user_id,
                course=course,
                credit_type=credit_type,
                credits=Decimal("1.00"),
            )
        )
    claims = CreditClaim.objects.bulk_create(claims)
    certificates = Certificate.objects.bulk_create(
        Certificate(claim=claim, user_id=claim.user_id, course=course, credit_type=credit_type, record=record)
        for claim, (credit_type, record) in zip(claims, records, strict=True)
    )
    return [str(c.pk) for c in certificates]


def measure_drain(
    course: CoursePage, count: int, env: dict[str, str], workdir: Path, stack: contextlib.ExitStack
) -> dict[str, Any]:
    from certificates.models import Certificate, CertificateStatus
    from certificates.tasks import certificate_render_task

    ids = pending_certificates_create(course, learners_create(course, count, "bench-drain"))
    for certificate_id in ids:
        certificate_render_task.delay(certificate_id)
    log_path = workdir / "worker.log"
    started = time.time()
    worker = start_worker(env, log_path, stack)
    deadline = time.monotonic() + max(120, count)  # a generous 1 s a certificate
    queryset = Certificate.objects.filter(pk__in=ids)
    while True:
        issued = queryset.filter(status=CertificateStatus.ISSUED).count()
        failed = queryset.filter(status=CertificateStatus.FAILED).count()
        if issued + failed == count:
            break
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the drain stopped at {issued} of {count} issued:\n{tail(log_path)}")
        time.sleep(0.1)
    issued_at = queryset.exclude(issued_at=None).values_list("issued_at", flat=True)
    stamps = sorted(t.timestamp() for t in issued_at if t is not None)
    return {
        "certificates": count,
        "issued": issued,
        "failed": failed,
        "seconds": stamps[-1] - started,
        "per_second": issued / (stamps[-1] - started),
        "first_issued_after_s": stamps[0] - started,
        "steady_per_second": (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0,
    }


def measure_latency(course: CoursePage, claims: int, spacing: float) -> dict[str, Any]:
    from django.db import transaction

    from certificates.models import Certificate, CertificateStatus, CreditClaim
    from certificates.tasks import certificate_render_task

    learners = learners_create(course, claims, "bench-latency")
    outstanding: dict[str, float] = {}
    latencies: list[float] = []
    next_claim = time.monotonic()
    made = 0
    deadline = time.monotonic() + claims * spacing + 60
    while made < claims or outstanding:
        if made < claims and time.monotonic() >= next_claim:
            learner = learners[made]
            credit_type, record = record_for(course, learner.profile)
            started = time.monotonic()
            with transaction.atomic():  # as credit_claim_create writes it
                claim = CreditClaim.objects.create(
                    enrollment=learner.enrollment,
                    user_id=learner.user_id,
                    course=course,
                    credit_type=credit_type,
                    credits=Decimal("1.00"),
                )
                certificate = Certificate.objects.create(
                    claim=claim, user_id=learner.user_id, course=course, credit_type=credit_type, record=record
                )
                certificate_id = str(certificate.pk)
                transaction.on_commit(lambda pk=certificate_id: certificate_render_task.delay(pk))
            outstanding[certificate_id] = started
            made += 1
            next_claim += spacing
        if outstanding:
            done = Certificate.objects.filter(pk__in=list(outstanding), status__in=[CertificateStatus.ISSUED])
            for pk in done.values_list("pk", flat=True):
                latencies.append(time.monotonic() - outstanding.pop(str(pk)))
        if time.monotonic() > deadline:
            raise SystemExit(f"{len(outstanding)} claimed certificates were not issued in time")
        time.sleep(0.01)
    return {
        "claims": claims,
        "spacing_s": spacing,
        "p50_s": statistics.median(latencies),
        "p95_s": percentile(latencies, 0.95),
        "max_s": max(latencies),
    }


def verdict(met: bool, how: str) -> str:
    return f"{'met' if met else 'NOT met'} ({how})"


def report(figures: dict[str, Any]) -> None:
    r, d, lat = figures["render"], figures["drain"], figures["latency"]
    print(
        f"\nCertificates: WeasyPrint {figures['weasyprint']}, {figures['database']}, Redis broker, "
        f"one Celery worker with 2 processes, {os.cpu_count()} cores"
    )
    rows = [
        (
            "render, certificate",
            f"{r['certificate_median_ms']:.1f} ms median, {r['certificate_p95_ms']:.1f} ms p95",
            f"under {TARGET_MEDIAN_MS:.0f} ms median: "
            + verdict(r["certificate_median_ms"] < TARGET_MEDIAN_MS, f"{r['certificate_median_ms']:.1f} ms"),
        ),
        (
            "  of which context + HTML",
            f"{r['html_median_ms']:.1f} ms median (the QR code and the template; the rest is WeasyPrint)",
            "",
        ),
        (
            "render, one-line document",
            f"{r['one_line_median_ms']:.1f} ms median, {r['one_line_p95_ms']:.1f} ms p95",
            "",
        ),
        (
            "certificate / one-line",
            f"{r['ratio']:.2f}x (medians)",
            f"at most {TARGET_RATIO:.0f}x: " + verdict(r["ratio"] <= TARGET_RATIO, f"{r['ratio']:.2f}x"),
        ),
        (
            f"drain {d['certificates']} queued",
            f"{d['per_second']:.1f}/s from worker start ({d['seconds']:.1f} s); "
            f"{d['steady_per_second']:.1f}/s first to last issued",
            f"at least {TARGET_DRAIN_PER_S:.0f}/s: "
            + verdict(d["per_second"] >= TARGET_DRAIN_PER_S, f"{d['per_second']:.1f}/s"),
        ),
        (
            "claim to issued",
            f"{lat['p50_s']:.2f} s p50, {lat['p95_s']:.2f} s p95, {lat['max_s']:.2f} s max",
            f"p95 under {TARGET_LATENCY_P95_S} s: "
            + verdict(lat["p95_s"] < TARGET_LATENCY_P95_S, f"{lat['p95_s']:.2f} s"),
        ),
    ]
    for name, value, target in rows:
        print(f"{name:<28}{value:<66}{target}")
    print(
        f"({r['renders']} interleaved renders of each after a warm-up; the drain's {d['failed']} failed; "
        f"{lat['claims']} claims {lat['spacing_s'] * 1000:.0f} ms apart, polled every 10 ms.)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=40, help="timed renders of each document")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--certificates", type=int, default=500, help="queued certificates to drain")
    parser.add_argument("--claims", type=int, default=50, help="claims for the latency measure")
    parser.add_argument("--spacing", type=float, default=0.1, help="seconds between claims")
    default_database = "postgres" if list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) else "sqlite"
    parser.add_argument("--database", choices=["postgres", "sqlite"], default=default_database)
    args = parser.parse_args()
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed: `make bench` installs it (Debian package redis-server).")

    workdir = Path(tempfile.mkdtemp(prefix="antidote-certificates-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        if args.database == "postgres":
            from bench.pg import throwaway_database

            database_url = stack.enter_context(throwaway_database())
        else:
            database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        env = {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "EMAIL_URL": "dummymail://",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        env["REDIS_URL"] = start_redis(workdir, stack)
        os.environ.update(env)  # before django.setup(): the settings read them
        os.environ.pop("DEBUG", None)

        import django

        django.setup()
        import weasyprint
        from django.core.management import call_command

        from courses.models import CoursePage

        call_command("migrate", "--noinput", stdout=io.StringIO())
        call_command("seed_demo", "--no-users", stdout=io.StringIO())
        course = CoursePage.objects.live().order_by("path").first()
        if course is None:
            raise SystemExit("seed_demo published no course")
        figures = {
            "date": time.strftime("%Y-%m-%d"),
            "weasyprint": weasyprint.__version__,
            "database": "PostgreSQL" if args.database == "postgres" else "SQLite",
            "cores": os.cpu_count(),
            "render": measure_rendering(course, args.renders, args.warmup),
            "drain": measure_drain(course, args.certificates, {**os.environ}, workdir, stack),
            "latency": measure_latency(course, args.claims, args.spacing),
        }
    report(figures)
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "certificates.json").write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
