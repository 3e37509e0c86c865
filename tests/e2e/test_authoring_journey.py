"""A detailing specialist writes a module with a quiz in the Wagtail admin, previews it and submits it
to Clinical review; a clinical reviewer requests changes with a comment, the specialist reads it,
fixes the module and resubmits, the reviewer approves, and a clinician sees the new module.

Each person has a browser context of their own, as they would have a browser of their own.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from courses.models import CoursePage, ModulePage
from lms.accounts.roles import WORKFLOW_NAME
from tests.e2e.journey import DESKTOP, Journey
from tests.e2e.test_clinician_journey import COURSE_SLUG, click_and_wait
from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STAFF_PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's
TITLE = "Naloxone for people who use stimulants"
KEY_MESSAGE = "Fentanyl is in much of the stimulant supply: offer naloxone to people who use stimulants."
PROMPT = "People who use only stimulants have no need for naloxone."
COMMENT = "Cite the source of the claim about the stimulant supply in the explanation."
FIXED_EXPLANATION = "Fentanyl now contaminates much of the stimulant supply (CDC HAN, 2023)."


def test_a_specialist_writes_a_module_a_reviewer_rejects_then_approves_it_and_clinicians_see_it(
    live_server: Any, browser: Browser
) -> None:
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    modules_before = ModulePage.objects.child_of(course).live().count()
    specialist = staff_user("specialist", first_name="Sam", last_name="Okafor")
    reviewer = staff_user("reviewer", first_name="Priya", last_name="Nair")
    contexts: list[BrowserContext] = []

    def person(name: str) -> Journey:
        context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return Journey(page=page, base_url=live_server.url, name=f"authoring-{name}")

    s, r, c = person("specialist"), person("reviewer"), person("clinician")
    try:
        with s.step("specialist logs in to the admin"):
            admin_login(s, specialist.email)
        with s.step("specialist writes the module and its quiz"):
            module = write_module(s, course)
        with s.step("specialist previews the module"):
            preview(s)
        with s.step("specialist submits it to Clinical review"):
            workflow_action(s, "Submit to Clinical review")
            expect(s.page.locator(".messages")).to_contain_text("submitted for moderation")
            submitted = ModulePage.objects.get(pk=module.pk)
            assert not submitted.live
            # The workflow the roles migration attached to the whole tree.
            assert submitted.current_workflow_state.workflow.name == WORKFLOW_NAME
        with r.step("reviewer finds it awaiting review"):
            admin_login(r, reviewer.email)
            awaiting = r.page.locator("section, .w-panel", has_text="Awaiting your review").last
            expect(awaiting).to_contain_text(TITLE)
            r.screenshot("awaiting-review")
            click_and_wait(r.page, awaiting.get_by_role("link", name=TITLE).first)
        with r.step("reviewer requests changes with a comment"):
            request_changes(r)
            assert not ModulePage.objects.get(pk=module.pk).live
        with s.step("specialist reads the comment"):
            s.goto(f"/admin/pages/{module.pk}/workflow_history/")
            expect(s.page.locator("main")).to_contain_text("Needs changes", ignore_case=True)
            click_and_wait(s.page, s.page.get_by_role("link", name="Needs changes"))
            expect(s.page.locator("main")).to_contain_text(COMMENT)
            expect(s.page.locator("main")).to_contain_text(f"Rejected by {reviewer.get_full_name()}", ignore_case=True)
        with s.step("specialist fixes the module and resubmits"):
            s.goto(f"/admin/pages/{module.pk}/edit/")
            s.page.locator('[name="quiz-0-value-questions-0-value-explanation"]').fill(FIXED_EXPLANATION)
            s.page.locator('[name="quiz-0-value-questions-0-value-reference"]').fill("CDC Health Alert, 2023")
            workflow_action(s, re.compile(r"^Resubmit to "))
            expect(s.page.locator(".messages")).to_contain_text("submitted for moderation")
        with r.step("reviewer approves and publishes"):
            r.goto(f"/admin/pages/{module.pk}/edit/")
            workflow_action(r, "Approve and Publish")
            expect(r.page.locator(".messages")).to_contain_text(f"Page '{TITLE}' has been updated.")
            module.refresh_from_db()
            assert module.live
            [question] = module.quiz[0].value["questions"]
            assert question.value["explanation"] == FIXED_EXPLANATION
        with c.step("clinician sees the new module"):
            clinician_sees(c, course, module, modules_before)
    finally:
        for context in contexts:
            context.close()


def admin_login(j: Journey, email: str) -> None:
    j.goto("/admin/login/")
    j.page.get_by_label("Email address").fill(email)
    j.page.get_by_label("Password").fill(STAFF_PASSWORD)
    click_and_wait(j.page, j.page.get_by_role("button", name="Sign in"))
    assert j.path() == "/admin/", f"not signed in: {j.path()}"


def write_module(j: Journey, course: CoursePage) -> ModulePage:
    page = j.page
    j.goto(f"/admin/pages/{course.pk}/add_subpage/")
    if "/add_subpage/" in j.path():  # Wagtail skips the choice when a course allows one page type
        click_and_wait(page, page.get_by_role("link", name="Module page"))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Why and how to offer naloxone when the drug in use is a stimulant.")
    page.locator("#id_estimated_minutes").fill("10")
    body = page.locator('[data-contentpath="body"]')
    insert_block(page, body.locator("button.c-sf-add-button").first, "Key message", "body-0-value-text")
    page.locator('[name="body-0-value-text"]').fill(KEY_MESSAGE)
    quiz = page.locator('[data-contentpath="quiz"]')
    quiz.locator("button.c-sf-add-button").first.click()  # the quiz is the only block type: added at once
    page.locator('[name="quiz-0-value-passing_score"]').fill("100")
    insert_block(
        page,
        quiz.locator('[data-contentpath="questions"] button.c-sf-add-button').first,
        "True or false",
        "quiz-0-value-questions-0-value-prompt",
    )
    page.locator('[name="quiz-0-value-questions-0-value-prompt"]').fill(PROMPT)
    page.locator('[name="quiz-0-value-questions-0-value-answer"]').select_option("false")
    page.locator('[name="quiz-0-value-questions-0-value-explanation"]').fill("Fentanyl is in the stimulant supply.")
    click_and_wait(page, page.get_by_role("button", name="Save draft"))
    expect(page.locator(".messages")).to_contain_text("created")
    j.screenshot("editor")
    module = ModulePage.objects.get(title=TITLE)
    assert not module.live and module.get_parent().pk == course.pk
    assert j.path() == f"/admin/pages/{module.pk}/edit/"
    return module


def insert_block(page: Page, add_button: Locator, block: str, field_name: str) -> None:
    """Add a StreamField block from Wagtail's block picker and wait for its first field.

    A click that lands while the picker is still opening is sometimes lost (seen on a busy
    machine): the picker stays open and nothing is added. Then the option is clicked again."""
    field = page.locator(f'[name="{field_name}"]')
    option = page.get_by_role("option", name=block)
    for _ in range(3):
        if field.is_visible():
            return
        if not option.is_visible():
            add_button.click()
        option.click()
        try:
            field.wait_for(state="visible", timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"the block picker did not add a '{block}' block")


def preview(j: Journey) -> None:
    """Wagtail's preview panel renders the draft with the learner-facing template."""
    j.page.get_by_role("button", name="Toggle preview").click()
    frame = j.page.frame_locator("iframe[src*='/preview/']")
    expect(frame.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(frame.locator("body")).to_contain_text(KEY_MESSAGE)
    j.screenshot("preview")
    j.page.get_by_role("button", name="Toggle preview").click()


def workflow_action(j: Journey, name: str | re.Pattern[str]) -> None:
    """An action from the editor's footer menu (submit, resubmit, approve)."""
    page = j.page
    page.get_by_role("button", name="More actions").click()
    click_and_wait(page, page.get_by_role("button", name=name))


def request_changes(j: Journey) -> None:
    page = j.page
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Request changes").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    j.screenshot("request-changes")
    click_and_wait(page, dialog.get_by_role("button", name="Request changes"))
    expect(page.locator(".messages")).to_be_visible()


def clinician_sees(j: Journey, course: CoursePage, module: ModulePage, modules_before: int) -> None:
    """Published: the public module page shows the text; a signed-in clinician finds it in the course."""
    page = j.page
    j.goto(module.url)
    expect(page.locator("main")).to_contain_text(KEY_MESSAGE)
    j.accessible("the new module, public")
    j.screenshot("new-module")
    j.goto("/accounts/login/")
    page.get_by_label("Email address").fill("clinician@antidote.example")
    page.get_by_label("Password").fill("demo-clinician-2026")
    click_and_wait(page, page.get_by_role("button", name="Log in"))
    j.goto(course.url)
    modules = page.get_by_role("list", name="Modules").get_by_role("listitem")
    expect(modules).to_have_count(modules_before + 1)
    expect(modules.last).to_contain_text(TITLE)
    j.accessible("course page with the new module")
    click_and_wait(page, modules.last.get_by_role("link", name=TITLE))
    assert j.path() == module.url
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text(f"Module {modules_before + 1} of {modules_before + 1}")
    j.accessible("the new module, signed in")
