"""Print the SQL queries an anonymous visitor costs per page, cold (rendered) and warm (cached)."""

from __future__ import annotations

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(paths: list[str]) -> None:
    from django.core.cache import cache

    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as cold:
            first = client.get(path)
        with CaptureQueriesContext(connection) as warm:
            second = client.get(path)
        assert first.status_code == 200 and second.status_code == 200, (path, first.status_code)
        counts[path] = {"cold": len(cold.captured_queries), "cached": len(warm.captured_queries)}
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
