from __future__ import annotations

from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("quizzes/history/", views.history, name="history"),
    path("quizzes/attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
    path("quizzes/attempts/<int:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("quizzes/<int:page_id>/<str:kind>/", views.quiz_overview, name="overview"),
    path("quizzes/<int:page_id>/<str:kind>/start/", views.quiz_start, name="start"),
]
