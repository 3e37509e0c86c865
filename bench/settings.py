"""Production settings plus one minimal view, for measuring pages against the server's floor."""

from __future__ import annotations

from lms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
