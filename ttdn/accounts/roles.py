"""Roles are Django groups. This module says which group is which role and what
each role may do; services.sync_roles() applies it (after every migrate).

Group names are what administrators see; code refers to roles by key.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

ADMINISTRATOR = "administrator"
EDITOR = "editor"
APPROVER = "approver"
FOREIGN_AFFAIRS_OFFICER = "foreign_affairs_officer"
FOCAL_POINT = "focal_point"
MONITOR = "monitor"
STEERING_MEMBER = "steering_member"

# Page permission types granted on the root page (Wagtail's page permissions).
PAGE_EDIT = ("add", "change", "lock")
PAGE_PUBLISH = ("add", "change", "lock", "unlock", "publish", "bulk_delete")
# Collection permissions on the root collection. Wagtail checks image permissions
# against wagtailimages.Image even with a custom image model.
MEDIA_USE = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
MEDIA_MANAGE = (
    *MEDIA_USE,
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    description: str
    permissions: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    all_permissions: bool = False
    approves_articles: bool = False
    extra: dict = field(default_factory=dict)


ROLES: dict[str, Role] = {
    role.key: role
    for role in (
        Role(
            ADMINISTRATOR,
            "Quản trị hệ thống",
            _("Manages users, roles, settings and every record."),
            permissions=("wagtailadmin.access_admin",),
            page_permissions=PAGE_PUBLISH,
            collection_permissions=MEDIA_MANAGE,
            all_permissions=True,
        ),
        Role(
            EDITOR,
            "Biên tập viên",
            _("Writes articles and submits them for approval; cannot publish."),
            permissions=("wagtailadmin.access_admin", "taggit.add_tag"),
            page_permissions=PAGE_EDIT,
            collection_permissions=MEDIA_USE,
        ),
        Role(
            APPROVER,
            "Lãnh đạo duyệt tin",
            _("Reviews, approves and publishes articles."),
            permissions=("wagtailadmin.access_admin", "taggit.add_tag"),
            page_permissions=PAGE_PUBLISH,
            collection_permissions=MEDIA_MANAGE,
            approves_articles=True,
        ),
        Role(
            FOREIGN_AFFAIRS_OFFICER,
            "Chuyên viên đối ngoại",
            _("Records and processes foreign-affairs activities."),
            permissions=("wagtailadmin.access_admin",),
            collection_permissions=(
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
            ),
        ),
        Role(
            FOCAL_POINT,
            "Đầu mối đơn vị",
            _("Sees and submits only their own organisation's records."),
            permissions=("wagtailadmin.access_admin",),
            collection_permissions=(
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
            ),
        ),
        Role(
            MONITOR,
            "Cán bộ theo dõi thông tin",
            _("Follows information about the province and handles incidents."),
            permissions=("wagtailadmin.access_admin",),
        ),
        Role(
            STEERING_MEMBER,
            "Thành viên Ban Chỉ đạo",
            _("Reads dashboards, plans and reports."),
            permissions=("wagtailadmin.access_admin",),
        ),
    )
}

APPROVAL_WORKFLOW_NAME = "Duyệt tin bài"
APPROVAL_TASK_NAME = "Lãnh đạo duyệt tin"
