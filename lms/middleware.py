"""A database outage answers 503 with a page that says to try again, never a 500.

When PostgreSQL restarts (a failover, an upgrade, a crash) every query fails for a few seconds
with ``OperationalError`` or ``InterfaceError``. Nothing is wrong with the request and nothing was
half-written (writes run in transactions, or as single statements that the database rolls back),
so the honest answer is 503 with Retry-After: the learner submits again a moment later and it
succeeds. Other errors still reach Django's 500 handling.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Long enough for a restart to finish, short enough that a learner retrying by hand is not kept waiting.
RETRY_AFTER_SECONDS = 30
_MARK = "_antidote_database_unavailable"


def database_unavailable_response() -> HttpResponse:
    """The 503 page. Rendered without the request, so no context processor, session or user
    lookup can touch the database that is down; never cached, so the page goes once it is back."""
    html = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _mark_database_errors(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Django turns an exception raised in a middleware (a session saved after the view, say) into
    its 500 page before any outer middleware sees it, sending this signal while the exception is
    being handled: note on the request that the database was the cause."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        setattr(request, _MARK, True)


got_request_exception.connect(_mark_database_errors, dispatch_uid="lms.middleware.database_unavailable")


def _database_failed_in_this_request() -> bool:
    """Django flags a connection on which a query or the connection itself failed (it closes it
    when the next request starts, unless it answers again)."""
    return any(conn.errors_occurred for conn in connections.all(initialized_only=True))


class DatabaseUnavailableMiddleware:
    """Turn a database outage into the 503 page: from the view (and its template) through
    process_exception, and from any middleware inside this one through the mark set above (or, for
    a session that could not be saved, the connection's error flag).
    Place it near the top of MIDDLEWARE so it wraps everything that may query the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False):
            return database_unavailable_response()
        if response.status_code == 400 and _database_failed_in_this_request():
            # SessionMiddleware reports a session it could not save as SessionInterrupted, a 400
            # "Bad Request" that hides the database error underneath (and sends no signal).
            return database_unavailable_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        # The path only: query strings and bodies may carry personal data.
        logger.warning("database unavailable: %s %s answered 503 (%s)", request.method, request.path, exception)
        return database_unavailable_response()
