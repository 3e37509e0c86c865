from __future__ import annotations

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Here, not at the top: the page cache imports Wagtail's models, which need the app registry ready.
        from courses import page_cache

        page_cache.connect_signals()
