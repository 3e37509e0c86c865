"""Browser and input hardening: the Content-Security-Policy, and a guard against NUL characters.

Content-Security-Policy: one strict policy for the site, a looser one for Wagtail's admin.

The learner pages load only the project's own scripts and styles (no inline <script>), so their
policy allows 'self' alone for scripts. Wagtail 8's admin still writes inline scripts (the date
choosers, inline and multiple-chooser panels) and inline styles, so /admin/ gets 'unsafe-inline'
for those two, and keeps everything else strict: no plugins, no <base>, framed only by itself
(the page editor's live preview is a same-origin iframe). Both policies live in settings
(CONTENT_SECURITY_POLICY and ADMIN_CONTENT_SECURITY_POLICY); django-csp writes the header.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, QueryDict
from django.http.response import HttpResponseBase

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy for paths under /admin/.

    A view's own @csp / @csp_replace decorators still win: only the default policy is swapped.
    Wagtail's preview renders the page through a second, simulated request for the page's public
    URL (``request.is_dummy``); that inner response is left without a policy, so the real admin
    request around it sets the admin one (the public frame-ancestors 'none' would blank the
    editor's preview panel).
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class RejectNulMiddleware:
    """Answer 400 to a NUL character in the path, the query string or a form field.

    No one types one, and PostgreSQL refuses to store or even compare text containing it: a NUL
    reaching a query (a verification code, an evaluation answer, a token looked up) would be a
    500. Django's form CharFields already refuse it; this covers the values views read directly.
    Posted forms are read here as CsrfViewMiddleware would read them anyway; uploaded files are
    not inspected.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if NUL in request.path_info or _has_nul(request.GET):
            raise BadRequest("The address contains a null character.")
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES and _has_nul(request.POST):
            raise BadRequest("The form contains a null character.")
        return self.get_response(request)
