"""Kinds and states of planning records. Values are stable identifiers stored in
the database (docs/planning.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanTerm(models.TextChoices):
    """Circular 22/2016: long-term, medium-term and annual TTĐN plans."""

    LONG = "long", _("long-term")
    MEDIUM = "medium", _("medium-term")
    ANNUAL = "annual", _("annual")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("plan status", "draft")
    CONSULTING = "consulting", pgettext_lazy("plan status", "being consulted")
    ISSUED = "issued", pgettext_lazy("plan status", "issued")
    IN_EXECUTION = "in_execution", pgettext_lazy("plan status", "in execution")
    CLOSED = "closed", pgettext_lazy("plan status", "closed")


# Plans whose tasks are live: assigned units see them, statuses and reminders run.
LIVE_PLAN_STATUSES = frozenset(
    {PlanStatus.ISSUED, PlanStatus.IN_EXECUTION, PlanStatus.CLOSED}
)
# Plans whose content (text, content areas) may still be edited.
EDITABLE_PLAN_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.CONSULTING})


class Recurrence(models.TextChoices):
    NONE = "", _("one-off (a single due date)")
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    HALF_YEARLY = "half_yearly", _("half-yearly")


# Months per period of a recurrence.
RECURRENCE_MONTHS = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
}


class AssignmentGroup(models.TextChoices):
    """Target groups a task can be assigned to; each expands to the organisations
    of the serving province valid on the assignment date. District People's
    Committees exist only before 1 July 2025 (two-level local government)."""

    DEPARTMENTS = "departments", _("all departments (sở, ban, ngành)")
    COMMUNE_PCS = "commune_pcs", _("all commune-level People's Committees")
    DISTRICT_PCS = "district_pcs", _("all district People's Committees (until 2025)")


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("lead unit")
    SUPPORT = "support", _("supporting unit")


class WorkStatus(models.TextChoices):
    """The four groups of Vietnamese task tracking (Decision 42/2014/QĐ-TTg as
    amended): every assigned unit's work for one due date is in exactly one."""

    DONE_ON_TIME = "done_on_time", pgettext_lazy("task status", "done on time")
    DONE_LATE = "done_late", pgettext_lazy("task status", "done late")
    WITHIN_DEADLINE = (
        "within_deadline",
        pgettext_lazy("task status", "not done, within the deadline"),
    )
    OVERDUE = "overdue", pgettext_lazy("task status", "not done, overdue")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("progress report", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("progress report", "accepted")
    RETURNED = "returned", pgettext_lazy("progress report", "returned for completion")


class ReminderKind(models.TextChoices):
    BEFORE_DEADLINE = "before", _("reminder before the deadline")
    ESCALATION = "escalation", _("escalation after the deadline")


class CommitteeRole(models.TextChoices):
    HEAD = "head", pgettext_lazy("steering committee", "head")
    STANDING_DEPUTY = (
        "standing_deputy",
        pgettext_lazy("steering committee", "standing deputy head"),
    )
    DEPUTY = "deputy", pgettext_lazy("steering committee", "deputy head")
    MEMBER = "member", pgettext_lazy("steering committee", "member")


# Roles held by one member at a time.
SINGLE_HOLDER_ROLES = frozenset({CommitteeRole.HEAD, CommitteeRole.STANDING_DEPUTY})


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("regular meeting")
    H1_REVIEW = "h1_review", _("half-year review (sơ kết 6 tháng)")
    ANNUAL_REVIEW = "annual_review", _("annual review (tổng kết năm)")
    AD_HOC = "ad_hoc", _("ad hoc meeting")
