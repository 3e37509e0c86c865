"""The staff roles and the "Clinical review" workflow (lms/accounts/roles.py)."""

from django.db import migrations

from lms.accounts.roles import apply_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_email_confirmation_and_clinician_profile"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("courses", "0005_permissions"),
        ("certificates", "0002_permissions"),
        ("quizzes", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
