"""Print the SQL queries each page costs, as one JSON line: first request and second request.

Anonymous by default: "cold" is the render, "cached" the page cache's answer. With
``--learner EMAIL`` the client is signed in as that learner (``bench/learner_setup.py``), so
no page cache applies: "cold" is the first visit (fragment caches empty, progress started)
and "cached" the second, which is what every later request of the learner costs. With
``--show`` the second request's queries are listed on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.data import django_setup  # noqa: E402

django_setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    from django.core.cache import cache

    from lms.accounts.models import User

    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--learner", metavar="EMAIL", help="sign in as this user first")
    parser.add_argument("--show", action="store_true", help="list the second request's queries on stderr")
    args = parser.parse_args()

    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    if args.learner:
        client.force_login(User.objects.get(email=args.learner))
    counts = {}
    for path in args.paths:
        with CaptureQueriesContext(connection) as cold:
            first = client.get(path)
        with CaptureQueriesContext(connection) as warm:
            second = client.get(path)
        assert first.status_code == 200 and second.status_code == 200, (path, first.status_code, second.status_code)
        counts[path] = {"cold": len(cold.captured_queries), "cached": len(warm.captured_queries)}
        if args.show:
            print(f"\n{path}: {len(warm.captured_queries)} queries on the second request", file=sys.stderr)
            for number, query in enumerate(warm.captured_queries, 1):
                print(f"{number:>3}. {query['sql']}", file=sys.stderr)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
