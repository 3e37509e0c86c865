from __future__ import annotations

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("certificates/claim/<id:course_id>/", views.claim, name="claim"),
    path("certificates/<uuid:certificate_id>/", views.status, name="status"),
    path("certificates/<uuid:certificate_id>/status.json", views.status_json, name="status_json"),
    path("certificates/<uuid:certificate_id>/download/", views.download, name="download"),
    path("transcript/", views.transcript, name="transcript"),
    path("transcript/summary.pdf", views.transcript_pdf, name="transcript_pdf"),
    path("verify/", views.verify, name="verify_code"),
    path("verify/<str:token>/", views.verify, name="verify"),
]
