"""What every browser journey does: named steps, accessibility checks with axe-core, screenshots.

A failure names its journey and step, and leaves a full-page screenshot under var/e2e-failures/.
Key pages are saved under docs/screenshots/ (committed, overwritten by each run).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Response

BASE_DIR = Path(__file__).resolve().parents[2]
SCREENSHOTS = BASE_DIR / "docs" / "screenshots"
FAILURES = BASE_DIR / "var" / "e2e-failures"
AXE_SOURCE = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}

_AXE_RUN = """async (tags) => {
  const results = await window.axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""

# The focused element's focus indicator: its own outline, or for a USWDS checkbox or radio (the
# input is visually hidden) the outline its label's ::before box draws.
_FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  let target = el, pseudo = null;
  if (el.matches(".usa-radio__input, .usa-checkbox__input")) {
    target = document.querySelector(`label[for="${el.id}"]`); pseudo = "::before";
  }
  const style = getComputedStyle(target, pseudo);
  return {
    element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + el.className : ""),
    text: (el.innerText || el.value || "").trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor,
  };
}"""

# Every error message shown beside a field is read out with that field.
_UNTIED_ERRORS = """() => {
  const describedBy = new Set();
  for (const el of document.querySelectorAll("[aria-describedby]")) {
    for (const id of el.getAttribute("aria-describedby").split(/\\s+/)) { describedBy.add(id); }
  }
  return [...document.querySelectorAll(".usa-error-message")]
    .filter(e => !e.id || !describedBy.has(e.id)).map(e => e.outerHTML);
}"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


class StepFailed(AssertionError):
    pass


@dataclass
class Journey:
    """One user's way through the product in one browser page."""

    page: Page
    base_url: str
    name: str
    checked: list[str] = field(default_factory=list)  # the page states axe found clean
    axe_seconds: float = 0.0
    shots: list[Path] = field(default_factory=list)
    # E2E_AXE_COLLECT=1 (for fixing templates): note violations and go on; finish() reports them all.
    collect: bool = field(default_factory=lambda: bool(os.environ.get("E2E_AXE_COLLECT")))
    violations: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, printed by the tests
    keep_shots: frozenset[str] | None = None  # the screenshot names this journey saves; None: all
    _step: str = ""

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Run a part of the journey; a failure inside is re-raised naming the journey and the step,
        with the page's address and a screenshot."""
        outer, self._step = self._step, name
        started = time.monotonic()
        try:
            yield
        except StepFailed:
            raise
        except Exception as error:
            FAILURES.mkdir(parents=True, exist_ok=True)
            shot = FAILURES / f"{self.name}-{_slug(name)}.png"
            with contextlib.suppress(Exception):
                self.page.screenshot(path=shot, full_page=True)
            raise StepFailed(
                f"[{self.name}] step '{name}' failed at {self.page.url}: {type(error).__name__}: {error}\n"
                f"Screenshot: {shot}"
            ) from error
        finally:
            self._step = outer
            self.timings[name] = round(time.monotonic() - started, 1)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def path(self) -> str:
        """The current page's path and query, without the server's address."""
        return self.page.url.removeprefix(self.base_url)

    def goto(self, path: str, *, status: int = 200) -> Response:
        response = self.page.goto(self.url(path))
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        return response

    def accessible(self, state: str) -> None:
        """axe-core on the page as it is now: no violation of WCAG 2.1 A or AA rules."""
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(AXE_SOURCE.read_text())
        started = time.monotonic()
        violations: list[dict[str, Any]] = self.page.evaluate(_AXE_RUN, WCAG_TAGS)
        self.axe_seconds += time.monotonic() - started
        if violations:
            report = f"axe found WCAG 2.1 A/AA violations on '{state}' ({self.path()}):\n" + json.dumps(
                violations, indent=1
            )
            assert self.collect, report
            self.violations.append(report)
        self.checked.append(state)

    def finish(self) -> None:
        """With E2E_AXE_COLLECT set, fail now with every violation noted on the way."""
        assert not self.violations, "\n".join(self.violations)

    def errors_tied_to_fields(self) -> None:
        """Every error message beside a field is referenced by that field's aria-describedby."""
        untied = self.page.evaluate(_UNTIED_ERRORS)
        assert not untied, f"error messages no field refers to (aria-describedby): {untied}"
        assert self.page.locator(".usa-error-message").count(), "expected error messages on this page"

    def focus_visible(self) -> dict[str, Any]:
        """The focused element shows a visible outline (at least 2px, not 'none'); returns its description."""
        style = self.page.evaluate(_FOCUS_STYLE)
        assert style is not None, "nothing has the focus"
        assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, f"focus not visible: {style}"
        return dict(style)

    def screenshot(self, name: str, *, full_page: bool = False) -> Path | None:
        """A key page for the docs: docs/screenshots/<journey>-<name>.png, replaced on each run."""
        if self.keep_shots is not None and name not in self.keep_shots:
            return None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}-{name}.png"
        self.page.screenshot(path=path, full_page=full_page, animations="disabled", caret="hide")
        self.shots.append(path)
        return path

    def open_nav(self) -> None:
        """On a phone the primary navigation sits behind the Menu button."""
        menu = self.page.locator("button.usa-menu-btn")
        if menu.is_visible():
            menu.click()
            self.page.locator("nav.usa-nav.is-visible").wait_for()

    def nav(self, link: str) -> None:
        self.open_nav()
        with self.page.expect_navigation():
            self.page.locator("nav.usa-nav").get_by_role("link", name=link, exact=True).click()
