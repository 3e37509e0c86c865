"""Production settings refuse to start without what they need, and say what to set."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "ce.example.org",
    "DATABASE_URL": "postgres://u:p@localhost:5432/antidote",
}


def _load_production(**overrides: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL"}}
    env.update(GOOD_ENV)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
    code = "import django; django.setup(); from django.conf import settings; print('DEBUG', settings.DEBUG)"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_production_starts_with_the_required_settings() -> None:
    result = _load_production()
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is missing"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is missing or shorter than 50"),
        ({"DEBUG": "true"}, "DEBUG must be off in production"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS is not set"),
        ({"DATABASE_URL": None}, "DATABASE_URL is not set"),
    ],
)
def test_production_refuses_to_start_and_names_the_setting(overrides: dict[str, str | None], message: str) -> None:
    result = _load_production(**overrides)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_passes_the_deployment_checks() -> None:
    env = {**os.environ, **GOOD_ENV, "DJANGO_SETTINGS_MODULE": "lms.settings.production"}
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_passwords_are_hashed_with_argon2id_and_old_pbkdf2_hashes_are_upgraded_at_login(db: None) -> None:
    """The test settings use MD5 for speed; this checks what every other environment uses."""
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from lms.accounts.models import User
    from lms.settings import base
    from tests.factories import UserFactory

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert make_password("a-long-test-password").startswith("argon2$argon2id$")
        user: User = UserFactory()  # type: ignore[assignment]
        user.password = make_password("a-long-test-password", hasher="pbkdf2_sha256")
        user.save(update_fields=["password"])
        assert user.check_password("a-long-test-password")  # what login does: verify, then re-hash
        user.refresh_from_db()
        assert user.password.startswith("argon2$argon2id$")
