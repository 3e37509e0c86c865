"""The learner's actions on a course (enroll, acknowledge disclosures, time on a module, complete it,
the evaluation), the learner's dashboard, and the MME calculator.

Thin views: they find the learner's own records (404 for anything that is not theirs) and call
courses/services.py. A refused action answers 4xx with a page that says why and links back.
"""

from __future__ import annotations

from typing import cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from courses import services
from courses.blocks import LIKERT_CHOICES
from courses.forms import MMECalculatorForm, evaluation_fields, evaluation_parse
from courses.models import CourseIndexPage, CoursePage, Enrollment, EvaluationResponse, HomePage, ModulePage
from courses.pathway import Step, minutes_phrase, seconds_left
from courses.selectors import course_credit_types, course_of, learner_course_state, learner_dashboard, learner_statuses
from courses.services import LearnerActionRefused
from lms.accounts.models import User


def learner_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """A catalog page as a signed-in learner sees it: the page's own context plus the learner's place.

    Called by Wagtail's serving (courses/wagtail_hooks.py, after its view restrictions); None leaves the
    page to Wagtail (anonymous visitors, whose pages may be cached, and other page types). Previews never
    come here: they show the content alone. Opening a module starts it and counts the time since the
    learner's last request on it, so the server measures time on a module.
    """
    if not request.user.is_authenticated or not isinstance(page, (HomePage, CourseIndexPage, CoursePage, ModulePage)):
        return None
    user = cast(User, request.user)
    context = page.get_context(request)
    if isinstance(page, (HomePage, CourseIndexPage)):
        context["statuses"] = learner_statuses(user=user)
    elif isinstance(page, CoursePage):
        context["learner"] = learner_course_state(
            user=user, course=page, modules=context["modules"], credit_types=context["credit_types"]
        )
    elif context["course"] is not None:
        course = context["course"]
        learner = learner_course_state(
            user=user, course=course, modules=context["modules"], credit_types=course_credit_types(course=course)
        )
        state = next((s for s in learner.modules if s.module.pk == page.pk), None)
        context.update(learner=learner, module_state=state)
        if learner.enrollment is not None and learner.missing_before(Step.MODULE):
            messages.info(request, "Before the first module, please read the faculty disclosures.")
            return redirect("courses:disclosures", course_id=learner.course.pk)
        if learner.enrollment is not None and state is not None and state.is_open:
            progress = services.module_progress_record(
                enrollment=learner.enrollment, module=page, progress=state.progress
            )
            left = seconds_left(progress.seconds, page.minimum_seconds)
            context.update(
                module_quiz_passed=learner.module_quiz_passed(page),
                progress=progress,
                seconds_left=left,
                minutes_left_phrase=minutes_phrase(left),
                minimum_minutes=page.minimum_seconds // 60,
            )
    return TemplateResponse(request, page.get_template(request), context)


def _refused(request: HttpRequest, error: LearnerActionRefused, *, back_url: str, back_label: str) -> HttpResponse:
    context = {"message": error.message, "back_url": back_url, "back_label": back_label}
    return render(request, "courses/action_refused.html", context, status=error.status)


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live().public(), pk=course_id)


def _own_enrollment(request: HttpRequest, course: CoursePage) -> Enrollment:
    """The signed-in learner's enrollment in the course; refused (403) when there is none."""
    enrollment = (
        Enrollment.objects.select_related("course", "acknowledgement")
        .filter(user_id=cast(int, request.user.pk), course=course)
        .first()
    )
    if enrollment is None:
        raise LearnerActionRefused(
            f"You are not enrolled in “{course.title}”. Enroll from the course page first.", status=403
        )
    return enrollment


@require_POST
def enroll(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if not request.user.is_authenticated:
        # Bring them back to the course page (not this POST-only URL) after logging in.
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': course.url})}")
    try:
        _, created = services.enrollment_create(user=request.user, course=course)
    except LearnerActionRefused as error:
        return _refused(request, error, back_url=course.url, back_label="Back to the course")
    if created:
        messages.success(request, f"You are enrolled in “{course.title}”.")
    return redirect("courses:disclosures", course_id=course.pk)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def disclosures(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    try:
        enrollment = _own_enrollment(request, course)
    except LearnerActionRefused as error:
        return _refused(request, error, back_url=course.url, back_label="Back to the course")
    if request.method == "POST":
        if request.POST.get("acknowledge") != "yes":
            context = {"course": course, "faculty": course.faculty.all(), "error": "Tick the box to continue."}
            return render(request, "courses/disclosures.html", context, status=400)
        services.disclosure_acknowledge(enrollment=enrollment)
        state = learner_course_state(user=cast(User, request.user), course=course)
        return redirect(state.next_url or course.url)
    context = {
        "course": course,
        "faculty": course.faculty.all(),
        "acknowledged": hasattr(enrollment, "acknowledgement"),
    }
    return render(request, "courses/disclosures.html", context)


def _course_of(module: ModulePage) -> CoursePage:
    course = course_of(module=module, live_only=True)
    if course is None:
        raise LearnerActionRefused("This module's course is not available.", status=404)
    return course


@login_required
@require_POST
def module_complete(request: HttpRequest, module_id: int) -> HttpResponse:
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id)
    try:
        enrollment = _own_enrollment(request, _course_of(module))
        services.module_complete(enrollment=enrollment, module=module)
    except LearnerActionRefused as error:
        return _refused(request, error, back_url=module.url, back_label=f"Back to “{module.title}”")
    state = learner_course_state(user=cast(User, request.user), course=enrollment.course)
    messages.success(request, f"“{module.title}” is complete.")
    return redirect(state.next_module.module.url if state.next_module else enrollment.course.url)


@login_required
@require_POST
def module_heartbeat(request: HttpRequest, module_id: int) -> HttpResponse:
    """Called by the module page every minute while it is visible: the server keeps the time."""
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id)
    try:
        enrollment = _own_enrollment(request, _course_of(module))
        services.module_check_open(enrollment=enrollment, module=module)
    except LearnerActionRefused as error:
        return JsonResponse({"error": error.message}, status=error.status)
    progress = services.module_progress_record(enrollment=enrollment, module=module)
    return JsonResponse(
        {
            "seconds": progress.seconds,
            "seconds_left": seconds_left(progress.seconds, module.minimum_seconds),
            "complete": progress.completed_at is not None,
        }
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request: HttpRequest, course_id: int) -> HttpResponse:
    """The course evaluation: required before credit, once every module is complete."""
    course = _live_course(course_id)
    try:
        enrollment = _own_enrollment(request, course)
    except LearnerActionRefused as error:
        return _refused(request, error, back_url=course.url, back_label="Back to the course")
    state = learner_course_state(user=cast(User, request.user), course=course)
    missing = state.missing_before(Step.EVALUATION)
    if missing:
        refusal = LearnerActionRefused(f"The evaluation opens once the steps before it are done: {'; '.join(missing)}.")
        return _refused(request, refusal, back_url=course.url, back_label="Back to the course")
    done = EvaluationResponse.objects.filter(enrollment=enrollment).first()
    fields = evaluation_fields(course)
    context: dict[str, object] = {
        "course": course,
        "fields": fields,
        "done": done,
        "errors": {},
        "answers": {},
        "likert_choices": LIKERT_CHOICES,
    }
    if request.method == "POST" and done is None:
        items, errors = evaluation_parse(course, request.POST)
        if errors:
            context.update(errors=errors, answers={i["id"]: i["answer"] for i in items})
            return render(request, "courses/evaluation.html", context, status=400)
        services.evaluation_submit(enrollment=enrollment, items=items)
        messages.success(request, "Thank you: your evaluation is recorded.")
        return redirect("certificates:claim", course_id=course.pk)
    return render(request, "courses/evaluation.html", context)


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every enrolled course, its progress, the next step and what is left for credit."""
    return render(request, "courses/dashboard.html", {"courses": learner_dashboard(user=cast(User, request.user))})


@require_GET
def mme_calculator(request: HttpRequest) -> HttpResponse:
    """The MME calculator, computed on the server (the module block posts here without JavaScript).

    A GET form: the doses are not personal data, and the page needs no CSRF token. Invalid
    input answers 400 with the messages beside the fields.
    """
    form = MMECalculatorForm(request.GET or None)
    status = 200
    if request.GET and not form.is_valid():
        status = 400
    in_place = request.headers.get("X-Requested-With") == "fetch"
    template = "courses/includes/mme_form.html" if in_place else "courses/mme.html"
    return render(request, template, {"form": form, "result": form.result}, status=status)
