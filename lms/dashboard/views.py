"""The learner's dashboard: every enrolled course, its progress, the next step and what is left for credit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from courses.selectors import learner_dashboard


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/dashboard.html", {"courses": learner_dashboard(request.user)})
