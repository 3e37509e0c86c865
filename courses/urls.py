from __future__ import annotations

from django.urls import path

from . import learner_views, views

app_name = "courses"

urlpatterns = [
    path("tools/mme-calculator/", views.mme_calculator, name="mme_calculator"),
    path("learn/courses/<id:course_id>/enroll/", learner_views.enroll, name="enroll"),
    path("learn/courses/<id:course_id>/disclosures/", learner_views.disclosures, name="disclosures"),
    path("learn/courses/<id:course_id>/evaluation/", learner_views.evaluation, name="evaluation"),
    path("learn/modules/<id:module_id>/complete/", learner_views.module_complete, name="module_complete"),
    path("learn/modules/<id:module_id>/heartbeat/", learner_views.module_heartbeat, name="module_heartbeat"),
]
