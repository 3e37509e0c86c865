from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from tests.security.world import World, build_world


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The catalogue, the owner's records and the other users, built once per test module inside a
    transaction that is rolled back at the end, so no other test module ever sees them. Each test
    still asks for `db`: its own transaction nests inside this one (a savepoint) and is rolled back
    after it. Media go to a temporary directory on disk, as in production: Wagtail serves documents
    from a file path, which the in-memory test storage lacks."""
    media = tmp_path_factory.mktemp("media")
    storages = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    with override_settings(MEDIA_ROOT=str(media), STORAGES=storages):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            built = build_world()
        try:
            yield built
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
