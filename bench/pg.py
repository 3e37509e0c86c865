"""A throwaway PostgreSQL database for the benchmarks: tests/throwaway_postgres.py's cluster
(a temporary directory, fsync off, removed afterwards) with the database its URL names created."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

from tests.throwaway_postgres import throwaway_cluster


@contextmanager
def throwaway_database() -> Iterator[str]:
    """Yield a DATABASE_URL for an empty database; initdb creates only "postgres"."""
    with throwaway_cluster() as url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield url
