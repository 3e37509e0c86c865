"""An administrator, in the Wagtail admin: filters the completions report, exports it as CSV, revokes a
certificate with a reason; the public verification page then says revoked, and the audit log has it.

The two learners' certificates are made as a claim leaves them and rendered in-process by the real
render service (the clinician journey covers the worker); everything the administrator does goes
through the browser.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, expect
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateStatus
from certificates.services import certificate_render
from courses.models import CoursePage
from tests.certificates.test_render_service import make_certificate
from tests.certificates.test_rendering import make_profile
from tests.e2e.journey import DESKTOP, Journey
from tests.e2e.test_authoring_journey import admin_login
from tests.e2e.test_clinician_journey import COURSE_SLUG, click_and_wait
from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER_COURSE_SLUG = "buprenorphine-and-medications-for-oud"
REASON = "Claimed credit for an activity completed by a colleague (learner's own report)."


def issued(course: CoursePage, profession: str) -> Certificate:
    certificate = make_certificate(course, make_profile(profession))
    rendered = certificate_render(certificate_id=str(certificate.pk))
    assert rendered is not None and rendered.status == CertificateStatus.ISSUED
    return rendered


def test_an_administrator_filters_exports_and_revokes_and_the_verification_page_says_revoked(
    live_server: Any, browser: Browser, settings: Any
) -> None:
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("seed_demo", verbosity=0, no_users=True)
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    other = CoursePage.objects.get(slug=OTHER_COURSE_SLUG)
    kept, revoked = issued(other, "nurse"), issued(course, "physician")
    administrator = staff_user("administrator", first_name="Alex", last_name="Morgan")
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    j = Journey(page=page, base_url=live_server.url, name="administrator")
    try:
        with j.step("the public verification page says valid first"):
            j.goto(f"/verify/{revoked.verification_token}/")
            expect(page.get_by_role("status")).to_contain_text("Valid")
        with j.step("log in to the admin"):
            admin_login(j, administrator.email)
        with j.step("filter completions by course"):
            j.goto("/admin/antidote-reports/completions/")
            rows = page.locator("table.listing tbody tr")
            expect(rows).to_have_count(2)
            page.get_by_role("button", name="Show filters").click()
            page.get_by_role("button", name="Course").click()
            page.get_by_label("Course").select_option(label=course.title)
            page.wait_for_url(f"**/admin/antidote-reports/completions/?course={course.pk}*")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text(revoked.record["learner_name"])
            expect(rows.first).not_to_contain_text(kept.record["learner_name"])
            page.keyboard.press("Escape")
            j.screenshot("completions-filtered")
        with j.step("export the filtered completions as CSV"):
            page.get_by_role("button", name="Actions").click()
            with page.expect_download() as download_info:
                page.get_by_role("link", name="Download CSV").click()
            text = download_info.value.path().read_text(encoding="utf-8-sig")
            lines = list(csv.DictReader(io.StringIO(text)))
            assert [line["Learner"] for line in lines] == [revoked.record["learner_name"]], text
            assert lines[0]["Course"] == course.title
            assert ModelLogEntry.objects.filter(action="antidote.report.exported").count() == 1
        with j.step("revoke a certificate with a reason"):
            j.goto("/admin/antidote-reports/certificates/")
            row = page.locator("table.listing tbody tr", has_text=revoked.short_code)
            click_and_wait(page, row.get_by_role("link", name="Revoke"))
            click_and_wait(page, page.get_by_role("button", name="Revoke certificate"))  # no reason: refused
            expect(page.locator("main")).to_contain_text("This field is required")
            assert Certificate.objects.get(pk=revoked.pk).status == CertificateStatus.ISSUED
            page.get_by_label("Reason for revoking").fill(REASON)
            j.screenshot("revoke")
            click_and_wait(page, page.get_by_role("button", name="Revoke certificate"))
            expect(page.locator(".messages")).to_contain_text(f"Certificate {revoked.short_code} revoked.")
            assert Certificate.objects.get(pk=revoked.pk).status == CertificateStatus.REVOKED
            assert Certificate.objects.get(pk=kept.pk).status == CertificateStatus.ISSUED
        with j.step("the verification page says revoked"):
            verify = context.new_page()  # as anyone who scans the QR code would see it
            public = Journey(page=verify, base_url=live_server.url, name="administrator-verify")
            public.goto(f"/verify/{revoked.verification_token}/")
            expect(verify.get_by_role("status")).to_contain_text("Revoked")
            expect(verify.locator("main")).not_to_contain_text(REASON)
            public.accessible("verify, revoked")
            public.screenshot("revoked")
            j.checked += public.checked
            verify.close()
        with j.step("the audit log has the revocation"):
            page.get_by_role("button", name="Reports").click()
            click_and_wait(page, page.get_by_role("link", name="Audit log"))
            entry = page.locator("table.listing tbody tr", has_text="Certificate revoked").first
            expect(entry).to_contain_text(administrator.get_full_name())
            expect(entry).to_contain_text(REASON)
            j.screenshot("audit-log")
    finally:
        context.close()
