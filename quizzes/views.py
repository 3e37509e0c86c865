"""Thin views over quizzes/services.py. Another learner's attempt is a 404; refusals say why."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from courses.models import Enrollment
from courses.pathway import Step
from courses.selectors import learner_course_state
from courses.services import LearnerActionRefused
from lms.accounts.models import User
from quizzes import services
from quizzes.answers import answers_parse, kept_choices, served_questions, unanswered_message
from quizzes.models import QuizAttempt, QuizKind
from quizzes.selectors import (
    QuizDefinition,
    attempt_for_learner,
    attempt_history,
    attempts_for,
    explanations_visible,
    quiz_definition,
)


def _quiz_or_404(page_id: int, kind: str) -> QuizDefinition:
    if kind not in QuizKind.values:
        raise Http404
    page = Page.objects.live().public().filter(pk=page_id).first()
    quiz = quiz_definition(page=page, kind=kind) if page is not None else None
    if quiz is None:
        raise Http404("No such quiz.")
    return quiz


def _refused(request: HttpRequest, error: LearnerActionRefused, quiz: QuizDefinition) -> HttpResponse:
    context = {"message": error.message, "back_url": quiz.page.url, "back_label": f"Back to “{quiz.page.title}”"}
    return render(request, "courses/action_refused.html", context, status=error.status)


@never_cache
@login_required
@require_GET
def quiz_overview(request: HttpRequest, page_id: int, kind: str) -> HttpResponse:
    quiz = _quiz_or_404(page_id, kind)
    enrollment = Enrollment.objects.filter(user_id=cast(User, request.user).pk, course=quiz.course).first()
    attempts = attempts_for(enrollment=enrollment, page=quiz.page, kind=quiz.kind) if enrollment else []
    maximum = quiz.settings["max_attempts"]
    missing: list[str] = []
    if enrollment is not None and quiz.kind != QuizKind.MODULE:
        state = learner_course_state(user=cast(User, request.user), course=quiz.course)
        missing = state.missing_before(Step.PRETEST if quiz.kind == QuizKind.PRE else Step.POSTTEST)
    context = {
        "quiz": quiz,
        "enrollment": enrollment,
        "missing": missing,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if not a.is_submitted), None),
        "passed": next((a for a in attempts if a.passed), None),
        "attempts_left": (maximum - len(attempts)) if maximum else None,
    }
    return render(request, "quizzes/overview.html", context)


@login_required
@require_POST
def quiz_start(request: HttpRequest, page_id: int, kind: str) -> HttpResponse:
    quiz = _quiz_or_404(page_id, kind)
    try:
        attempt = services.attempt_start(user=cast(User, request.user), quiz=quiz)
    except LearnerActionRefused as error:
        return _refused(request, error, quiz)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _own_attempt(request: HttpRequest, attempt_id: int) -> QuizAttempt:
    attempt = attempt_for_learner(attempt_id=attempt_id, user_id=cast(User, request.user).pk)
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def _render_attempt(
    request: HttpRequest,
    attempt: QuizAttempt,
    *,
    status: int = 200,
    error: str = "",
    kept: set[str] | None = None,
    unanswered: list[int] | None = None,
) -> HttpResponse:
    if not attempt.is_submitted:
        context = {
            "attempt": attempt,
            "unanswered": set(unanswered or []),
            "questions": served_questions(attempt.snapshot),  # no keys, no explanations
            "error": error,
            "kept": kept or set(),
            "passing_score": attempt.snapshot["quiz"]["passing_score"],
        }
        return render(request, "quizzes/attempt_form.html", context, status=status)
    context = {**_review_context(attempt), "already_submitted": status == 409}
    return render(request, "quizzes/attempt_review.html", context, status=status)


def _review_context(attempt: QuizAttempt) -> dict[str, object]:
    show = explanations_visible(attempt=attempt)
    questions = []
    for number, q in enumerate(attempt.snapshot["questions"], start=1):
        chosen = set(attempt.answers.get(q["id"], []))
        questions.append(
            {
                "number": number,
                "prompt": q["prompt"],
                "correct": attempt.results.get(q["id"], False),
                "choices": [
                    {"text": c["text"], "chosen": c["id"] in chosen, "key": show and c["id"] in q["correct"]}
                    for c in q["choices"]
                ],
                "explanation": q["explanation"] if show else "",
                "reference": q["reference"] if show else "",
            }
        )
    maximum = attempt.max_attempts
    return {
        "attempt": attempt,
        "questions": questions,
        "show_explanations": show,
        "passing_score": attempt.snapshot["quiz"]["passing_score"],
        "attempts_left": max(0, maximum - attempt.number) if maximum else None,
        "page_url": attempt.page.specific.url,
    }


@never_cache
@login_required
@require_GET
def attempt_detail(request: HttpRequest, attempt_id: int) -> HttpResponse:
    return _render_attempt(request, _own_attempt(request, attempt_id))


@never_cache
@login_required
@require_POST
def attempt_submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        return _render_attempt(request, attempt, status=409)
    parsed = answers_parse(attempt.snapshot, request.POST)
    if parsed.invalid:
        return _render_attempt(request, attempt, status=400, error=parsed.invalid, kept=kept_choices(parsed.answers))
    if parsed.unanswered:
        message = unanswered_message(parsed.unanswered)
        return _render_attempt(
            request,
            attempt,
            status=400,
            error=message,
            kept=kept_choices(parsed.answers),
            unanswered=parsed.unanswered,
        )
    try:
        attempt = services.attempt_submit(attempt=attempt, parsed=parsed, token=request.POST.get("token", ""))
    except services.AttemptAlreadySubmitted:
        attempt.refresh_from_db()
        return _render_attempt(request, attempt, status=409)
    except LearnerActionRefused as error:
        return _render_attempt(
            request, attempt, status=error.status, error=error.message, kept=kept_choices(parsed.answers)
        )
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@never_cache
@login_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/history.html", {"attempts": attempt_history(user_id=cast(User, request.user).pk)})
