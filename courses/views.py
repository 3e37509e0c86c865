from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import MMECalculatorForm


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
