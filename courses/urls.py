from __future__ import annotations

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("tools/mme-calculator/", views.mme_calculator, name="mme_calculator"),
    path("learn/courses/<id:course_id>/enroll/", views.enroll, name="enroll"),
    path("learn/courses/<id:course_id>/disclosures/", views.disclosures, name="disclosures"),
    path("learn/courses/<id:course_id>/evaluation/", views.evaluation, name="evaluation"),
    path("learn/modules/<id:module_id>/complete/", views.module_complete, name="module_complete"),
    path("learn/modules/<id:module_id>/heartbeat/", views.module_heartbeat, name="module_heartbeat"),
]
