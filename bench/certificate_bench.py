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
import secrets
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import first_course, users_create  # noqa: E402
from bench.harness.figures import Machine, percentile, verdict, write_results  # noqa: E402
from bench.harness.stack import BenchStack, add_database_option, bench_stack  # noqa: E402
from tests.worker import tail  # noqa: E402

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


def learners_create(course: CoursePage, count: int, prefix: str) -> list[Learner]:
    """COUNT learners enrolled in COURSE, with profiles cycling through PEOPLE, in bulk."""
    from courses.models import Enrollment
    from lms.accounts.models import ClinicianProfile

    users = users_create(prefix, range(count), first_name="Bench", last_name="Clinician")
    ClinicianProfile.objects.bulk_create(
        ClinicianProfile(user=user, **PEOPLE[n % len(PEOPLE)]) for n, user in enumerate(users)
    )
    Enrollment.objects.bulk_create(Enrollment(user=user, course=course) for user in users)
    profiles = {p.user_id: p for p in ClinicianProfile.objects.filter(user__in=users)}
    enrollments = {e.user_id: e for e in Enrollment.objects.filter(user__in=users, course=course)}
    return [Learner(user.pk, profiles[user.pk], enrollments[user.pk]) for user in users]


def record_for(course: CoursePage, profile: ClinicianProfile) -> tuple[str, dict[str, Any]]:
    from certificates.services import certificate_record
    from courses.pathway import credit_type_for

    credit_type = credit_type_for(profile.profession)
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


def measure_drain(course: CoursePage, count: int, stack: BenchStack) -> dict[str, Any]:
    from certificates.models import Certificate, CertificateStatus
    from certificates.tasks import certificate_render_task

    ids = pending_certificates_create(course, learners_create(course, count, "bench-drain"))
    for certificate_id in ids:
        certificate_render_task.delay(certificate_id)
    started = time.time()
    worker = stack.start_worker()
    deadline = time.monotonic() + max(120, count)  # a generous 1 s a certificate
    queryset = Certificate.objects.filter(pk__in=ids)
    while True:
        issued = queryset.filter(status=CertificateStatus.ISSUED).count()
        failed = queryset.filter(status=CertificateStatus.FAILED).count()
        if issued + failed == count:
            break
        if worker.process is None or worker.process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the drain stopped at {issued} of {count} issued:\n{tail(worker.log_path, 40)}")
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


def report(figures: dict[str, Any]) -> None:
    r, d, lat = figures["render"], figures["drain"], figures["latency"]
    print(
        f"\nCertificates: WeasyPrint {figures['weasyprint']}, {figures['database']}, Redis broker, "
        f"one Celery worker with 2 processes, {figures['cores']} cores"
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
    add_database_option(parser)
    args = parser.parse_args()

    with bench_stack("antidote-certificates-", database=args.database, redis="required") as stack:
        stack.seed(static=False)
        stack.use_in_this_process()
        import weasyprint

        course = first_course()
        machine = Machine()
        figures = {
            "date": machine.date,
            "weasyprint": weasyprint.__version__,
            "database": stack.database_label,
            "cores": machine.cores,
            "render": measure_rendering(course, args.renders, args.warmup),
            "drain": measure_drain(course, args.certificates, stack),
            "latency": measure_latency(course, args.claims, args.spacing),
        }
    report(figures)
    write_results("certificates.json", figures)


if __name__ == "__main__":
    main()
