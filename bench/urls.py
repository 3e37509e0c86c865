from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from lms.urls import urlpatterns as project_urlpatterns


def minimal(request: HttpRequest) -> HttpResponse:
    """The floor: the same server, middleware and process, and no work at all."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench__/minimal/", minimal), *project_urlpatterns]
