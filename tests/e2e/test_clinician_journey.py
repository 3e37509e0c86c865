"""A new clinician, in a real browser, from registration to a verified certificate on the transcript.

Register, confirm by the emailed link, fill the profile, enroll, acknowledge the disclosures, take
the pre-test, work through every module of a demo course (one module quiz failed, then passed, by
keyboard only on the desktop), pass the post-test, submit the evaluation, claim credit, wait on the
status page while a real Celery worker renders the certificate, download the PDF and read it, open
its verification link and see the MATE Act tracker. axe-core checks every page in every state the
journey reaches. The same journey runs again at a 375x667 phone viewport.

Only the clock is moved: a module's time is counted on the server, so instead of waiting minutes the
test gives the learner's ModuleProgress the time a reader would have spent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from certificates.models import Certificate, CertificateStatus
from courses.models import CoursePage, ModulePage, ModuleProgress
from quizzes.models import QuizAttempt
from tests.e2e.journey import DESKTOP, PHONE, Journey
from tests.worker import CeleryWorker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COURSE_SLUG = "overdose-prevention-in-opioid-prescribing"
PASSWORD = "naloxone-saves-lives-42"
NAME_ON_CERTIFICATE = "Casey Morgan Example"
VALID_NPI = "1245319599"
WORKER_TIMEOUT_MS = 30_000
# The phone journey saves fewer screenshots: the desktop one has every page.
PHONE_SHOTS = frozenset({"course", "module", "quiz", "certificate-issued", "transcript"})


def test_a_clinician_goes_from_registration_to_a_verified_certificate(
    live_server: Any, browser: Browser, certificate_worker: Callable[[], CeleryWorker]
) -> None:
    clinician_journey(browser, live_server.url, certificate_worker, name="clinician", viewport=DESKTOP, keyboard=True)


def test_the_same_clinician_journey_works_on_a_phone(
    live_server: Any, browser: Browser, certificate_worker: Callable[[], CeleryWorker]
) -> None:
    clinician_journey(
        browser,
        live_server.url,
        certificate_worker,
        name="clinician-phone",
        viewport=PHONE,
        keyboard=False,
        keep_shots=PHONE_SHOTS,
    )


def clinician_journey(
    browser: Browser,
    base_url: str,
    start_worker: Callable[[], CeleryWorker],
    *,
    name: str,
    viewport: dict[str, int],
    keyboard: bool,
    keep_shots: frozenset[str] | None = None,
) -> None:
    call_command("seed_demo", verbosity=0, no_users=True)
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    context = browser.new_context(viewport=viewport, base_url=base_url, accept_downloads=True, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(15_000)
    j = Journey(page=page, base_url=base_url, name=name, keep_shots=keep_shots)
    email = f"{name}@clinic.example"
    try:
        with j.step("public pages"):
            public_pages(j, course, modules[0])
        with j.step("register"):
            register(j, email)
        with j.step("confirm by the emailed link"):
            confirm_email(j)
        with j.step("fill the profile"):
            fill_profile(j)
        with j.step("enroll"):
            j.goto(course.url)
            j.accessible("course page, signed in, not enrolled")
            click_and_wait(page, page.get_by_role("button", name="Enroll in this course"))
            assert j.path() == f"/learn/courses/{course.pk}/disclosures/"
        with j.step("acknowledge the disclosures"):
            acknowledge_disclosures(j)
        with j.step("pre-test"):
            pretest(j)
        for index, module in enumerate(modules):
            with j.step(f"module {index + 1}: {module.title}"):
                take_module(j, module, first=index == 0, keyboard=keyboard)
        with j.step("post-test"):
            posttest(j, course)
        with j.step("evaluation"):
            evaluation(j)
        with j.step("claim credit"):
            claim(j)
        with j.step("wait on the status page while the worker renders"):
            certificate = wait_for_certificate(j, start_worker)
        with j.step("download the PDF"):
            download_pdf(j, certificate, course)
        with j.step("open the verification link"):
            verify(j, certificate)
        with j.step("transcript and MATE tracker"):
            transcript(j, course)
        j.finish()
    finally:
        print(f"{name}: {len(j.checked)} page states checked by axe in {j.axe_seconds:.1f} s; steps (s): {j.timings}")
        context.close()


def click_and_wait(page: Page, target: Locator) -> None:
    """Click something that loads a new page, and wait for that page."""
    with page.expect_navigation(wait_until="load"):
        target.click()


def attempt_on_page(j: Journey) -> QuizAttempt:
    match = re.search(r"/quizzes/attempts/(\d+)/", j.page.url)
    assert match, f"not on a quiz attempt page: {j.page.url}"
    return QuizAttempt.objects.get(pk=int(match.group(1)))


def choice_ids(attempt: QuizAttempt, *, right: bool) -> list[str]:
    """The input ids (as the form numbers them) of the right, or of one wrong, answer per question."""
    ids = []
    for question in attempt.snapshot["questions"]:
        field = f"q-{question['id']}"
        numbered = [(n, c["id"]) for n, c in enumerate(question["choices"], start=1)]
        if right:
            ids += [f"{field}-{n}" for n, choice in numbered if choice in question["correct"]]
        else:
            ids.append(next(f"{field}-{n}" for n, choice in numbered if choice not in question["correct"]))
    return ids


def answer_with_mouse(j: Journey, *, right: bool) -> QuizAttempt:
    attempt = attempt_on_page(j)
    for input_id in choice_ids(attempt, right=right):
        j.page.locator(f'label[for="{input_id}"]').click()  # USWDS hides the input itself
    click_and_wait(j.page, j.page.get_by_role("button", name="Submit answers"))
    return attempt


def answer_with_keyboard(j: Journey, *, right: bool = True) -> QuizAttempt:
    """Tab, Space, arrows and Enter only: skip link, each question in turn, then submit. Every stop
    shows a visible focus indicator."""
    page, attempt = j.page, attempt_on_page(j)
    chosen = set(choice_ids(attempt, right=right))
    page.keyboard.press("Tab")
    assert j.focus_visible()["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    for question in attempt.snapshot["questions"]:
        field = f"q-{question['id']}"
        ids = [f"{field}-{n}" for n in range(1, len(question["choices"]) + 1)]
        page.keyboard.press("Tab")
        focused = j.focus_visible()["element"]
        assert focused.startswith(f"input#{ids[0]}"), f"Tab reached {focused}, not the first choice of {field}"
        if question["type"] == "multiple_choice":
            for position, input_id in enumerate(ids):
                if input_id in chosen:
                    page.keyboard.press("Space")
                if position < len(ids) - 1:
                    page.keyboard.press("Tab")
                    j.focus_visible()
        else:
            [target] = [i for i in ids if i in chosen]
            if target == ids[0]:
                page.keyboard.press("Space")
            for _ in range(ids.index(target)):
                page.keyboard.press("ArrowDown")  # moves within the radio group and selects
            j.focus_visible()
        for input_id in ids:
            assert page.locator(f"#{input_id}").is_checked() == (input_id in chosen), f"{input_id} not as chosen"
    page.keyboard.press("Tab")
    assert j.focus_visible()["text"] == "Submit answers"
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    return attempt


def public_pages(j: Journey, course: CoursePage, module: ModulePage) -> None:
    j.goto("/")
    j.accessible("home page")
    j.screenshot("home")
    j.goto("/courses/")
    j.accessible("catalog")
    j.goto(course.url)
    j.accessible("course page, anonymous")
    j.screenshot("course")
    j.goto(module.url)
    j.accessible("module page, anonymous")
    j.goto("/tools/mme-calculator/")
    j.accessible("MME calculator")
    # With JavaScript the calculator answers in place, without loading a page.
    j.page.get_by_label("Total daily dose 1").fill("30")
    j.page.get_by_role("button", name="Calculate MME").click()
    expect(j.page.locator(".usa-error-message").first).to_be_visible()
    j.accessible("MME calculator, with errors")
    j.errors_tied_to_fields()
    j.page.get_by_label("Opioid 1").select_option(index=1)
    j.page.get_by_role("button", name="Calculate MME").click()
    expect(j.page.locator("[data-mme-result]")).to_contain_text("MME/day")
    j.accessible("MME calculator, result")
    j.goto("/verify/")
    j.accessible("verify form")
    j.page.get_by_label("Certificate code").fill("AAAAA-BBBBB")
    click_and_wait(j.page, j.page.get_by_role("button", name="Verify"))
    expect(j.page.get_by_text("No valid certificate matches")).to_be_visible()
    j.accessible("verify, no such certificate")
    j.goto("/accounts/login/")
    j.accessible("login")


def register(j: Journey, email: str) -> None:
    page = j.page
    j.goto("/")
    j.nav("Create an account")
    j.accessible("register")
    click_and_wait(page, page.get_by_role("button", name="Create account"))
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    j.accessible("register, with errors")
    j.errors_tied_to_fields()
    j.screenshot("register-errors")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("First name").fill("Casey")
    page.get_by_label("Last name").fill("Example")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Create account"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    j.accessible("confirmation sent")


def confirm_email(j: Journey) -> None:
    assert len(mail.outbox) == 1, f"{len(mail.outbox)} emails sent, expected one"
    link = re.search(r"https?://[^/\s]+(/accounts/confirm/[^\s/]+/)", mail.outbox[0].body)
    assert link, f"no confirmation link in: {mail.outbox[0].body}"
    j.goto(link.group(1))
    j.accessible("confirm email")
    click_and_wait(j.page, j.page.get_by_role("button", name="Confirm my email address"))
    expect(j.page.get_by_role("heading", level=1)).to_have_text("Your clinician profile")


def fill_profile(j: Journey) -> None:
    page = j.page
    j.accessible("profile, new")
    page.get_by_label("Full name for certificates").fill(NAME_ON_CERTIFICATE)
    page.get_by_label("Profession").select_option("physician")
    page.get_by_label("Degree").select_option("MD")
    page.get_by_label("License state").select_option("OH")
    page.get_by_label("License number").fill("OH-12345")
    page.get_by_label("NPI").fill("1234567890")  # wrong check digit
    click_and_wait(page, page.get_by_role("button", name="Save profile"))
    expect(page.get_by_role("alert")).to_contain_text("NPI")
    j.accessible("profile, with errors")
    j.errors_tied_to_fields()
    j.screenshot("profile-errors")
    page.get_by_label("NPI").fill(VALID_NPI)
    page.locator('label[for="id_pars_consent"]').click()
    click_and_wait(page, page.get_by_role("button", name="Save profile"))
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
    j.accessible("profile, saved")


def acknowledge_disclosures(j: Journey) -> None:
    page = j.page
    j.accessible("disclosures")
    click_and_wait(page, page.get_by_role("button", name="Continue to the first module"))
    expect(page.locator("#acknowledge-error")).to_have_text("Tick the box to continue.")
    j.accessible("disclosures, with an error")
    j.errors_tied_to_fields()
    page.locator('label[for="acknowledge"]').click()
    click_and_wait(page, page.get_by_role("button", name="Continue to the first module"))
    assert j.path().endswith("/pre/"), f"after the disclosures: {j.path()}"


def start_quiz(j: Journey, state: str) -> None:
    """From a quiz's overview page, start (or retry) an attempt."""
    j.accessible(f"{state} overview")
    click_and_wait(j.page, j.page.get_by_role("button", name=re.compile(r"^(Start the|Try again)")))
    expect(j.page.get_by_role("button", name="Submit answers")).to_be_visible()


def pretest(j: Journey) -> None:
    page = j.page
    start_quiz(j, "pre-test")
    j.accessible("pre-test in progress")
    j.screenshot("quiz")
    click_and_wait(page, page.get_by_role("button", name="Submit answers"))
    expect(page.locator("#quiz-error")).to_contain_text("not answered yet")
    j.accessible("pre-test, submitted unanswered")
    j.errors_tied_to_fields()
    answer_with_mouse(j, right=False)
    expect(page.get_by_role("heading", level=1)).to_contain_text("your result")
    j.accessible("pre-test review")
    click_and_wait(page, page.get_by_role("link", name="Back to the course"))


def take_module(j: Journey, module: ModulePage, *, first: bool, keyboard: bool) -> None:
    page = j.page
    if first:  # from the course page, after the pre-test
        j.accessible("course page, enrolled")
        click_and_wait(page, page.get_by_role("link", name=re.compile(r"^Start the next module")))
    assert j.path() == module.url, f"expected {module.url}, on {j.path()}"
    j.accessible(f"module page '{module.title}'")
    if first:
        j.screenshot("module")
    else:  # the reader's time, counted on the server, without waiting for it
        ModuleProgress.objects.filter(module=module).update(seconds=3600)
    if module.quiz:
        click_and_wait(page, page.get_by_role("link", name="Take the module quiz"))
        start_quiz(j, "module quiz")
        if first:
            j.accessible("module quiz in progress")
            answer_with_mouse(j, right=False)
            expect(page.get_by_role("status")).to_contain_text("Not passed")
            j.accessible("module quiz review, not passed")
            j.screenshot("quiz-review-failed")
            click_and_wait(page, page.get_by_role("link", name="Try again"))
            start_quiz(j, "module quiz, second attempt")
            if keyboard:
                answer_with_keyboard(j)
            else:
                answer_with_mouse(j, right=True)
        else:
            answer_with_mouse(j, right=True)
        expect(page.get_by_role("status")).to_contain_text("Passed")
        j.accessible("module quiz review, passed")
        click_and_wait(page, page.get_by_role("link", name="Back to the module"))
    complete = page.get_by_role("button", name="Mark this module complete")
    if first:  # too soon: refused with the time left, nothing changed
        click_and_wait(page, complete)
        expect(page.get_by_role("alert")).to_contain_text("more on it")
        j.accessible("module completion refused")
        ModuleProgress.objects.filter(module=module).update(seconds=3600)
        click_and_wait(page, page.get_by_role("link", name=re.compile("^Back to")))
        j.accessible(f"module page '{module.title}', minimum time spent")
    click_and_wait(page, complete)
    expect(page.get_by_role("status").first).to_contain_text("is complete")


def posttest(j: Journey, course: CoursePage) -> None:
    page = j.page
    assert j.path() == course.url, f"after the last module: {j.path()}"
    j.accessible("course page, all modules complete")
    click_and_wait(page, page.get_by_role("link", name=re.compile(r"^Take the post-test")))
    start_quiz(j, "post-test")
    j.accessible("post-test in progress")
    answer_with_mouse(j, right=True)
    expect(page.get_by_role("status")).to_contain_text("Passed")
    j.accessible("post-test review, passed")
    j.screenshot("quiz-review-passed", full_page=False)
    click_and_wait(page, page.get_by_role("link", name="Back to the course"))


def evaluation(j: Journey) -> None:
    page = j.page
    click_and_wait(page, page.get_by_role("link", name=re.compile(r"^Complete the evaluation")))
    j.accessible("evaluation")
    click_and_wait(page, page.get_by_role("button", name="Submit the evaluation"))
    expect(page.get_by_role("alert")).to_contain_text("Please answer the questions marked below")
    j.accessible("evaluation, with errors")
    j.errors_tied_to_fields()
    for fieldset in page.locator("fieldset").all():
        fieldset.locator("label.usa-radio__label").first.click()
    page.get_by_label("What will you change in your practice?").fill("Offer naloxone with every opioid prescription.")
    click_and_wait(page, page.get_by_role("button", name="Submit the evaluation"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Claim credit")


def claim(j: Journey) -> None:
    page = j.page
    j.accessible("claim")
    j.screenshot("claim")
    click_and_wait(page, page.get_by_role("button", name="Claim credit"))
    expect(page.get_by_role("alert")).to_contain_text("Tick the attestation")
    j.accessible("claim, with an error")
    page.locator('label[for="attest"]').click()
    click_and_wait(page, page.get_by_role("button", name="Claim credit"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your certificate")


def wait_for_certificate(j: Journey, start_worker: Callable[[], CeleryWorker]) -> Certificate:
    """Pending until the worker runs (it starts only now); then the live region changes in place."""
    page = j.page
    certificate = Certificate.objects.get(user__email__startswith=j.name + "@")
    assert certificate.status == CertificateStatus.PENDING
    region = page.locator("#certificate-status")
    assert region.get_attribute("aria-live") == "polite" and region.get_attribute("role") == "status"
    expect(region).to_contain_text("Preparing your certificate")
    j.accessible("certificate status, pending")
    j.screenshot("certificate-pending")
    page.evaluate("() => { window.antidoteSamePage = true; }")  # gone if the page reloads
    worker = start_worker()
    try:
        expect(region).to_contain_text("Your certificate is ready", timeout=WORKER_TIMEOUT_MS)
    except AssertionError as error:
        raise AssertionError(f"{error}\n{worker.log()}") from error
    assert page.evaluate("() => window.antidoteSamePage === true"), "the page reloaded: nothing was announced"
    expect(region).not_to_contain_text("Preparing")
    j.accessible("certificate status, issued")
    j.screenshot("certificate-issued")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ISSUED
    return certificate


def download_pdf(j: Journey, certificate: Certificate, course: CoursePage) -> None:
    with j.page.expect_download() as download_info:
        j.page.get_by_role("link", name="Download your certificate (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"antidote-certificate-{certificate.short_code}.pdf"
    pdf = download.path().read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
    for expected in (NAME_ON_CERTIFICATE, course.title, "AMA PRA Category 1 Credit", certificate.short_code):
        assert expected in text, f"{expected!r} is not in the certificate's text: {text[:800]}"


def verify(j: Journey, certificate: Certificate) -> None:
    page = j.page
    click_and_wait(page, page.get_by_role("link", name="its verification page"))
    assert j.path() == f"/verify/{certificate.verification_token}/"
    expect(page.get_by_role("status")).to_contain_text("Valid")
    expect(page.locator("dl")).to_contain_text(NAME_ON_CERTIFICATE)
    j.accessible("verify, valid")
    j.screenshot("verify-valid")


def transcript(j: Journey, course: CoursePage) -> None:
    page = j.page
    j.nav("Transcript")
    tracker = page.locator("section", has=page.get_by_role("heading", name="MATE Act training tracker"))
    expect(tracker).to_contain_text("1.25 of 8 hours from Antidote: 6.75 to go")
    expect(tracker.get_by_role("progressbar")).to_have_attribute("aria-valuenow", re.compile(r"^1[56]"))
    expect(page.get_by_role("table")).to_contain_text(course.title)
    j.accessible("transcript")
    j.screenshot("transcript")
    j.nav("My courses")
    j.accessible("dashboard, course complete")
    page.goto(j.url("/quizzes/history/"))
    j.accessible("quiz history")
