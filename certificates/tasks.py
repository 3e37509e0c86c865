"""Celery tasks for certificates (thin: take an id, call the service)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="certificates.render")
def certificate_render_task(certificate_id: str) -> None:
    from certificates.services import certificate_render

    certificate_render(certificate_id=certificate_id)
