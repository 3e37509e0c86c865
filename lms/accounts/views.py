"""Registration, email confirmation, the clinician profile, and the auth views' small adjustments.

Every page here that shows or takes personal data is served with Cache-Control: no-store, and
its sensitive POST fields are masked in error reports.
"""

from __future__ import annotations

from typing import Any, cast

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import EMAIL_TAKEN_MESSAGE, ClinicianProfileForm, RegistrationForm
from .models import User
from .selectors import profile_for

PROFILE_SENSITIVE_FIELDS = ("npi", "licence_number", "nabp_eprofile_id", "birth_month", "birth_day")
# Django's login backend is named explicitly: with django-axes there are two backends, and a
# new account has just been created, not authenticated with a password.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _safe_next(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _request_user(request: HttpRequest) -> User:
    """The signed-in learner (only called behind login_required; AUTH_USER_MODEL is User)."""
    return cast(User, request.user)


def _posted(request: HttpRequest) -> Any:
    # Bound on every POST, even an empty one, so that an empty submission shows its messages.
    return request.POST if request.method == "POST" else None


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = RegistrationForm(_posted(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = services.user_register(
                    email=data["email"],
                    password=data["password1"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    base_url=_base_url(request),
                )
            except services.EmailTakenError:
                form.add_error("email", EMAIL_TAKEN_MESSAGE)
            else:
                login(request, user, backend=MODEL_BACKEND)
                return redirect("accounts:confirm_sent")
        status = 400
    return render(request, "accounts/register.html", {"form": form}, status=status)


@never_cache
@login_required
@require_http_methods(["GET"])
def confirm_sent(request: HttpRequest) -> HttpResponse:
    user = _request_user(request)
    if user.email_confirmed:
        return redirect("accounts:profile")
    return render(request, "accounts/confirm_sent.html", {"email": user.email})


@never_cache
@require_POST
def confirm_resend(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        # Back to a page that offers the button again: a login's "next" cannot repeat a POST.
        return redirect_to_login(reverse("accounts:profile"))
    user = _request_user(request)
    outcome = services.email_confirmation_resend(user=user, base_url=_base_url(request))
    if outcome is services.ResendOutcome.ALREADY_CONFIRMED:
        messages.info(request, "Your email address is already confirmed.")
        return redirect("accounts:profile")
    if outcome is services.ResendOutcome.TOO_SOON:
        messages.info(request, "We sent you a link less than a minute ago. Check your inbox and spam folder.")
    elif outcome is services.ResendOutcome.FAILED:
        messages.error(request, "We could not send the email just now. Please try again in a few minutes.")
    else:
        messages.success(request, f"We sent a new confirmation link to {user.email}.")
    return redirect("accounts:confirm_sent")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST confirms. Mail scanners that fetch links do not confirm for the learner."""
    try:
        token_user = services.email_confirmation_user(token=token)
    except services.ConfirmationTokenError as error:
        return render(request, "accounts/confirm_invalid.html", {"expired": error.expired}, status=400)
    if request.method == "POST":
        services.email_confirm(token=token)
        if not request.user.is_authenticated:
            messages.success(request, "Your email address is confirmed. Log in to continue.")
            return redirect_to_login(reverse("accounts:profile"))
        if request.user.pk == token_user.pk and profile_for(user=request.user) is None:
            messages.success(
                request,
                "Your email address is confirmed. Now complete your clinician profile: "
                "we need it to issue your certificates.",
            )
        else:
            messages.success(request, "The email address is confirmed.")
        return redirect("accounts:profile")
    return render(request, "accounts/confirm_email.html", {"already_confirmed": token_user.email_confirmed})


@never_cache
@sensitive_post_parameters(*PROFILE_SENSITIVE_FIELDS)
@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = _request_user(request)
    existing = profile_for(user=user)
    initial: dict[str, Any] = {} if existing else {"full_name_for_certificate": user.get_full_name()}
    form = ClinicianProfileForm(_posted(request), instance=existing, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.clinician_profile_update(user=user, data=form.cleaned_data)
            messages.success(request, "Your profile is saved.")
            # The profile page itself by default: the URL never carries what was posted.
            return redirect(_safe_next(request, reverse("accounts:profile")))
        status = 400
    context = {
        "form": form,
        "is_new": existing is None,
        "email_confirmed": user.email_confirmed,
        "next": _safe_next(request, ""),
    }
    return render(request, "accounts/profile.html", context, status=status)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): the login page's own look, saying why."""
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, "accounts/locked_out.html", {"cooloff_minutes": minutes}, status=429)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view, answering 400 to a used or broken link, and ending a login lockout on success."""

    template_name = "accounts/password_reset_confirm.html"

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        if not context.get("validlink"):
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Setting a new password through the emailed link proves control of the address, so
        # the failed attempts that locked the account no longer count. (A reset with no
        # username would clear every account's attempts: hence the guard.)
        if form.user.email:
            axes_reset(username=form.user.email)
        return response
