"""Page-serving benchmark: public and learner pages vs a minimal Django view, same gunicorn, same run.

    make bench            (or: .venv/bin/python bench/run.py [--seconds 10] [--connections 16])
    .venv/bin/python bench/run.py --database postgres   (a throwaway PostgreSQL cluster; pages-postgres.json)

Sets up a throwaway SQLite database with the demo courses and a learner enrolled in the first
one, production settings, Redis for the cache when redis-server is installed, gunicorn with 2
workers, and wrk on loopback. Prints requests/s and p50/p95/p99 latency per page and the ratio
of each page's requests/s to the minimal view's: the figure the README quotes. Also prints SQL
queries per page. The logged-in rows send the learner's session cookie, so no page cache
applies, and every module request records the learner's time: the real per-request write.

The quiz rows: "quiz page (logged in)" GETs the learner's in-progress pre-test form (10
questions). "quiz submission" POSTs completed pre-test forms at --submit-connections clients
(4, as the target states), each request a different learner's in-progress attempt prepared by
bench/quiz_setup.py, since a submission is one-time; bench/submit.lua counts anything but the
302 to the graded attempt as an error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run by path: bench.* imports from the root

from bench.harness.figures import Machine, verdict, write_results  # noqa: E402
from bench.harness.stack import ROOT, BenchStack, add_database_option, bench_stack  # noqa: E402

# Only a signed-in page has the logout form: a lost session would bench the login redirect.
SIGNED_IN_MARK = b'action="/accounts/logout/"'
TARGETS = {  # page: (least ratio to the minimal view, most p95 ms or None)
    "quiz page (logged in)": (0.15, None),
    "quiz submission": (0.05, 50.0),
}


@dataclass(frozen=True)
class BenchPage:
    name: str
    path: str
    logged_in: bool = False
    submit: bool = False  # POSTs bench/quiz_setup.py's prepared submissions, one per request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer here, not a step: it surfaces as HTTPError


def fetch(url: str, cookie: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=5) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def post_once(url: str, line: str) -> tuple[int, str]:
    """POST one prepared submission ("path<TAB>cookie<TAB>body"): the status and Location."""
    path, cookie, body = line.rstrip("\n").split("\t")
    connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=10)
    try:
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def wrk(
    url: str, seconds: int, connections: int, cookie: str | None = None, submissions: str | None = None
) -> dict[str, Any]:
    """wrk's figures as a dict. With SUBMISSIONS (a file from bench/quiz_setup.py), POST those."""
    header = ["-H", f"Cookie: {cookie}"] if cookie else []
    script = ["-s", str(ROOT / "bench" / "latency.lua"), url]
    if submissions:
        script = ["-s", str(ROOT / "bench" / "submit.lua"), url, "--", submissions, "2"]  # 2: wrk's threads
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *header, *script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    figures: dict[str, Any] = json.loads(line)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--submit-connections", type=int, default=4, help="clients for the quiz submission row")
    parser.add_argument("--submissions", type=int, default=3000, help="attempts prepared per round")
    add_database_option(parser, default="sqlite")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: `make bench` installs it (Debian package wrk).")

    with bench_stack("antidote-bench-", database=args.database, redis="if installed") as stack:
        results, pages, queries, reused = _measure(args, stack)
        labels = f"{stack.cache_label}, {stack.database_label}"
    _report(args, results, pages, queries, labels, reused)


def _measure(
    args: argparse.Namespace, stack: BenchStack
) -> tuple[dict[str, list[dict[str, Any]]], list[BenchPage], dict[str, dict[str, int]], int]:
    stack.seed(static=True)
    learner = stack.run_json("bench/learner_setup.py")
    pages = [
        BenchPage("minimal view", "/__bench__/minimal/"),
        BenchPage("catalog", "/courses/"),
        BenchPage("course", "/courses/overdose-prevention-in-opioid-prescribing/"),
        BenchPage("module", learner["module"]),  # the first module of that course
        BenchPage("dashboard (logged in)", "/dashboard/", logged_in=True),
        BenchPage("module (logged in)", learner["module"], logged_in=True),
        BenchPage("quiz page (logged in)", learner["quiz"], logged_in=True),  # the pre-test attempt form
        BenchPage("quiz submission", "/quizzes/attempts/<id>/submit/", logged_in=True, submit=True),
    ]
    public_paths = [p.path for p in pages if not p.logged_in and p.name != "minimal view"]
    anonymous = stack.run_json("bench/query_counts.py", *public_paths)
    learner_paths = [p.path for p in pages if p.logged_in and not p.submit]
    logged_in = stack.run_json("bench/query_counts.py", "--learner", learner["email"], *learner_paths)
    # A fresh session (the script is idempotent), as the counts clear the cache, where sessions may live.
    cookie = f"sessionid={stack.run_json('bench/learner_setup.py')['sessionid']}"
    # After the counts for the same reason: the prepared learners' sessions stay as they were left.
    quiz = stack.run_json(
        "bench/quiz_setup.py",
        *("--out", str(stack.workdir / "quiz"), "--rounds", str(args.rounds), "--per-round", str(args.submissions)),
    )
    no_sql = {"cold": 0, "cached": 0}  # the minimal view
    queries = {p.name: (logged_in if p.logged_in else anonymous).get(p.path, no_sql) for p in pages}
    queries["quiz submission"] = quiz["submission_queries"]

    base = stack.start_web(workers=2).url
    for page in pages:  # warm: fills the page cache; proves the session holds
        if page.submit:  # proves the prepared submissions are accepted: a 302 to the graded attempt
            warm_line = Path(quiz["warm_file"]).read_text().splitlines()[0]
            status, location = post_once(base, warm_line)
            if status != 302 or "/quizzes/attempts/" not in location:
                raise SystemExit(f"{page.name}: a prepared submission answered {status} {location}, not a 302")
            continue
        status, body = fetch(base + page.path, cookie if page.logged_in else None)
        if status != 200 or (page.logged_in and SIGNED_IN_MARK not in body):
            raise SystemExit(f"{page.name}: {page.path} answered {status}, not a 200 page for the learner")

    results: dict[str, list[dict[str, Any]]] = {page.name: [] for page in pages}
    for number in range(args.rounds):  # interleaved rounds, so drift hits every page alike
        for page in pages:
            if page.submit:
                figures = wrk(base, args.seconds, args.submit_connections, submissions=quiz["round_files"][number])
            else:
                figures = wrk(base + page.path, args.seconds, args.connections, cookie if page.logged_in else None)
            results[page.name].append(figures)
    for page in pages:  # a session lost mid-run would have benched the login redirect
        if page.logged_in and not page.submit and SIGNED_IN_MARK not in fetch(base + page.path, cookie)[1]:
            raise SystemExit(f"{page.name}: the learner's session did not last the run")
    reused = sum(int(r.get("reused", 0)) for r in results["quiz submission"])
    return results, pages, queries, reused


def _report(
    args: argparse.Namespace,
    results: dict[str, list[dict[str, Any]]],
    pages: list[BenchPage],
    queries: dict[str, dict[str, int]],
    labels: str,
    reused: int,
) -> None:
    def best(name: str, key: str) -> float:
        values = [float(r[key]) for r in results[name]]
        return max(values) if key == "rps" else min(values)

    floor = best("minimal view", "rps")
    print(
        f"\nPage serving: gunicorn 2 workers, wrk {args.connections} connections ({args.submit_connections} for the "
        f"quiz submission), {args.seconds} s x {args.rounds} rounds, {labels}, {Machine().cores} cores"
    )
    print(
        f"{'page':<23}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs minimal':>12}"
        f"{'SQL cold':>10}{'SQL cached':>12}"
    )
    summary = {}
    for page in pages:
        rps = best(page.name, "rps")
        errors = sum(int(r["errors"]) for r in results[page.name])
        q = queries[page.name]
        row = {
            "path": page.path,
            "logged_in": page.logged_in,
            "connections": args.submit_connections if page.submit else args.connections,
            "rps": rps,
            "p50_ms": best(page.name, "p50_ms"),
            "p95_ms": best(page.name, "p95_ms"),
            "p99_ms": best(page.name, "p99_ms"),
            "errors": errors,
            "ratio": rps / floor,
            **q,
        }
        if page.submit:
            failed: dict[str, int] = {}
            for r in results[page.name]:
                for status, n in r["failed_by_status"].items():
                    failed[status] = failed.get(status, 0) + int(n)
            row["failed_by_status"] = failed
        summary[page.name] = row
        print(
            f"{page.name:<23}{rps:>9.0f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}{errors:>8}"
            f"{row['ratio']:>11.2f}x{q['cold']:>10}{q['cached']:>12}"
        )
    write_results("pages.json" if args.database == "sqlite" else f"pages-{args.database}.json", summary)
    print("Target: every public page at least 0.5x the minimal view, with at most 5 SQL queries when cached.")
    print(
        "Target: the logged-in dashboard and module page at least 0.15x the minimal view, with at most 8 SQL "
        "queries (for them, 'cached' is the learner's second request: only the page cache is out of play)."
    )
    for page_name, (least, most_p95) in TARGETS.items():
        row = summary[page_name]
        verdicts = [
            f"at least {least:.2f}x the minimal view: " + verdict(row["ratio"] >= least, f"{row['ratio']:.3f}x")
        ]
        if most_p95 is not None:
            met = row["p95_ms"] < most_p95
            verdicts.append(f"p95 under {most_p95:.0f} ms: " + verdict(met, f"{row['p95_ms']:.1f} ms"))
        print(f"Target, {page_name}: " + "; ".join(verdicts))
    if reused:
        print(
            f"WARNING: the quiz submission row ran out of prepared attempts ({reused} replays answered 409): "
            "raise --submissions."
        )


if __name__ == "__main__":
    main()
