from __future__ import annotations

from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("quizzes/history/", views.history, name="history"),
    path("quizzes/attempts/<id:attempt_id>/", views.attempt_detail, name="attempt"),
    path("quizzes/attempts/<id:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("quizzes/<id:page_id>/<str:kind>/", views.quiz_overview, name="overview"),
    path("quizzes/<id:page_id>/<str:kind>/start/", views.quiz_start, name="start"),
]
