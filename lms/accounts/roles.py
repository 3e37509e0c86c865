"""The three staff roles and the "Clinical review" workflow, as data.

Clinicians hold no role: they never reach /admin/ (Wagtail refuses users without
``wagtailadmin.access_admin``). Staff get exactly one of these Wagtail groups:

- *Detailing specialists* author courses and modules and submit them to Clinical review; they
  cannot publish.
- *Clinical reviewers* approve or reject submitted changes in the workflow (approving publishes).
- *Administrators* read the reports, export them (CSV, XLSX, PARS), revoke, reissue and retry
  certificates, and read the audit log; they do not edit content.

Page permissions are granted on the tree's root page, so they cover the whole site (home, catalog,
courses, modules) and every page created later; the workflow is attached there too, so no page
change goes live without a reviewer's approval. Superusers bypass workflows, as Wagtail intends:
the demo has none.

``apply_roles`` runs in the data migration ``accounts.0003_roles`` with historical models and is
idempotent, so a later migration can call it again after a role changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SPECIALISTS = "Detailing specialists"
REVIEWERS = "Clinical reviewers"
ADMINISTRATORS = "Administrators"
WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical reviewer approval"

# Wagtail's own defaults, replaced by the roles above when nobody uses them.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename" -> human name (used only when the permission does not exist yet,
    # since Django creates permissions after migrations run).
    permissions: dict[str, str]
    page_permissions: tuple[str, ...] = field(default=())


_ADMIN = {"wagtailadmin.access_admin": "Can access Wagtail admin"}
_ANALYTICS = {"courses.view_course_analytics": "Can view course analytics"}
_MEDIA = {
    "wagtailimages.add_image": "Can add image",
    "wagtailimages.change_image": "Can change image",
    "wagtailimages.choose_image": "Can choose image",
    "wagtaildocs.add_document": "Can add document",
    "wagtaildocs.change_document": "Can change document",
    "wagtaildocs.choose_document": "Can choose document",
}

ROLES: tuple[Role, ...] = (
    Role(
        SPECIALISTS,
        permissions={**_ADMIN, **_ANALYTICS, **_MEDIA},
        page_permissions=("add_page", "change_page"),
    ),
    Role(
        REVIEWERS,
        permissions={**_ADMIN, **_ANALYTICS, **_MEDIA},
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    ),
    Role(
        ADMINISTRATORS,
        permissions={
            **_ADMIN,
            **_ANALYTICS,
            "certificates.view_reports": "Can view and export completion, attempt and certificate reports",
            "certificates.manage_certificates": "Can revoke, reissue and retry certificates",
            # The audit log (Reports > Site history) lists entries of the models a user may view.
            "certificates.view_certificate": "Can view certificate",
            "certificates.view_creditclaim": "Can view credit claim",
            "quizzes.view_quizattempt": "Can view quiz attempt",
            # Report exports are logged against the exporting user: seeing them takes a user permission
            # (it also gives a read-only list of users under Settings).
            "accounts.view_user": "Can view user",
        },
    ),
)

# Permissions whose codename does not end in their model's name: the model they are declared on.
_MODEL_OF = {
    "wagtailadmin.access_admin": "admin",
    "courses.view_course_analytics": "enrollment",
    "certificates.view_reports": "certificate",
    "certificates.manage_certificates": "certificate",
}

ROLE_BY_KEY = {"specialist": SPECIALISTS, "reviewer": REVIEWERS, "administrator": ADMINISTRATORS}


def _permission(apps: Any, dotted: str, name: str) -> Any:
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    app_label, codename = dotted.split(".")
    model = _MODEL_OF.get(dotted) or codename.split("_", 1)[1]  # Django's "<action>_<model>" codenames
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def apply_roles(apps: Any, schema_editor: Any = None) -> None:
    """Create or update the groups, their permissions and the workflow (historical models)."""
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")  # noqa: N806

    root = Page.objects.filter(depth=1).order_by("path").first()
    groups: dict[str, Any] = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        group.permissions.set([_permission(apps, dotted, name) for dotted, name in role.permissions.items()])
        if root is None:
            continue
        for codename in role.page_permissions:
            permission = _permission(apps, f"wagtailcore.{codename}", codename.replace("_", " "))
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    if root is not None:
        _apply_workflow(apps, root, groups[REVIEWERS])

    # Wagtail's default Editors and Moderators (and their workflow) would be a second, unreviewed
    # path to publishing: remove them unless someone was put in them by hand.
    unused = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True)
    GroupPagePermission.objects.filter(group__in=unused).delete()
    unused.delete()


def _apply_workflow(apps: Any, root: Any, reviewers: Any) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
    Workflow = apps.get_model("wagtailcore", "Workflow")  # noqa: N806
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")  # noqa: N806
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")  # noqa: N806
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")  # noqa: N806

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([reviewers])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    # Wagtail's default "Moderators approval" workflow is left with no pages: deactivate it.
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, workflow_pages__isnull=True).update(active=False)
