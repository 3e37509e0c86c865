"""Deployment security: Django's deploy checks, transport and browser security headers on
representative pages, cookies, session expiry after inactivity and a new session key at login.

The production settings are loaded in a subprocess with a production-like environment (they refuse
to start without one); the header tests then apply those same values to this process's settings,
so what is asserted is what production.py sets, not a copy of it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import Client

from certificates.models import Certificate
from tests.factories import UserFactory
from tests.security.clock import Clock, moving_clock
from tests.security.world import OWNER_NPI, World

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"
ONE_YEAR = 365 * 24 * 60 * 60
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(48)[:64].ljust(64, "x"),
    "ALLOWED_HOSTS": "ce.example.org",
    "DATABASE_URL": "postgres://antidote:secret@db.internal:5432/antidote",
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
}
TRANSPORT_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "DEBUG",
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "ADMIN_CONTENT_SECURITY_POLICY",
)
# Referrer policies that never send a path or query string to another site.
STRICT_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


def production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_AGE"}}
    return {**env, **PRODUCTION_ENV}


@pytest.fixture(scope="module")
def production() -> dict[str, Any]:
    """The security-relevant settings as lms.settings.production computes them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k, None) for k in {list(TRANSPORT_SETTINGS)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


@pytest.fixture
def as_production(production: dict[str, Any], settings: Any) -> dict[str, Any]:
    """This process's settings, with production's transport and cookie security applied."""
    for name in TRANSPORT_SETTINGS:
        if name not in {"DEBUG", "MIDDLEWARE", "SECURE_PROXY_SSL_HEADER"}:
            setattr(settings, name, production[name])
    settings.SECURE_PROXY_SSL_HEADER = tuple(production["SECURE_PROXY_SSL_HEADER"])
    return production


def test_production_passes_django_deploy_checks_at_warning_level() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_transport_and_cookie_settings(production: dict[str, Any]) -> None:
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= ONE_YEAR
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SESSION_COOKIE_SECURE"] is True and production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["CSRF_COOKIE_SECURE"] is True and production["CSRF_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["SECURE_REFERRER_POLICY"] in STRICT_REFERRER_POLICIES
    # Expiry follows inactivity, not the browser: a shared clinic computer left signed in times out.
    assert production["SESSION_COOKIE_AGE"] <= 2 * 60 * 60
    assert "lms.sessions.SessionRefreshMiddleware" in production["MIDDLEWARE"]
    assert "lms.security.ContentSecurityPolicyMiddleware" in production["MIDDLEWARE"]


# --- Headers on representative pages ---------------------------------------------------------------


def directives(response: HttpResponse) -> dict[str, set[str]]:
    header = response.get("Content-Security-Policy", "")
    assert header, f"no Content-Security-Policy on {response.wsgi_request.path}"  # type: ignore[attr-defined]
    parsed: dict[str, set[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = set(values)
    return parsed


def assert_security_headers(response: HttpResponse, *, admin: bool = False) -> None:
    path = response.wsgi_request.path  # type: ignore[attr-defined]
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    policy = directives(response)
    assert policy["object-src"] == {"'none'"}, path
    assert policy["base-uri"] == {"'none'"}, path
    assert policy["frame-ancestors"] == ({"'self'"} if admin else {"'none'"}), path
    assert policy["default-src"] == {"'self'"}, path
    if not admin:
        # No inline or eval'd script on the learner side: an injected <script> does not run.
        assert policy["script-src"] == {"'self'"}, path
        assert policy["style-src"] == {"'self'"}, path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] in STRICT_REFERRER_POLICIES, path
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}, path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))  # type: ignore[union-attr]
    assert max_age >= ONE_YEAR and "includeSubDomains" in hsts, path


def test_learner_pages_send_the_security_headers(as_production: dict[str, Any], world: World, db: None) -> None:
    client, course, module = Client(), world.course, world.modules[0]
    anonymous = ["/", "/courses/", course.url, module.url, "/accounts/login/", "/accounts/register/", "/verify/"]
    for url in anonymous:
        assert_security_headers(client.get(url, secure=True))
    # A second anonymous request is served from the page cache: the policy is still there.
    cached = client.get(course.url, secure=True)
    assert cached.get("X-Page-Cache") == "hit"
    assert_security_headers(cached)
    client.force_login(world.other)
    for url in ["/dashboard/", "/accounts/profile/", "/transcript/", module.url, "/tools/mme-calculator/"]:
        assert_security_headers(client.get(url, secure=True))


def test_a_certificate_verification_page_sends_the_security_headers(
    as_production: dict[str, Any], world: World, db: None
) -> None:
    response = Client().get(f"/verify/{world.certificate.verification_token}/", secure=True)
    assert world.certificate.short_code in response.content.decode()
    assert_security_headers(response)


def test_plain_http_is_redirected_to_https(
    as_production: dict[str, Any], world: World, client: Client, db: None
) -> None:
    response = client.get("/courses/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/courses/"
    behind_proxy = client.get("/courses/", headers={"x-forwarded-proto": "https"})
    assert behind_proxy.status_code == 200


def test_the_admin_gets_its_own_policy_that_keeps_plugins_base_and_framing_locked(
    as_production: dict[str, Any], world: World, client: Client, db: None
) -> None:
    assert_security_headers(client.get("/admin/login/", secure=True), admin=True)
    client.force_login(world.staff["specialist"])
    editor = client.get(f"/admin/pages/{world.course.pk}/edit/", secure=True)
    assert_security_headers(editor, admin=True)
    # Wagtail 8's editor writes inline scripts (date choosers, inline panels): the admin policy allows
    # them, and only there.
    assert re.search(r"<script>\s*\S", editor.content.decode()), "the editor no longer has inline scripts"
    assert "'unsafe-inline'" in directives(editor)["script-src"]


def test_the_admin_preview_is_framed_by_the_editor_under_the_admin_policy(
    as_production: dict[str, Any], world: World, client: Client, db: None
) -> None:
    """Wagtail renders previews through a simulated request for the page's public URL; its answer
    must carry the admin policy (frame-ancestors 'self'), or the editor's preview panel is blank."""
    client.force_login(world.staff["specialist"])
    # Through the TLS-terminating proxy, as in production: Wagtail copies X-Forwarded-Proto into the
    # simulated request, so SECURE_SSL_REDIRECT does not bounce the preview.
    preview = client.get(f"/admin/pages/{world.course.pk}/view_draft/", headers={"x-forwarded-proto": "https"})
    assert preview.status_code == 200
    assert world.course.title in preview.content.decode()
    assert directives(preview)["frame-ancestors"] == {"'self'"}


# --- Cookies, session keys and expiry --------------------------------------------------------------


def test_cookies_are_secure_and_http_only_and_the_session_key_changes_at_login(
    as_production: dict[str, Any], world: World, client: Client, db: None
) -> None:
    user = UserFactory(email="cookies@clinic.example")
    anonymous = client.session
    anonymous["seen_catalog"] = True  # an anonymous session with something in it
    anonymous.save()
    before = str(anonymous.session_key)
    client.cookies["sessionid"] = before
    client.get("/accounts/login/", secure=True)
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD}, secure=True)
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"] and session_cookie["samesite"] == "Lax"
    assert session_cookie.value != before, "the session key was not changed at login (session fixation)"
    assert not Session.objects.filter(session_key=before).exists()
    csrf_cookie = client.cookies["csrftoken"]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"]


def test_registering_also_starts_a_new_session(
    as_production: dict[str, Any], world: World, client: Client, db: None
) -> None:
    anonymous = client.session
    anonymous["seen_catalog"] = True
    anonymous.save()
    before = str(anonymous.session_key)
    client.cookies["sessionid"] = before
    response = client.post(
        "/accounts/register/",
        {
            "email": "new@clinic.example",
            "first_name": "Nia",
            "last_name": "Okoro",
            "password1": "naloxone-saves-lives-42",
            "password2": "naloxone-saves-lives-42",
        },
        secure=True,
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"].value != before
    assert response.cookies["sessionid"]["secure"]


@pytest.fixture
def clock() -> Iterator[Clock]:
    with moving_clock() as moved:
        yield moved


def test_a_session_expires_after_inactivity_but_not_while_in_use(
    as_production: dict[str, Any], world: World, client: Client, db: None, clock: Clock
) -> None:
    age = as_production["SESSION_COOKIE_AGE"]
    user = UserFactory(email="idle@clinic.example")
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD}, secure=True)
    assert response.status_code == 302
    # In use: a request every half session age keeps the learner signed in well past one age.
    for _ in range(4):
        clock.advance(age / 2)
        assert client.get("/dashboard/", secure=True).status_code == 200
    # Idle for longer than the session age: signed out, sent to the login page.
    clock.advance(age + 60)
    response = client.get("/dashboard/", secure=True)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_learner_templates_have_no_inline_scripts_or_event_handlers() -> None:
    """The learner policy has no 'unsafe-inline' for scripts; an inline script would silently not run."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{template.relative_to(ROOT)}: {tag}")
        if re.search(r"\son[a-z]+\s*=", text) or "javascript:" in text:
            offenders.append(f"{template.relative_to(ROOT)}: an inline event handler or javascript: URL")
    assert not offenders, offenders


def test_the_certificate_download_is_not_stored_by_caches(world: World, db: None) -> None:
    client = Client()
    client.force_login(world.owner)
    certificate: Certificate = world.certificate
    response = client.get(f"/certificates/{certificate.pk}/download/", secure=True)
    assert response.status_code == 200
    assert {"no-store", "private"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert OWNER_NPI not in response["Content-Disposition"]
