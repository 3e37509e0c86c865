"""Every static file a template names exists: with the manifest storage in production a missing
one is a 500 on the page that names it, not a quiet 404."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]\s*%\}""")


def test_every_static_file_named_in_a_template_exists() -> None:
    roots = [Path(d) for t in settings.TEMPLATES for d in t["DIRS"]]  # type: ignore[attr-defined]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in ("courses", "certificates")]
    named = {
        (path.relative_to(settings.BASE_DIR), match)
        for root in roots
        if root.exists()
        for path in root.rglob("*.html")
        for match in STATIC_TAG.findall(path.read_text())
    }
    assert len(named) > 5, "the scan found no templates"
    missing = sorted((str(template), file) for template, file in named if finders.find(file) is None)
    assert not missing, f"templates name static files that do not exist: {missing}"
