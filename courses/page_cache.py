"""A cache of rendered public pages for anonymous visitors.

Anonymous GETs of live catalog, course and module pages are answered from Django's cache by
a middleware that runs before sessions, auth and Wagtail's routing, so a cached page costs
no SQL. What is never cached: previews, drafts, any request carrying a session or messages
cookie (a logged-in learner sees their own status), responses that set cookies, query
strings, and non-200 answers. Publishing, unpublishing, moving or deleting any page bumps a
generation number, which retires every cached page at once: a course page lists its modules
and the catalog lists courses, so a single edit can change several pages.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"
CACHEABLE_MARK = "_antidote_page_cacheable"
BYPASS_COOKIES = ("sessionid", "messages")


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return int(generation)


def _key(request: HttpRequest, generation: int) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    return f"pagecache:{generation}:{digest}"


def purge_all(**_: Any) -> None:
    """Retire every cached page (called from Wagtail's publish/unpublish/move/delete signals)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet: nothing cached under a generation that does not exist
        cache.set(GENERATION_KEY, 2, timeout=None)


def remember(name: str, compute: Callable[[], Any]) -> Any:
    """Cache a value until the next publish (the same generation as the page cache)."""
    try:
        key = f"pagecache:{_generation()}:{name}"
        value = cache.get(key)
    except Exception:  # the cache is down: compute, as if nothing were cached
        return compute()
    if value is None:
        value = compute()
        with contextlib.suppress(Exception):  # a cache outage must not fail the page
            cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def mark_cacheable(request: HttpRequest) -> None:
    """Called by a live page's serve(); previews never go through serve()."""
    setattr(request, CACHEABLE_MARK, True)


def _request_may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
    )


def _site_for(request: HttpRequest) -> Any:
    """Wagtail's site for this host, from the cache until the next publish or site change.

    Wagtail looks it up once per request (and caches it on the request as ``_wagtail_site``); the
    root page and its specific page are loaded before caching, so routing starts without a query.
    """
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]

    def find() -> Any:
        site = Site._find_for_request(request)
        if site is not None:
            _ = site.root_page.localized.specific  # loaded now, pickled with the site
        return site

    return remember(f"site:{hostname}:{request.get_port()}", find)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not hasattr(request, "_wagtail_site"):
            try:
                site = _site_for(request)
            except DatabaseError:  # the database is down: let the view answer (healthz says 503)
                site = None
            if site is not None:
                request._wagtail_site = site  # type: ignore[attr-defined]
        if not _request_may_use_cache(request):
            return self.get_response(request)
        generation = _generation()
        key = _key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if (
            getattr(request, CACHEABLE_MARK, False)
            and response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
            and not (hasattr(request, "user") and request.user.is_authenticated)
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def connect_signals() -> None:
    page_published.connect(purge_all, dispatch_uid="pagecache_published")
    page_unpublished.connect(purge_all, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(purge_all, dispatch_uid="pagecache_moved")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="pagecache_deleted")
    # Making a page private saves a view restriction without publishing: it must purge too, or the
    # page would stay public from the cache until it expires.
    post_save.connect(purge_all, sender=Site, dispatch_uid="pagecache_site_saved")
    post_delete.connect(purge_all, sender=Site, dispatch_uid="pagecache_site_deleted")
    post_save.connect(purge_all, sender=PageViewRestriction, dispatch_uid="pagecache_restricted")
    post_delete.connect(purge_all, sender=PageViewRestriction, dispatch_uid="pagecache_unrestricted")


def _purge_on_page_delete(sender: type, **kwargs: Any) -> None:
    if isinstance(kwargs.get("instance"), Page):
        purge_all()
