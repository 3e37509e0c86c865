"""What every script in bench/ shares, so each script holds only its own measurement.

- ``bench.harness.stack``: the throwaway services a run needs (a PostgreSQL cluster or a SQLite
  file, Redis, a Celery worker, gunicorn), the production-settings environment, seeding the demo
  courses, and the ``--database`` option. The processes are tests/worker.py's and the cluster is
  tests/throwaway_postgres.py's: the suite and the benches start them one way.
- ``bench.harness.figures``: percentiles, the machine's state, verdicts, bench/results/*.json.
- ``bench.harness.data``: the Django side, for the scripts that run inside the project: setup,
  the first demo course, users created in bulk.
"""
