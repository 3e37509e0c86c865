"""Hostile input: random, truncated, oversized and mistyped bodies posted to every form and POST
endpoint (and the GET forms: verification lookup, MME calculator, report filters). Never a 500, and a
refused request (4xx) changes no learner record, account or audit-log entry.

Hypothesis is derandomized (the same examples every run) and each example runs in a savepoint that
is rolled back, so every example meets the same records. HTML in names is escaped on pages and in the
PDF, and a certificate template cannot read local files. (CSV formula injection is tested with the
reports.)
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any, cast
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from certificates.rendering import html_to_pdf, render_certificate_pdf, verify_url_for
from courses.models import EvaluationResponse, ModuleProgress
from courses.services import disclosure_acknowledge, enrollment_create
from lms.accounts.models import ClinicianProfile, User
from lms.accounts.services import email_confirmation_token
from quizzes.models import QuizAttempt, QuizKind
from quizzes.selectors import quiz_definition
from quizzes.services import attempt_start
from tests.factories import ClinicianFactory, UserFactory
from tests.security.world import World, take_quiz

EXAMPLES = 20

# What a refused request must leave exactly as it was.
RECORD_MODELS = [
    "accounts.User",
    "accounts.ClinicianProfile",
    "courses.Enrollment",
    "courses.DisclosureAcknowledgement",
    "courses.ModuleProgress",
    "courses.EvaluationResponse",
    "quizzes.QuizAttempt",
    "certificates.CreditClaim",
    "certificates.Certificate",
]


def snapshot(*, time_on_module_may_change: bool = False) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {
        label: list(apps.get_model(label).objects.order_by("pk").values()) for label in RECORD_MODELS
    }
    rows["audit log"] = list(ModelLogEntry.objects.order_by("pk").values("pk", "action", "object_id"))
    if time_on_module_may_change:
        # The completion request is one of the learner's own requests the server times a module by
        # (README: "the completion request"), so a refused one still records the time spent; it must
        # not complete anything.
        rows["courses.ModuleProgress"] = list(
            ModuleProgress.objects.filter(completed_at__isnull=False)
            .order_by("pk")
            .values_list("enrollment_id", "module_id", "completed_at")
        )
    return rows


@dataclass
class Endpoint:
    name: str
    role: str  # a key of the learners fixture, or "anonymous"
    url: str | Callable[[dict[str, Any]], str]
    fields: dict[str, list[str]] = field(default_factory=dict)  # field -> valid values
    method: str = "post"
    records_time: bool = False  # a module request the server times the learner by


# Field samples: real values, so truncated and mixed bodies reach the deeper checks.
PROFILE = {
    "full_name_for_certificate": ["Jane Q. Doe"],
    "degree": ["MD", "PharmD", "other"],
    "profession": ["physician", "pharmacist", "nurse", "other"],
    "npi": ["1245319599", "1245319598"],
    "licence_state": ["MA", "ZZ"],
    "licence_number": ["A-1"],
    "nabp_eprofile_id": ["1234567"],
    "birth_month": ["4", "13"],
    "birth_day": ["9", "31"],
    "pars_consent": ["on"],
    "next": ["/dashboard/", "https://evil.example/"],
}
REGISTER = {
    "email": ["new.learner@clinic.example", "owner@clinic.example"],
    "first_name": ["Ada"],
    "last_name": ["Lovelace"],
    "password1": ["naloxone-saves-lives-42"],
    "password2": ["naloxone-saves-lives-42"],
}
MME = {
    **{f"opioid_{i}": ["oxycodone", "methadone", "fentanyl_patch", "buprenorphine"] for i in range(4)},
    **{f"dose_{i}": ["30", "0.5", "99999999"] for i in range(4)},
}
REPORT_FILTERS = {
    "course": ["1"],
    "date_after": ["2026-01-01"],
    "date_before": ["2026-12-31"],
    "profession": ["physician"],
    "licence_state": ["MA"],
    "status": ["issued", "passed"],
    "kind": ["pre", "post"],
    "export": ["csv", "xlsx"],
}


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("register", "anonymous", "/accounts/register/", REGISTER),
        Endpoint("login", "anonymous", "/accounts/login/", {"username": ["owner@clinic.example"], "password": ["x"]}),
        Endpoint("password reset", "anonymous", "/accounts/password/reset/", {"email": ["owner@clinic.example"]}),
        Endpoint(
            "password reset: set the new password",
            "resetting",
            lambda s: s["set_password_url"],
            {"new_password1": ["naloxone-saves-lives-42"], "new_password2": ["naloxone-saves-lives-42"]},
        ),
        Endpoint("profile", "other", "/accounts/profile/", PROFILE),
        Endpoint(
            "password change",
            "other",
            "/accounts/password/change/",
            {
                "old_password": ["a-long-test-password"],
                "new_password1": ["naloxone-saves-lives-42"],
                "new_password2": ["naloxone-saves-lives-42"],
            },
        ),
        Endpoint("confirmation email again", "unconfirmed", "/accounts/confirm/resend/"),
        Endpoint("confirm the address", "anonymous", lambda s: f"/accounts/confirm/{s['confirm_token']}/"),
        Endpoint("logout", "other", "/accounts/logout/"),
        Endpoint("enroll", "other", lambda s: f"/learn/courses/{s['course']}/enroll/"),
        Endpoint(
            "disclosures", "enrolled", lambda s: f"/learn/courses/{s['course']}/disclosures/", {"acknowledge": ["yes"]}
        ),
        Endpoint("module complete", "reader", lambda s: f"/learn/modules/{s['module']}/complete/", records_time=True),
        Endpoint("module heartbeat", "reader", lambda s: f"/learn/modules/{s['module']}/heartbeat/"),
        Endpoint("quiz start", "reader", lambda s: f"/quizzes/{s['course']}/pre/start/"),
        Endpoint("quiz submit", "taker", lambda s: f"/quizzes/attempts/{s['attempt']}/submit/", {}),
        Endpoint("evaluation", "evaluator", lambda s: f"/learn/courses/{s['course']}/evaluation/", {}),
        Endpoint(
            "claim",
            "claimant",
            lambda s: f"/certificates/claim/{s['course']}/",
            {"credits": ["1.00", "0.25", "0.30", "2"], "attest": ["yes", "no"]},
        ),
        Endpoint("verify lookup", "anonymous", "/verify/", {"code": ["ABCDE-12345", "abcde12345"]}, method="get"),
        Endpoint("MME calculator", "anonymous", "/tools/mme-calculator/", MME, method="get"),
        Endpoint(
            "revoke a certificate",
            "administrator",
            lambda s: f"/admin/antidote-certificates/{s['certificate']}/revoke/",
            {"reason": ["Issued in error"]},
        ),
        Endpoint(
            "reissue a certificate",
            "administrator",
            lambda s: f"/admin/antidote-certificates/{s['certificate']}/reissue/",
            {"reason": ["Name corrected"]},
        ),
        Endpoint(
            "retry a certificate", "administrator", lambda s: f"/admin/antidote-certificates/{s['certificate']}/retry/"
        ),
        *[
            Endpoint(
                f"report {name}", "administrator", f"/admin/antidote-reports/{path}/", REPORT_FILTERS, method="get"
            )
            for name, path in [
                ("completions", "completions"),
                ("attempts", "quiz-attempts"),
                ("certificates", "certificates"),
            ]
        ],
        Endpoint("PARS export", "administrator", "/admin/antidote-reports/pars/", REPORT_FILTERS, method="get"),
    ]


ENDPOINTS = endpoints()

# --- Strategies ------------------------------------------------------------------------------------

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "0x1F",
    "null",
    "[]",
    "{}",
    "\x00",
    "a\x00b",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "%00",
    "\u202egnp.exe",
    "\ud7ff\ue000",
    '=HYPERLINK("http://evil.example")',
    "9" * 400,
]
text_values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    # Oversized values, built cheaply: up to 200 kB.
    st.builds(
        lambda chunk, n: chunk * n, st.sampled_from(["a", "9", "é", "<b>", "\u202e"]), st.integers(1000, 200_000)
    ),
)


def form_bodies(fields: dict[str, list[str]]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the real fields (truncated bodies), each valid, random, oversized or repeated,
    plus random extra fields."""
    one = st.one_of(st.sampled_from(sum(fields.values(), [])) if fields else st.nothing(), text_values)
    value = st.one_of(one, st.lists(one, min_size=2, max_size=3))
    known = st.fixed_dictionaries({}, optional=dict.fromkeys(fields, value))
    extra = st.dictionaries(st.text(min_size=1, max_size=12), value, max_size=3)
    return st.builds(lambda k, e: {**e, **k}, known, extra)


raw_bodies = st.tuples(
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "application/json",
            "multipart/form-data; boundary=----x",
            "multipart/form-data",
            "text/plain",
            "application/x-www-form-urlencoded; charset=utf-16",
        ]
    ),
    st.one_of(
        st.binary(max_size=400),
        st.sampled_from(
            [
                b"a=%ZZ&b=%",
                b"\xff\xfe\x00",
                b'------x\r\nContent-Disposition: form-data; name="a"\r\n\r\n',
                b'{"a": [1, 2',
            ]
        ),
    ),
)

# --- The learners each endpoint needs ------------------------------------------------------------


def learner_at(world: World, email: str, stage: str) -> User:
    """A clinician part-way through the course: enrolled, reading, with a quiz open, or ready for
    the evaluation or the claim."""
    user = ClinicianFactory.create(email=email)
    enrollment, _ = enrollment_create(user=user, course=world.course)
    if stage == "enrolled":
        return user
    disclosure_acknowledge(enrollment=enrollment)
    if stage == "reader":
        return user
    if stage == "taker":
        quiz = quiz_definition(page=world.course, kind=QuizKind.PRE, course=world.course)
        assert quiz is not None
        attempt_start(user=user, quiz=quiz)
        return user
    take_quiz(user, world.course, QuizKind.PRE, world.course)
    take_quiz(user, world.modules[0], QuizKind.MODULE, world.course)
    for module in world.modules:
        ModuleProgress.objects.create(enrollment=enrollment, module=module, seconds=900, completed_at=timezone.now())
    take_quiz(user, world.course, QuizKind.POST, world.course)
    if stage == "claimant":
        EvaluationResponse.objects.create(enrollment=enrollment, items=[])
    return user


class Scene(dict[str, Any]):
    """The scene, printed briefly in Hypothesis' failure reports."""

    def __repr__(self) -> str:
        return "scene"


@pytest.fixture
def scene(world: World, db: None) -> dict[str, Any]:
    """Signed-in clients for every role the endpoints use, and the values their URLs need."""
    users: dict[str, User | None] = {
        "anonymous": None,
        "other": world.other,
        "administrator": world.staff["administrator"],
        "unconfirmed": cast(User, UserFactory(email="unconfirmed@clinic.example")),
        "enrolled": learner_at(world, "enrolled@clinic.example", "enrolled"),
        "reader": learner_at(world, "reader@clinic.example", "reader"),
        "taker": learner_at(world, "taker@clinic.example", "taker"),
        "evaluator": learner_at(world, "evaluator@clinic.example", "evaluator"),
        "claimant": learner_at(world, "claimant@clinic.example", "claimant"),
        "resetting": None,
    }
    clients: dict[str, Client] = {}
    for role, user in users.items():
        clients[role] = Client()
        if user is not None:
            clients[role].force_login(user)
    # A password reset in progress: the emailed link puts the token in the session.
    uid = urlsafe_base64_encode(force_bytes(world.other.pk))
    link = clients["resetting"].get(
        f"/accounts/password/reset/{uid}/{default_token_generator.make_token(world.other)}/"
    )
    assert link.status_code == 302
    taker_attempt = QuizAttempt.objects.get(user=users["taker"])
    evaluation_fields = {f"e-{block.id}": ["5", "1", "9", "x" * 2001] for block in world.course.evaluation}
    quiz_fields = {"token": [taker_attempt.token, "stale"]} | {
        f"q-{q['id']}": [c["id"] for c in q["choices"]] + ["not-a-choice"] for q in taker_attempt.snapshot["questions"]
    }
    unconfirmed = users["unconfirmed"]
    assert unconfirmed is not None
    return Scene(
        clients=clients,
        course=world.course.pk,
        module=world.modules[0].pk,
        attempt=taker_attempt.pk,
        certificate=world.certificate.pk,
        confirm_token=email_confirmation_token(user=unconfirmed),
        set_password_url=link["Location"],
        fields={"quiz submit": quiz_fields, "evaluation": evaluation_fields},
    )


def send(client: Client, endpoint: Endpoint, url: str, body: Any) -> tuple[int, bool]:
    """(status, whether records changed), the request's writes rolled back afterwards."""
    cookies = SimpleCookie(client.cookies)
    before = snapshot(time_on_module_may_change=endpoint.records_time)
    with transaction.atomic():
        if isinstance(body, tuple):
            content_type, raw = body
            response = client.generic(endpoint.method.upper(), url, raw, content_type=content_type)
        else:
            response = getattr(client, endpoint.method)(url, body)
        changed = snapshot(time_on_module_may_change=endpoint.records_time) != before
        transaction.set_rollback(True)
    client.cookies = cookies
    cache.clear()  # cached sessions and rate-limit counters would otherwise outlive the rollback
    return response.status_code, changed


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_bodies_never_cause_a_500_and_a_refusal_changes_nothing(
    endpoint: Endpoint, scene: dict[str, Any], data: st.DataObject
) -> None:
    url = endpoint.url(scene) if callable(endpoint.url) else endpoint.url
    fields = scene["fields"].get(endpoint.name, endpoint.fields)
    if endpoint.method == "post":
        body = data.draw(st.one_of(form_bodies(fields), form_bodies(fields), raw_bodies), label="body")
    else:
        body = data.draw(form_bodies(fields), label="query")
    status, changed = send(scene["clients"][endpoint.role], endpoint, url, body)
    assert status < 500, f"{endpoint.name}: {status}"
    if status >= 400:
        assert not changed, f"{endpoint.name}: refused with {status} but records changed"


# --- Oversized requests and hostile URLs ------------------------------------------------------------


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.method == "post"], ids=lambda e: e.name)
def test_bodies_over_the_size_and_field_limits_are_refused_or_ignored(
    endpoint: Endpoint, scene: dict[str, Any]
) -> None:
    """Over DATA_UPLOAD_MAX_MEMORY_SIZE or DATA_UPLOAD_MAX_NUMBER_FIELDS: 400 wherever the body is read."""
    url = endpoint.url(scene) if callable(endpoint.url) else endpoint.url
    client = scene["clients"][endpoint.role]
    huge = ("application/x-www-form-urlencoded", b"a=" + b"x" * 3_000_000)
    many = ("application/x-www-form-urlencoded", "&".join(f"f{i}=1" for i in range(11_000)).encode())
    for body in (huge, many):
        status, changed = send(client, endpoint, url, body)
        assert status < 500
        if status >= 400:
            assert not changed
        if endpoint.fields:  # an endpoint that reads its body refuses it
            assert status == 400, f"{endpoint.name}: {status}"


@settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(segment=st.text(min_size=1, max_size=300).filter(lambda s: "/" not in s and s not in {".", ".."}))
def test_hostile_tokens_in_urls_answer_4xx(scene: dict[str, Any], segment: str) -> None:
    """Tokens and ids typed or tampered in the address bar: a 4xx page, never a 500."""
    client = scene["clients"]["other"]
    token = quote(segment, safe="")
    for url in (
        f"/verify/{token}/",
        f"/accounts/confirm/{token}/",
        f"/accounts/password/reset/{token}/{token}/",
        f"/certificates/{token}/",
    ):
        assert 400 <= client.get(url).status_code < 500, url
    quiz = client.get(f"/quizzes/{scene['course']}/{token}/").status_code
    assert quiz == 200 if segment in QuizKind.values else 400 <= quiz < 500
    cache.clear()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
def test_a_nul_character_in_any_field_is_a_400_that_changes_nothing(endpoint: Endpoint, scene: dict[str, Any]) -> None:
    """PostgreSQL cannot store or compare text with a NUL: it must be refused before any query."""
    url = endpoint.url(scene) if callable(endpoint.url) else endpoint.url
    fields = scene["fields"].get(endpoint.name, endpoint.fields) or {"anything": ["x"]}
    for name in fields:
        body = {other: values[0] for other, values in fields.items()} | {name: "a\x00b"}
        status, changed = send(scene["clients"][endpoint.role], endpoint, url, body)
        assert status == 400, f"{endpoint.name}, NUL in {name}: {status}"
        assert not changed


def test_a_nul_character_in_an_address_is_a_400(scene: dict[str, Any]) -> None:
    client = scene["clients"]["other"]
    for url in ("/verify/a%00b/", "/verify/?code=ABCDE%0012345", "/accounts/confirm/%00/", "/courses/%00/"):
        assert client.get(url).status_code == 400, url


OUT_OF_RANGE = "9" * 30  # past any database integer


def test_out_of_range_ids_in_urls_answer_404(scene: dict[str, Any]) -> None:
    client = scene["clients"]["other"]
    for url in (
        f"/learn/courses/{OUT_OF_RANGE}/enroll/",
        f"/learn/courses/{OUT_OF_RANGE}/disclosures/",
        f"/learn/courses/{OUT_OF_RANGE}/evaluation/",
        f"/learn/modules/{OUT_OF_RANGE}/complete/",
        f"/learn/modules/{OUT_OF_RANGE}/heartbeat/",
        f"/quizzes/attempts/{OUT_OF_RANGE}/",
        f"/quizzes/attempts/{OUT_OF_RANGE}/submit/",
        f"/quizzes/{OUT_OF_RANGE}/pre/",
        f"/quizzes/{OUT_OF_RANGE}/pre/start/",
        f"/certificates/claim/{OUT_OF_RANGE}/",
        f"/documents/{OUT_OF_RANGE}/handout.txt",
    ):
        method = "post" if url.endswith(("enroll/", "complete/", "heartbeat/", "submit/", "start/")) else "get"
        assert getattr(client, method)(url).status_code == 404, url


@pytest.mark.parametrize("report", ["completions", "quiz-attempts", "certificates", "pars"])
def test_report_filters_refuse_out_of_range_ids(scene: dict[str, Any], report: str) -> None:
    """A tampered course filter is a form error (400) or no match, never a 500."""
    client = scene["clients"]["administrator"]
    for query in ({"course": OUT_OF_RANGE}, {"course": OUT_OF_RANGE, "export": "csv"}):
        response = client.get(f"/admin/antidote-reports/{report}/", query)
        assert response.status_code < 500, f"{report} {query}: {response.status_code}"


# --- HTML in names, local files in certificate templates -------------------------------------------

HOSTILE_NAME = "<b>x</b><script>"


def test_html_in_a_name_is_escaped_on_pages_and_printed_literally_in_the_pdf(world: World, db: None) -> None:
    owner = world.owner
    ClinicianProfile.objects.filter(user=owner).update(full_name_for_certificate=HOSTILE_NAME)
    User.objects.filter(pk=owner.pk).update(first_name="<i>Eve</i>", last_name="<img src=x onerror=alert(1)>")
    certificate = world.certificate
    certificate.record = {**certificate.record, "learner_name": HOSTILE_NAME}
    certificate.save(update_fields=["record"])
    client = Client()
    client.force_login(owner)
    for url in ("/accounts/profile/", f"/certificates/{certificate.pk}/", "/dashboard/", "/transcript/"):
        page = client.get(url).content.decode()
        assert "<b>x</b>" not in page and "<img src=x" not in page and "<i>Eve</i>" not in page, url
    assert "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;" in client.get("/accounts/profile/").content.decode()
    verify = Client().get(f"/verify/{certificate.verification_token}/").content.decode()
    assert "<b>x</b>" not in verify and "&lt;b&gt;x&lt;/b&gt;" in verify
    pdf = render_certificate_pdf(
        record=certificate.record,
        certificate_id=str(certificate.pk),
        short_code=certificate.short_code,
        verify_url=verify_url_for(certificate),
    )
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
    assert HOSTILE_NAME in text, "the name is not printed literally"


def test_a_template_that_reaches_for_local_files_gets_none_of_them(tmp_path: Any) -> None:
    """The data:-only fetcher refuses file:// in images, stylesheets, @import and url()."""
    stylesheet = tmp_path / "steal.css"
    stylesheet.write_text("body::after { content: 'STYLESHEET-WAS-READ'; }")
    html = f"""<html><head>
      <link rel="stylesheet" href="file://{stylesheet}">
      <link rel="stylesheet" href="file:///etc/passwd">
      <style>@import url("file:///etc/passwd"); p {{ background: url("file:///etc/passwd"); }}</style>
    </head><body>
      <p>Certificate</p>
      <img src="file:///etc/passwd" alt="passwd">
      <object data="file:///etc/passwd" type="text/plain"></object>
      <iframe src="file:///etc/passwd"></iframe>
    </body></html>"""
    pdf = html_to_pdf(html)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert "Certificate" in text
    assert "STYLESHEET-WAS-READ" not in text
    passwd = open("/etc/passwd").read()  # noqa: PTH123, SIM115
    for line in passwd.splitlines()[:5]:
        assert line.split(":")[0] + ":x:" not in text
    assert b"root:x:" not in pdf
    # No image was embedded either: the only one would have come from the refused file.
    assert not [name for page in reader.pages for name in images(page)]


def images(page: Any) -> list[str]:
    """Names of the image XObjects a PDF page draws, looking inside form XObjects too."""
    found: list[str] = []

    def visit(resources: Any) -> None:
        xobjects = resources.get("/XObject") if resources else None
        for name, ref in (xobjects.get_object() if xobjects else {}).items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(name)
            elif obj.get("/Subtype") == "/Form":
                visit(obj.get("/Resources"))

    visit(page.get("/Resources"))
    return found
