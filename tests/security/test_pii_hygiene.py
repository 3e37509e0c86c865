"""PII hygiene: a pharmacist's whole journey, from registration to the transcript, through the test
client, with every log record of every logger captured at every level. The NPI, license number,
NABP e-Profile ID and birth month/day must appear in no log record, no URL requested or redirected
to, and no cache entry; every answer that shows them must not be stored by caches
(Cache-Control: no-store, private).
"""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from certificates.models import Certificate, CertificateStatus
from certificates.tasks import certificate_render_task
from courses.models import CreditDesignation, CreditType, ModulePage
from quizzes.models import QuizAttempt
from tests.security.clock import Clock, moving_clock
from tests.security.world import World

PASSWORD = "naloxone-saves-lives-42"
NPI = "1003000126"  # a valid NPI (Luhn over 80840), found nowhere else in the data
LICENCE = "RPH-556677"
NABP_ID = "7654321"
BIRTH_MONTH, BIRTH_DAY = 10, 31
# Every way the birth month/day could be written.
BIRTH_FORMS = ["1031", "10/31", "10-31", "--10-31", "October 31"]
SECRETS = [NPI, LICENCE, NABP_ID, *BIRTH_FORMS]
RECORD_BOOKKEEPING = {
    "exc_info",
    "msg",
    "args",
    "created",
    "msecs",
    "relativeCreated",
    "process",
    "thread",
    "taskName",
    "lineno",
}


class CaptureEverything(logging.Handler):
    """Keeps every record: its message, its arguments, its traceback and any extra attributes."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def texts(self) -> Iterator[tuple[logging.LogRecord, str]]:
        formatter = logging.Formatter()
        for record in self.records:
            text = record.getMessage()
            if record.exc_info:
                text += "\n" + formatter.formatException(record.exc_info)
            # Every attribute but the record's own bookkeeping (times, process and thread ids): "1031"
            # would otherwise turn up by chance in a timestamp's milliseconds or a pid.
            text += "\n" + repr({k: v for k, v in vars(record).items() if k not in RECORD_BOOKKEEPING})
            text += "\n" + repr(record.args)
            yield record, text


@pytest.fixture
def every_log_record() -> Iterator[CaptureEverything]:
    """Root and every named logger at DEBUG for the test; loggers that do not propagate to the
    root (django.server, for one) get the handler themselves."""
    handler = CaptureEverything()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(handler)
    yield handler
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled
        logger.removeHandler(handler)


class Journey:
    """The test client, remembering every URL asked for and every redirect, and checking that each
    answer showing personal data is marked no-store."""

    def __init__(self) -> None:
        self.client = Client()
        self.urls: list[str] = []
        self.uncached_pii_pages: list[str] = []
        self.pii_pages: list[str] = []

    def _check(self, url: str, response: HttpResponse) -> HttpResponse:
        self.urls.append(url)
        if response.get("Location"):
            self.urls.append(response["Location"])
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if response.streaming:
            content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
            response.streaming_content = [content]  # type: ignore[attr-defined]
        else:
            content = response.content
        text = content.decode(errors="replace")
        if any(secret in text for secret in (NPI, LICENCE, NABP_ID)) or response.get("Content-Type", "").startswith(
            "application/pdf"
        ):
            self.pii_pages.append(url)
            directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
            if not {"no-store", "private"} <= directives:
                self.uncached_pii_pages.append(f"{url}: Cache-Control {response.get('Cache-Control')!r}")
        return response

    def get(self, url: str, **extra: Any) -> HttpResponse:
        return self._check(url, self.client.get(url, **extra))

    def post(self, url: str, data: dict[str, Any] | None = None) -> HttpResponse:
        return self._check(url, self.client.post(url, data or {}))


def answers(attempt: QuizAttempt) -> dict[str, Any]:
    return {"token": attempt.token, **{f"q-{q['id']}": q["correct"] for q in attempt.snapshot["questions"]}}


def take_quiz(journey: Journey, overview_url: str) -> None:
    assert journey.get(overview_url).status_code == 200
    started = journey.post(overview_url + "start/")
    assert started.status_code == 302, started.content.decode()[:500]
    attempt_url = started["Location"]
    assert journey.get(attempt_url).status_code == 200
    attempt = QuizAttempt.objects.get(pk=int(attempt_url.rstrip("/").split("/")[-1]))
    submitted = journey.post(attempt_url + "submit/", answers(attempt))
    assert submitted.status_code == 302
    assert journey.get(submitted["Location"]).status_code == 200


@pytest.fixture
def clock() -> Iterator[Clock]:
    with moving_clock() as moved:
        yield moved


def test_a_pharmacist_journey_leaves_no_personal_data_in_logs_urls_or_caches(
    world: World,
    db: None,
    every_log_record: CaptureEverything,
    clock: Clock,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    course = world.course
    CreditDesignation.objects.create(course=course, credit_type=CreditType.PARTICIPATION, max_credits=Decimal("1"))
    journey = Journey()

    # Register, confirm the address from the email, fill the profile.
    with django_capture_on_commit_callbacks(execute=True):
        registered = journey.post(
            "/accounts/register/",
            {
                "email": "pat.pharmacist@pharmacy.example",
                "first_name": "Pat",
                "last_name": "Quill",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert registered.status_code == 302
    link = re.search(r"https?://testserver(/accounts/confirm/[^\s/]+/)", mail.outbox[-1].body)
    assert link is not None
    journey.get(link.group(1))
    assert journey.post(link.group(1)).status_code == 302
    profile = {
        "full_name_for_certificate": "Pat Quill",
        "profession": "pharmacist",
        "degree": "PharmD",
        "npi": NPI,
        "licence_state": "OH",
        "licence_number": LICENCE,
        "nabp_eprofile_id": NABP_ID,
        "birth_month": str(BIRTH_MONTH),
        "birth_day": str(BIRTH_DAY),
        "pars_consent": "on",
    }
    # A mistake first (an impossible day): the page shows the rest back, and must not be cached.
    assert journey.post("/accounts/profile/", {**profile, "birth_day": "32"}).status_code == 400
    assert journey.post("/accounts/profile/", profile).status_code == 302
    shown = journey.get("/accounts/profile/")
    assert NPI in shown.content.decode() and LICENCE in shown.content.decode()

    # Enroll, disclosures, pre-test.
    assert journey.get(course.url).status_code == 200
    assert journey.post(f"/learn/courses/{course.pk}/enroll/").status_code == 302
    journey.get(f"/learn/courses/{course.pk}/disclosures/")
    assert journey.post(f"/learn/courses/{course.pk}/disclosures/", {"acknowledge": "yes"}).status_code == 302
    take_quiz(journey, f"/quizzes/{course.pk}/pre/")

    # Modules in order: read (the clock moves past the minimum time), the module quiz, complete.
    for module in world.modules:
        page: ModulePage = module
        assert journey.get(page.url).status_code == 200
        if page.quiz:
            take_quiz(journey, f"/quizzes/{page.pk}/module/")
        clock.advance(page.minimum_seconds + 1)
        assert journey.post(f"/learn/modules/{page.pk}/heartbeat/").status_code == 200
        completed = journey.post(f"/learn/modules/{page.pk}/complete/")
        assert completed.status_code == 302, completed.content.decode()[:500]

    # Post-test, evaluation, claim.
    take_quiz(journey, f"/quizzes/{course.pk}/post/")
    evaluation = journey.get(f"/learn/courses/{course.pk}/evaluation/")
    likert = re.findall(r'name="(e-[^"]+)" value="5"', evaluation.content.decode())
    assert likert, "no Likert item on the evaluation form"
    assert journey.post(f"/learn/courses/{course.pk}/evaluation/", dict.fromkeys(likert, "5")).status_code == 302
    assert journey.get(f"/certificates/claim/{course.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # enqueues the render (in-memory broker)
        claimed = journey.post(f"/certificates/claim/{course.pk}/", {"credits": "1.00", "attest": "yes"})
    assert claimed.status_code == 302

    # The worker's job, run in this process through Celery (eagerly), then the learner's pages.
    certificate = Certificate.objects.get(user__email="pat.pharmacist@pharmacy.example")
    certificate_render_task.apply(args=[str(certificate.pk)]).get()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    for url in (
        claimed["Location"],
        f"/certificates/{certificate.pk}/status.json",
        f"/certificates/{certificate.pk}/download/",
        "/transcript/",
        "/transcript/summary.pdf",
        "/dashboard/",
        "/quizzes/history/",
        f"/verify/{certificate.verification_token}/",
    ):
        assert journey.get(url).status_code == 200, url
    assert journey.post("/accounts/logout/").status_code == 302

    # The checks.
    assert len(every_log_record.records) > 10, "the log capture saw almost nothing: is it wired?"
    assert any(r.name.startswith("celery") for r in every_log_record.records), "no Celery record captured"
    assert any(r.name == "django.request" for r in every_log_record.records), "no django.request record captured"
    leaks = [
        f"{record.name} {record.levelname}: {text[:300]}"
        for record, text in every_log_record.texts()
        for secret in SECRETS
        if secret in text
    ]
    assert not leaks, "personal data in the logs:\n" + "\n".join(leaks)
    in_urls = [url for url in journey.urls for secret in SECRETS if secret in url]
    assert not in_urls, f"personal data in URLs: {in_urls}"
    assert "/accounts/profile/" in journey.pii_pages
    assert f"/certificates/{certificate.pk}/download/" in journey.pii_pages
    assert not journey.uncached_pii_pages, journey.uncached_pii_pages
    cached = [key for key, value in cache_contents() if any(secret.encode() in value for secret in SECRETS)]
    assert not cached, f"personal data in cache entries: {cached}"


def cache_contents() -> Iterator[tuple[str, bytes]]:
    """The raw (pickled) values in the local-memory test cache."""
    store: dict[str, bytes] = cache._cache  # type: ignore[attr-defined]
    for key, value in store.items():
        yield key, value if isinstance(value, bytes) else pickle.dumps(value)
