"""Every URL the project defines, requested as every kind of visitor, against one table of rules.

The URLs come from walking the resolver, so a view added later without a rule fails this test
rather than escaping it. Arguments are the owner's real objects (their attempt, certificate,
confirmation and password-reset tokens), so "another user gets 404" is tested on records that
exist. Wagtail's own admin views share one rule by prefix (anonymous users are sent to the admin
login, clinicians refused); our admin views (reports, certificate actions, analytics) have rules
by namespace and permission.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lms.accounts.services import email_confirmation_token
from tests.security.world import OWNER_LICENCE, OWNER_NPI, ROLES, World

STAFF = ("specialist", "reviewer", "administrator")
CLINICIANS = ("owner", "other")
AUTHED = (*CLINICIANS, *STAFF)

# Outcomes. An int is the status; LOGIN / ADMIN_LOGIN are 302s to the learner or the admin login;
# REFUSED_ADMIN is Wagtail's refusal of a signed-in user without admin access (a 302 to the admin
# login with a message, or 403); NOT_REQUESTED marks Wagtail's own admin views for staff, whose
# permissions are Wagtail's business, not this project's.
LOGIN = "login"
ADMIN_LOGIN = "admin login"
REFUSED_ADMIN = "refused by the admin"
NOT_REQUESTED = "not requested"
Outcome = int | frozenset[int] | str


def anyof(*codes: int) -> frozenset[int]:
    return frozenset(codes)


@dataclass(frozen=True)
class Rule:
    get: dict[str, Outcome]
    post: dict[str, Outcome]


def roles(**outcomes: Outcome) -> dict[str, Outcome]:
    """Expand group keys (all, authed, clinicians, staff) into the six roles; named roles override."""
    table: dict[str, Outcome] = {}
    groups = {"all": ROLES, "authed": AUTHED, "clinicians": CLINICIANS, "staff": STAFF}
    for key in ("all", "authed", "clinicians", "staff"):
        if key in outcomes:
            table.update(dict.fromkeys(groups[key], outcomes[key]))
    table.update({k: v for k, v in outcomes.items() if k not in groups})
    missing = set(ROLES) - set(table)
    assert not missing, f"rule without an outcome for {missing}"
    return table


def public(get: Outcome = 200, post: Outcome = 405) -> Rule:
    return Rule(roles(all=get), roles(all=post))


def signed_in(get: Outcome = 200, post: Outcome = 405) -> Rule:
    """A page about the signed-in user themself (no object argument): anyone signed in."""
    return Rule(roles(anonymous=LOGIN, authed=get), roles(anonymous=LOGIN, authed=post))


def owner_only(
    get: Outcome = 200, post: Outcome = 405, *, others_post: Outcome = 404, auditors: tuple[str, ...] = ()
) -> Rule:
    """One of the owner's records, named in the URL: everyone else gets 404, as if it did not exist,
    except the staff roles named as auditors (administrators read any certificate)."""
    audit_get = dict.fromkeys(auditors, get)
    audit_post = dict.fromkeys(auditors, post)
    return Rule(
        roles(anonymous=LOGIN, owner=get, other=404, staff=404, **audit_get),
        roles(anonymous=LOGIN, owner=post, other=others_post, staff=others_post, **audit_post),
    )


def enrolled_only(get: Outcome, post: Outcome) -> Rule:
    """A course action that needs the user's own enrollment: the others are refused (403), not shown the owner's."""
    return Rule(
        roles(anonymous=LOGIN, owner=get, other=403, staff=403),
        roles(anonymous=LOGIN, owner=post, other=403, staff=403),
    )


def admin_permission(permitted: tuple[str, ...], get: Outcome = 200, post: Outcome = 405) -> Rule:
    """Our admin views: the admin login for anonymous users, Wagtail's refusal for clinicians, 403
    for staff without the permission."""
    staff_get = {role: (get if role in permitted else 403) for role in STAFF}
    staff_post = {role: (post if role in permitted else 403) for role in STAFF}
    return Rule(
        roles(anonymous=ADMIN_LOGIN, clinicians=REFUSED_ADMIN, **staff_get),
        roles(anonymous=ADMIN_LOGIN, clinicians=REFUSED_ADMIN, **staff_post),
    )


WAGTAIL_ADMIN = Rule(
    roles(anonymous=ADMIN_LOGIN, clinicians=REFUSED_ADMIN, staff=NOT_REQUESTED),
    roles(anonymous=NOT_REQUESTED, clinicians=NOT_REQUESTED, staff=NOT_REQUESTED),
)
REPORTS = ("administrator",)
CERTIFICATE_ACTIONS = ("administrator",)
ANALYTICS = STAFF
CERTIFICATE_AUDITORS = ("administrator",)

# One rule per URL name; a namespace ("certificate_reports:") covers every name in it. POST bodies
# are empty: the hostile-input tests post real and broken bodies.
RULES: dict[str, Rule] = {
    "healthz": public(),
    "dashboard": signed_in(get=200, post=200),
    "wagtail_serve": public(get=200, post=200),
    "wagtail_serve:draft": public(get=404, post=404),
    "wagtaildocs_serve": public(get=200, post=200),
    "wagtaildocs_authenticate_with_password": public(get=404, post=404),
    "wagtailcore_authenticate_with_password": public(get=404, post=404),
    "wagtailcore_login": Rule(roles(all=200), roles(all=200)),
    # Accounts.
    "accounts:login": Rule(roles(anonymous=200, authed=302), roles(anonymous=200, authed=302)),
    "accounts:logout": public(get=405, post=302),
    "accounts:register": Rule(roles(anonymous=200, authed=302), roles(anonymous=400, authed=302)),
    "accounts:confirm_sent": signed_in(get=anyof(200, 302)),
    "accounts:confirm_resend": Rule(roles(all=405), roles(anonymous=LOGIN, authed=302)),
    # The emailed link is the capability: whoever holds it sees the button; confirming is idempotent.
    "accounts:confirm_email": Rule(roles(all=200), roles(anonymous=LOGIN, authed=302)),
    "accounts:profile": signed_in(get=200, post=400),
    "accounts:password_change": signed_in(get=200, post=200),
    "accounts:password_change_done": signed_in(),
    "accounts:password_reset": public(get=200, post=200),
    "accounts:password_reset_done": public(),
    "accounts:password_reset_complete": public(),
    # The emailed reset link: Django moves the token into the session and redirects to set-password.
    "accounts:password_reset_confirm": public(get=302, post=302),
    # Courses.
    "courses:mme_calculator": public(),
    # Enrolling acts on the user themself; staff accounts here have no confirmed address (403).
    "courses:enroll": Rule(roles(all=405), roles(anonymous=302, clinicians=302, staff=403)),
    "courses:disclosures": enrolled_only(get=200, post=400),
    "courses:evaluation": enrolled_only(get=200, post=200),
    "courses:module_complete": Rule(
        roles(anonymous=LOGIN, authed=405), roles(anonymous=LOGIN, owner=anyof(302, 409), other=403, staff=403)
    ),
    "courses:module_heartbeat": Rule(
        roles(anonymous=LOGIN, authed=405), roles(anonymous=LOGIN, owner=200, other=403, staff=403)
    ),
    # Quizzes.
    "quizzes:history": signed_in(),
    "quizzes:overview": signed_in(),
    "quizzes:start": Rule(
        roles(anonymous=LOGIN, authed=405), roles(anonymous=LOGIN, owner=anyof(302, 409), other=403, staff=403)
    ),
    "quizzes:attempt": owner_only(get=200, post=405, others_post=405),
    "quizzes:submit": Rule(roles(anonymous=LOGIN, authed=405), roles(anonymous=LOGIN, owner=409, other=404, staff=404)),
    # Certificates.
    "certificates:claim": Rule(
        roles(anonymous=LOGIN, owner=302, other=200, staff=200),
        roles(anonymous=LOGIN, owner=302, other=anyof(400, 409), staff=anyof(400, 409)),
    ),
    # Administrators (certificates.view_certificate) open any certificate, to audit it.
    "certificates:status": owner_only(others_post=405, auditors=CERTIFICATE_AUDITORS),
    "certificates:status_json": owner_only(others_post=405, auditors=CERTIFICATE_AUDITORS),
    "certificates:download": owner_only(others_post=405, auditors=CERTIFICATE_AUDITORS),
    "certificates:transcript": signed_in(),
    "certificates:transcript_pdf": signed_in(),
    "certificates:verify_code": public(),
    "certificates:verify": public(),
    # Our admin views, by namespace and permission.
    "certificate_reports:": admin_permission(REPORTS),
    "quiz_reports:": admin_permission(REPORTS),
    "antidote_certificates:": admin_permission(CERTIFICATE_ACTIONS, get=200, post=anyof(200, 302, 400, 409)),
    "antidote_analytics:": admin_permission(ANALYTICS),
}
# Wagtail admin views anyone may reach: its login and password-reset pages, and the icon sprite and
# translation catalogue the login page loads.
WAGTAIL_PUBLIC_ADMIN = re.compile(r"^wagtailadmin_(login|password_reset|sprite$|javascript_catalog$)")
WAGTAIL_PUBLIC_ADMIN_RULE = Rule(roles(all=anyof(200, 302)), roles(all=NOT_REQUESTED))
LOGIN_PATH = "/accounts/login/"


@dataclass(frozen=True)
class Target:
    key: str  # the rule's key
    label: str  # URL name, for messages
    url: str


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, URLPattern]]:
    """(route, name with namespaces, pattern) for every pattern, through every include()."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, route, inner)
        else:
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield route, name, entry


def targets(world: World) -> list[Target]:
    owner, certificate = world.owner, world.certificate
    by_name: dict[str, dict[str, Any]] = {
        "accounts:confirm_email": {"token": email_confirmation_token(user=owner)},
        "accounts:password_reset_confirm": {
            "uidb64": urlsafe_base64_encode(force_bytes(owner.pk)),
            "token": default_token_generator.make_token(owner),
        },
        "certificates:verify": {"token": certificate.verification_token},
    }
    by_param = {
        "course_id": world.course.pk,
        "module_id": world.modules[0].pk,
        "attempt_id": world.attempts["post"].pk,
        "page_id": world.course.pk,
        "kind": "post",
        "certificate_id": certificate.pk,
    }
    generic = {
        "int": world.course.pk,
        "uuid": certificate.pk,
        "str": "courses",
        "slug": "courses",
        "path": "x",
    }
    special: dict[str, list[tuple[str, str]]] = {
        "wagtail_serve": [
            ("wagtail_serve", "/"),
            ("wagtail_serve", "/courses/"),
            ("wagtail_serve", world.course.url),
            *[("wagtail_serve", module.url) for module in world.modules],
            ("wagtail_serve:draft", f"{world.course.url}{world.draft.slug}/"),
        ],
        "wagtaildocs_serve": [("wagtaildocs_serve", f"/documents/{world.document.pk}/{world.document.filename}")],
        "wagtailadmin_pages:revisions_compare": [
            ("", f"/admin/pages/{world.course.pk}/revisions/compare/earliest...latest/")
        ],
        "": [("", "/admin/no-such-admin-page/")],  # Wagtail's admin catch-all (its 404)
    }
    found: list[Target] = []
    for route, name, pattern in walk(get_resolver()):
        if name in special or (not name and isinstance(pattern.pattern, RegexPattern)):
            urls = special[name]
        elif route == "admin/test404/":
            urls = [("", "/admin/test404/")]
        else:
            values = by_name.get(name, {})

            def fill(match: re.Match[str], values: dict[str, Any] = values) -> str:
                converter, param = match.group(1) or "str", match.group(2)
                # Unknown converters (the project's own "id") take the parameter's value, else an int.
                return str(values.get(param, by_param.get(param, generic.get(converter, world.course.pk))))

            urls = [("", "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route))]
        for key, url in urls:
            match = resolve(url.split("?")[0])
            assert match.view_name == name or not name, f"{url} resolves to {match.view_name}, not {name}"
            found.append(Target(key or name, name or route, url))
    return found


def rule_for(target: Target) -> Rule | None:
    if target.key in RULES:
        return RULES[target.key]
    namespace = target.key.split(":")[0] + ":" if ":" in target.key else None
    if namespace and namespace in RULES:
        return RULES[namespace]
    if target.url.startswith("/admin/"):
        if WAGTAIL_PUBLIC_ADMIN.match(target.key):
            return WAGTAIL_PUBLIC_ADMIN_RULE
        return WAGTAIL_ADMIN
    return None


def meets(response: HttpResponse, outcome: Outcome) -> bool:
    status = response.status_code
    location = response.get("Location", "")
    if outcome == LOGIN:
        return status == 302 and location.startswith(LOGIN_PATH)
    if outcome == ADMIN_LOGIN:
        return status == 302 and location.startswith("/admin/login/")
    if outcome == REFUSED_ADMIN:
        return status == 403 or (status == 302 and location.startswith("/admin/login/"))
    if isinstance(outcome, frozenset):
        return status in outcome
    return status == outcome


def clients(world: World) -> dict[str, Client]:
    made = {}
    for number, role in enumerate(ROLES):
        client = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        user = world.user(role)
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


# Roles that must never see the owner's personal data or records in any answer. (Administrators read
# learner records in the reports and PARS export: that is their job.) The public verification page
# shows a certificate's holder to whoever has its code, by design.
NOSY = ("anonymous", "other", "specialist", "reviewer")
PUBLIC_RECORD = "certificates:verify"


def owner_secrets(world: World) -> list[str]:
    return [
        world.owner.email,
        OWNER_NPI,
        OWNER_LICENCE,
        world.certificate.short_code,
        str(world.certificate.pk),
        world.certificate.verification_token,
    ]


def body(response: HttpResponse) -> str:
    if response.streaming:
        return ""  # file downloads: their status is the check
    return response.content.decode(errors="replace")


def request_rolled_back(client: Client, method: str, url: str) -> HttpResponse:
    """One request whose writes are undone (a POST may enroll, log out, revoke...), so every request
    meets the same records. The cookies go back to what they were (the signed-in session, or none),
    since a cookie set by the response may name a session that the rollback removed."""
    cookies = SimpleCookie(client.cookies)
    with transaction.atomic():
        response: HttpResponse = getattr(client, method)(url)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def test_every_url_answers_every_role_as_its_rule_says(world: World, db: None) -> None:
    started = time.perf_counter()
    by_role = clients(world)  # first: logging the owner in changes their password-reset token
    found = targets(world)
    unruled = sorted({t.label for t in found if rule_for(t) is None})
    assert not unruled, f"URLs with no access rule (add one to RULES): {unruled}"
    failures: list[str] = []
    requests = 0
    secrets = owner_secrets(world)
    for target in found:
        rule = rule_for(target)
        assert rule is not None
        for method, table in (("get", rule.get), ("post", rule.post)):
            for role in ROLES:
                outcome = table[role]
                if outcome == NOT_REQUESTED:
                    continue
                response = request_rolled_back(by_role[role], method, target.url)
                requests += 1
                if response.status_code >= 500 or not meets(response, outcome):
                    failures.append(
                        f"{method.upper()} {target.url} ({target.label}) as {role}: "
                        f"{response.status_code} {response.get('Location', '')} expected {outcome}"
                    )
                elif role in NOSY and not target.label.startswith(PUBLIC_RECORD):
                    shown = [secret for secret in secrets if secret in body(response)]
                    if shown:
                        failures.append(f"{method.upper()} {target.url} as {role} shows the owner's {shown}")
    elapsed = time.perf_counter() - started
    print(f"\naccess matrix: {len(found)} URLs x {len(ROLES)} roles, {requests} requests in {elapsed:.1f} s")
    assert not failures, f"{len(failures)} answers break their rule:\n" + "\n".join(failures)


def test_a_url_without_a_rule_fails_the_matrix(world: World, db: None) -> None:
    """The guard itself: a view nobody wrote a rule for is reported, not silently skipped."""
    assert rule_for(Target("accounts:new_view", "accounts:new_view", "/accounts/new/")) is None
    assert rule_for(Target("payments:refund", "payments:refund", "/payments/1/refund/")) is None
    assert (
        rule_for(Target("certificate_reports:new_report", "x", "/admin/antidote-reports/new/"))
        is RULES["certificate_reports:"]
    )
