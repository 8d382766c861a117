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

# Directory (ttdn.directory, docs/directory.md): every role reads it; reference data
# (administrative units, countries) is changed by administrators only; people are
# personal data, seen only by the roles that record foreign-affairs activities
# (a focal point sees only the people of their own organisation).
DIRECTORY_VIEW = (
    "directory.view_administrativeunit",
    "directory.view_organisation",
    "directory.view_country",
    "directory.view_foreignpartner",
)
DIRECTORY_PEOPLE_VIEW = ("directory.view_person",)
DIRECTORY_EDIT = (
    *DIRECTORY_VIEW,
    *DIRECTORY_PEOPLE_VIEW,
    "directory.add_organisation",
    "directory.change_organisation",
    "directory.add_foreignpartner",
    "directory.change_foreignpartner",
    "directory.delete_foreignpartner",
    "directory.add_person",
    "directory.change_person",
    "directory.delete_person",
)

# Foreign-affairs register (ttdn/affairs, docs/affairs.md): officers record and
# process every record; focal points record and submit their own organisation's
# (scoped in ttdn/affairs/selectors.py, deletion of drafts only); steering-committee
# members read. Deadline rules are changed by administrators only.
AFFAIRS_RECORDS = (
    "delegation",
    "internationalconference",
    "internationalagreement",
    "aidpackage",
    "foreignngo",
    "foreignpressvisit",
)
AFFAIRS_VIEW = tuple(f"affairs.view_{name}" for name in AFFAIRS_RECORDS)
AFFAIRS_RECORD = (
    *AFFAIRS_VIEW,
    *(
        f"affairs.{action}_{name}"
        for name in AFFAIRS_RECORDS
        for action in ("add", "change", "delete")
    ),
)
AFFAIRS_PROCESS = (*AFFAIRS_RECORD, "affairs.view_deadlinerule")

# The document library (ttdn/documents, docs/documents.md): every back-office
# role reads it (scoped in documents/selectors.py); officers, approvers and
# administrators file and change documents, editors file them, focal points file
# their own organisation's.
DOCUMENTS_READ = ("documents.view_officialdocument",)
DOCUMENTS_FILE = (
    *DOCUMENTS_READ,
    "documents.add_officialdocument",
    "documents.change_officialdocument",
)
DOCUMENTS_MANAGE = (*DOCUMENTS_FILE, "documents.delete_officialdocument")

# Citizens' questions (ttdn/questions): officers route, answer, approve and
# publish; focal points answer the questions routed to their organisation
# (scoped in questions/selectors.py); steering-committee members read.
QUESTIONS_READ = ("questions.view_question",)
QUESTIONS_ANSWER = (*QUESTIONS_READ, "questions.change_question")

# Visit statistics in the admin (ttdn/analytics): read the daily figures and the
# article views. Setting starting figures is for administrators.
ANALYTICS_READ = ("analytics.view_dailystats", "analytics.view_pageviewtotal")

# Information monitoring (ttdn.monitoring, docs/monitoring.md). Monitors and
# foreign-affairs officers run the watch (sources, inbox, stories, alerts) and
# handle every incident; focal points see, verify and answer the incidents
# assigned to their organisation (scoped in monitoring/selectors.py);
# steering-committee members read incidents. Deadline rules: administrators.
MONITORING_INCIDENT_HANDLE = (
    "monitoring.view_incident",
    "monitoring.change_incident",
    "monitoring.view_response",
    "monitoring.add_response",
    "monitoring.change_response",
    "monitoring.view_deadlinerule",
)
MONITORING_WATCH = (
    *MONITORING_INCIDENT_HANDLE,
    "monitoring.view_source",
    "monitoring.add_source",
    "monitoring.change_source",
    "monitoring.view_item",
    "monitoring.review_item",
    "monitoring.view_story",
    "monitoring.view_alert",
    "monitoring.change_alert",
    "monitoring.add_incident",
    "monitoring.manage_incident",
)
MONITORING_READ = ("monitoring.view_incident", "monitoring.view_response")

# Plans, tasks and the steering committee (ttdn/planning, docs/planning.md):
# officers manage plans, tasks, the committee and review progress reports; focal
# points read their organisation's tasks and report on them (scoped in
# planning/selectors.py); steering-committee members read everything.
PLANNING_READ = (
    "planning.view_plan",
    "planning.view_task",
    "planning.view_progressreport",
    "planning.view_steeringcommittee",
    "planning.view_meeting",
)
PLANNING_REPORT = (
    "planning.view_plan",
    "planning.view_task",
    "planning.view_progressreport",
    "planning.add_progressreport",
    "planning.change_progressreport",
)
PLANNING_MANAGE = (
    *PLANNING_READ,
    "planning.add_plan",
    "planning.change_plan",
    "planning.delete_plan",
    "planning.add_task",
    "planning.change_task",
    "planning.delete_task",
    "planning.add_progressreport",
    "planning.change_progressreport",
    "planning.review_progressreport",
    "planning.add_steeringcommittee",
    "planning.change_steeringcommittee",
    "planning.add_meeting",
    "planning.change_meeting",
    "planning.delete_meeting",
)
# Reports and statistics (ttdn/reports, docs/reports.md): officers draft and
# issue reports; steering-committee members read dashboards, indicators, reports.
REPORTS_READ = ("reports.view_report",)
REPORTS_MANAGE = (
    *REPORTS_READ,
    "reports.add_report",
    "reports.change_report",
    "reports.delete_report",
    "reports.issue_report",
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
            permissions=(
                "wagtailadmin.access_admin",
                "taggit.add_tag",
                *DIRECTORY_VIEW,
                *ANALYTICS_READ,
                *DOCUMENTS_FILE,
            ),
            page_permissions=PAGE_EDIT,
            collection_permissions=MEDIA_USE,
        ),
        Role(
            APPROVER,
            "Lãnh đạo duyệt tin",
            _("Reviews, approves and publishes articles."),
            permissions=(
                "wagtailadmin.access_admin",
                "taggit.add_tag",
                *DIRECTORY_VIEW,
                *ANALYTICS_READ,
                *DOCUMENTS_MANAGE,
            ),
            page_permissions=PAGE_PUBLISH,
            collection_permissions=MEDIA_MANAGE,
            approves_articles=True,
        ),
        Role(
            FOREIGN_AFFAIRS_OFFICER,
            "Chuyên viên đối ngoại",
            _("Records and processes foreign-affairs activities."),
            permissions=(
                "wagtailadmin.access_admin",
                *DIRECTORY_EDIT,
                *AFFAIRS_PROCESS,
                *MONITORING_WATCH,
                *PLANNING_MANAGE,
                *REPORTS_MANAGE,
                *DOCUMENTS_MANAGE,
                *QUESTIONS_ANSWER,
            ),
            collection_permissions=(
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
            ),
        ),
        Role(
            FOCAL_POINT,
            "Đầu mối đơn vị",
            _("Sees and submits only their own organisation's records."),
            permissions=(
                "wagtailadmin.access_admin",
                *DIRECTORY_VIEW,
                *DIRECTORY_PEOPLE_VIEW,
                *AFFAIRS_RECORD,
                *MONITORING_INCIDENT_HANDLE,
                *PLANNING_REPORT,
                *DOCUMENTS_FILE,
                *QUESTIONS_ANSWER,
            ),
            collection_permissions=(
                "wagtaildocs.add_document",
                "wagtaildocs.choose_document",
            ),
        ),
        Role(
            MONITOR,
            "Cán bộ theo dõi thông tin",
            _("Follows information about the province and handles incidents."),
            permissions=(
                "wagtailadmin.access_admin",
                *DIRECTORY_VIEW,
                *MONITORING_WATCH,
                *DOCUMENTS_READ,
            ),
        ),
        Role(
            STEERING_MEMBER,
            "Thành viên Ban Chỉ đạo",
            _("Reads dashboards, plans and reports."),
            permissions=(
                "wagtailadmin.access_admin",
                *DIRECTORY_VIEW,
                *ANALYTICS_READ,
                *AFFAIRS_VIEW,
                *MONITORING_READ,
                *PLANNING_READ,
                *REPORTS_READ,
                *DOCUMENTS_READ,
                *QUESTIONS_READ,
            ),
        ),
    )
}

APPROVAL_WORKFLOW_NAME = "Duyệt tin bài"
APPROVAL_TASK_NAME = "Lãnh đạo duyệt tin"


def role_names(keys) -> str:
    """The group names of the roles *keys*, for messages (``Chuyên viên …, …``)."""
    return ", ".join(sorted(str(ROLES[k].group_name) for k in keys if k in ROLES))
