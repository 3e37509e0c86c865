"""Certificates through a real Redis and real Celery worker processes, with faults: a worker child
killed mid-render, Redis down when the learner claims, and the same task delivered many times.

Whatever goes wrong, the learner sees no error page and ends with exactly one issued certificate:
one PDF with their name on it, one audit-log entry. The workers share this test's database (committed
data only, hence transactional tests) and a media directory on disk.
"""

from __future__ import annotations

import datetime
import os
import re
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db.models import F
from django.test import Client

from certificates.models import Certificate
from certificates.services import certificates_requeue_stale, render_lease
from certificates.tasks import certificate_render_task
from courses.models import CoursePage
from lms.accounts.models import User
from tests.certificates.journey import assert_each_claim_issued_once, claim_credit, status_shown
from tests.certificates.test_render_service import make_certificate
from tests.certificates.test_rendering import accredit, make_profile
from tests.factories import EVALUATION, publish, ready_to_claim
from tests.processes import logs_of
from tests.worker import CeleryWorker, RedisServer, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 30  # seconds for any one step, generously: a render takes a fraction of a second


def eligible_learner(course_factory: Callable[[], CoursePage]) -> tuple[Client, User, CoursePage]:
    """A physician, logged in, who finished every module and the evaluation of a published course."""
    course = publish(course_factory(), evaluation=EVALUATION)
    user = ready_to_claim(course, profile__full_name_for_certificate="Avery Q. Claimant")
    client = Client()
    client.force_login(user)
    return client, user, course


def assert_issued_once(client: Client, user: User, media_root: Path) -> Certificate:
    [certificate] = assert_each_claim_issued_once([(client, user)], media_root)
    return certificate


def test_a_claim_is_rendered_by_the_worker_and_downloads(
    course_factory: Callable[[], CoursePage], celery_worker: CeleryWorker, media_root: Path
) -> None:
    client, user, course = eligible_learner(course_factory)
    certificate = claim_credit(client, course)  # enqueued on commit, through Redis
    wait_until(
        lambda: status_shown(client, certificate) == "issued",
        step="the worker to issue the claimed certificate",
        timeout=TIMEOUT,
        logs=logs_of(celery_worker),
    )
    issued = assert_issued_once(client, user, media_root)
    assert issued.render_attempts == 1 and issued.record["learner_name"] == "Avery Q. Claimant"


def test_a_worker_killed_mid_render_still_issues_the_certificate_once(
    course_factory: Callable[[], CoursePage], start_workers: Callable[..., list[CeleryWorker]], media_root: Path
) -> None:
    [worker] = start_workers(render_delay=3)  # rendering sleeps 3 s first: time to kill it
    client, user, course = eligible_learner(course_factory)
    certificate = claim_credit(client, course)
    wait_until(
        lambda: status_shown(client, certificate) == "rendering",
        step="the worker to start rendering",
        timeout=TIMEOUT,
        logs=logs_of(worker),
    )
    [child] = worker.children()
    os.kill(child, signal.SIGKILL)

    # The worker replaces its child and, as the task rejects its message on worker loss, the message
    # comes back; that delivery finds the certificate still leased to the dead child and leaves it.
    def redelivered() -> bool:
        log = worker.log_text()
        received = re.findall(r"certificates\.render\[([0-9a-f-]+)\] received", log)
        return len(received) == 2 and received[0] == received[1] and log.count("] succeeded in") == 1

    wait_until(redelivered, step="the killed task to come back and finish", timeout=TIMEOUT, logs=logs_of(worker))
    assert "WorkerLostError" in worker.log_text()
    assert status_shown(client, certificate) == "rendering", "a killed render is neither failed nor issued"
    assert not list(media_root.rglob("*.pdf"))
    # The lease outlives the hard time limit (minutes): move its start back rather than wait, then
    # run what beat runs every minute.
    Certificate.objects.filter(pk=certificate.pk).update(
        render_started_at=F("render_started_at") - render_lease() - datetime.timedelta(seconds=1)
    )
    assert certificates_requeue_stale() == 1
    wait_until(
        lambda: status_shown(client, certificate) == "issued",
        step="the requeued task to reclaim the expired lease and issue the certificate",
        timeout=TIMEOUT,
        logs=logs_of(worker),
    )
    assert assert_issued_once(client, user, media_root).render_attempts == 2


def test_a_claim_made_while_redis_is_down_stands_and_is_issued_once_redis_is_back(
    course_factory: Callable[[], CoursePage],
    celery_worker: CeleryWorker,
    redis_server: RedisServer,
    media_root: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client, user, course = eligible_learner(course_factory)
    redis_server.stop()
    certificate = claim_credit(client, course)  # the enqueue fails after commit; the learner sees no error
    assert f"certificate {certificate.pk}: enqueue failed" in caplog.text
    assert status_shown(client, certificate) == "pending"
    assert client.get(f"/certificates/{certificate.pk}/").status_code == 200
    redis_server.start()  # same port, empty: the message was never sent
    # Beat's grace for a pending certificate (two minutes) passes.
    Certificate.objects.filter(pk=certificate.pk).update(created_at=F("created_at") - datetime.timedelta(minutes=3))
    assert certificates_requeue_stale() == 1
    wait_until(
        lambda: status_shown(client, certificate) == "issued",
        step="the worker, reconnected to the restarted Redis, to issue the requeued certificate",
        timeout=TIMEOUT,
        logs=logs_of(celery_worker),
    )
    assert assert_issued_once(client, user, media_root).render_attempts == 1


def test_the_same_task_delivered_ten_times_to_two_workers_issues_one_certificate(
    course_factory: Callable[[], CoursePage], start_workers: Callable[..., list[CeleryWorker]], media_root: Path
) -> None:
    workers = start_workers(2)
    profile = make_profile("physician")
    certificate = make_certificate(accredit(course_factory()), profile)  # pending, no task yet
    for _ in range(10):
        certificate_render_task.delay(str(certificate.pk))

    def finished() -> int:
        return sum(worker.log_text().count("] succeeded in") for worker in workers)

    wait_until(
        lambda: finished() == 10,
        step="both workers to finish all ten deliveries",
        timeout=TIMEOUT,
        logs=logs_of(*workers),
    )
    client = Client()
    client.force_login(profile.user)
    issued = assert_issued_once(client, profile.user, media_root)
    assert issued.render_attempts == 1, "only one delivery claimed the row"
