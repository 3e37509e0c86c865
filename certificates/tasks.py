"""Celery tasks for certificates (thin: take an id, call the service).

Each task imports its service in its body: certificates.services imports these tasks at the top to
enqueue them, so a top-level import here would be a cycle (as the Django Styleguide does it).
"""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task


class CertificateRenderTask(Task):
    """Marks the certificate failed once its retries are spent (a retry does not reach on_failure)."""

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        from certificates.services import certificate_mark_failed

        certificate_id = kwargs.get("certificate_id") or args[0]
        certificate_mark_failed(certificate_id=str(certificate_id), error=f"{type(exc).__name__}: {exc}")


@shared_task(
    bind=True,
    base=CertificateRenderTask,
    name="certificates.render",
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
    acks_late=True,
    reject_on_worker_lost=True,
)
def certificate_render_task(self: Task, certificate_id: str) -> None:
    from certificates.services import certificate_render

    certificate_render(certificate_id=certificate_id)


@shared_task(name="certificates.requeue_stale")
def certificates_requeue_stale_task() -> int:
    from certificates.services import certificates_requeue_stale

    return certificates_requeue_stale()
