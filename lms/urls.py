from __future__ import annotations

from django.conf import settings
from django.urls import include, path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses.views import dashboard
from lms import views
from lms.converters import RowIdConverter

# <id:...> in every app's urls.py: registered before they are included.
register_converter(RowIdConverter, "id")

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("dashboard/", dashboard, name="dashboard"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("lms.accounts.urls")),
    path("", include("courses.urls")),
    path("", include("quizzes.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: it answers every other path.
urlpatterns += [path("", include(wagtail_urls))]
