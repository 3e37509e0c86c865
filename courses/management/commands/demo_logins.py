"""Print the demo logins that `seed_demo` creates (used by `make run`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from .seed_demo import DEMO_USERS

ROLES = {
    "clinician@antidote.example": "Clinician (learner)",
    "specialist@antidote.example": "Detailing specialist (authors courses in /admin/)",
    "reviewer@antidote.example": "Clinical reviewer (approves content in /admin/)",
    "admin@antidote.example": "Administrator (/admin/)",
}


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("\nDemo logins (demo data only: never use these on a real deployment)")
        for email, password, *_ in DEMO_USERS:
            self.stdout.write(f"  {ROLES[email]:<52} {email:<30} {password}")
        self.stdout.write("Site: http://127.0.0.1:8000/    Admin: http://127.0.0.1:8000/admin/\n")
