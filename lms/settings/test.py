"""Test settings: a fast hasher, plain static storage, a local-memory cache, locmem email.

The database comes from DATABASE_URL: `make test` points it at a throwaway PostgreSQL
cluster; `TEST_DB=sqlite make test` uses a SQLite file under var/, one per run.
"""

from __future__ import annotations

import os

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 (tests only; production requires one)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embed_finder.FixedEmbedFinder"}]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Static files come from the finders in tests; WhiteNoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# SQLite runs (TEST_DB=sqlite): a file, not the in-memory default, so tests that post from
# several threads at once wait on SQLite's lock (timeout) instead of failing on shared-cache locks.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per run, so runs side by side (or a killed run's leftovers) never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-sqlite-{os.getpid()}.db")}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30  # noqa: F405
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"  # noqa: F405

# The fault tests (tests/certificates/test_worker_faults.py) run real Celery workers against the test
# database: the test process and its workers must share the files they write, and Redis's visibility
# timeout (an hour in base.py, for long retry countdowns) is cut to fit tasks that last seconds.
if env.str("TEST_MEDIA_ROOT", default=""):
    MEDIA_ROOT = env.str("TEST_MEDIA_ROOT")
    STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if env.int("CELERY_VISIBILITY_TIMEOUT", default=0):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT")}
