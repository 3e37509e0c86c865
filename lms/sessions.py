"""Sessions expire after inactivity without a database write on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

REFRESH_EVERY_SECONDS = 300
_KEY = "_refreshed_at"


class SessionRefreshMiddleware:
    """Touch the session at most every five minutes, which restarts its expiry clock.

    With SESSION_SAVE_EVERY_REQUEST off, Django would expire a session a fixed time after it was
    last changed; saving it on every request (the alternative) costs a write per page view.
    Refreshing every few minutes keeps inactivity expiry to within five minutes, for a fraction of
    the writes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - int(session.get(_KEY, 0)) >= REFRESH_EVERY_SECONDS:
                session[_KEY] = now  # marks it modified: SessionMiddleware saves it and resets the expiry
        return response
