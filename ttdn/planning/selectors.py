"""Reads of plans, tasks, progress reports and the steering committee, scoped by
role and organisation (docs/planning.md#who-sees-what):

* foreign-affairs officers and administrators see and manage everything;
* steering-committee members read everything;
* a focal point sees only the issued plans and the tasks assigned to their own
  organisation (and to the bodies it took over, see
  ``ttdn.accounts.selectors.visible_organisation_ids``), and reports only for
  the tasks their organisation leads.

The four-way status of a :class:`~.models.WorkItem` on any day is computed in the
database by :func:`status_expression`, the same rule as
:func:`ttdn.planning.schedule.classify`.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from ttdn.accounts import roles
from ttdn.accounts.selectors import (
    has_role,
    sees_all_organisations,
    user_roles,
    visible_organisation_ids,
)
from ttdn.accounts.services import role_group

from .choices import (
    LIVE_PLAN_STATUSES,
    AssignmentRole,
    CommitteeRole,
    PlanStatus,
    ReminderKind,
    ReportStatus,
    WorkStatus,
)
from .models import (
    CommitteeMember,
    Meeting,
    Plan,
    PlanningSettings,
    ProgressReport,
    SteeringCommittee,
    Task,
    TaskAssignment,
    WorkItem,
)

STATUS_ORDER = (
    WorkStatus.DONE_ON_TIME,
    WorkStatus.DONE_LATE,
    WorkStatus.WITHIN_DEADLINE,
    WorkStatus.OVERDUE,
)


def today() -> dt.date:
    return timezone.localdate()


# --- who may do what ------------------------------------------------------------
def manages_planning(user) -> bool:
    """Foreign-affairs officers and administrators (superusers) manage plans,
    tasks, the committee and review progress reports."""
    found = user_roles(user)
    return roles.ADMINISTRATOR in found or roles.FOREIGN_AFFAIRS_OFFICER in found


def reads_all_planning(user) -> bool:
    """Officers, administrators and steering-committee members see every plan."""
    return manages_planning(user) or has_role(user, roles.STEERING_MEMBER)


def _task_is_live() -> Q:
    """Tasks of issued plans, and follow-ups of committee conclusions."""
    return Q(plan__isnull=True) | Q(plan__status__in=LIVE_PLAN_STATUSES)


# --- plans and tasks ------------------------------------------------------------
def plans_for(user) -> QuerySet[Plan]:
    queryset = Plan.objects.select_related("issuer")
    if reads_all_planning(user):
        return queryset
    ids = visible_organisation_ids(user)
    if not ids:
        return queryset.none()
    assigned = TaskAssignment.objects.filter(
        task__plan=OuterRef("pk"), organisation_id__in=ids
    )
    return queryset.filter(Exists(assigned), status__in=LIVE_PLAN_STATUSES)


def tasks_for(user) -> QuerySet[Task]:
    queryset = Task.objects.select_related(
        "plan", "content_area", "source_conclusion__meeting"
    )
    if reads_all_planning(user):
        return queryset
    ids = visible_organisation_ids(user)
    if not ids:
        return queryset.none()
    assigned = TaskAssignment.objects.filter(
        task=OuterRef("pk"), organisation_id__in=ids
    )
    return queryset.filter(_task_is_live(), Exists(assigned))


def work_items_for(user) -> QuerySet[WorkItem]:
    """Work items *user* may see: all for officers and committee members; a focal
    point's own organisation's."""
    queryset = WorkItem.objects.select_related(
        "task__plan", "assignment__organisation", "occurrence__task"
    )
    if reads_all_planning(user):
        return queryset
    ids = visible_organisation_ids(user)
    if not ids:
        return queryset.none()
    return queryset.filter(
        Q(task__plan__isnull=True) | Q(task__plan__status__in=LIVE_PLAN_STATUSES),
        assignment__organisation_id__in=ids,
    )


def reportable_work_items(user, *, include=None) -> QuerySet[WorkItem]:
    """Work items *user* may report on: live, not done, led by their organisation
    (officers may enter a report for any unit). *include* keeps one item in the
    list (the one a report being edited is about)."""
    if not (manages_planning(user) or has_role(user, roles.FOCAL_POINT)):
        return WorkItem.objects.none()
    queryset = WorkItem.objects.select_related(
        "task__plan", "assignment__organisation", "occurrence__task"
    ).filter(
        Q(task__plan__isnull=True)
        | Q(task__plan__status__in={PlanStatus.ISSUED, PlanStatus.IN_EXECUTION})
    )
    if not manages_planning(user):
        ids = visible_organisation_ids(user) or frozenset()
        queryset = queryset.filter(assignment__organisation_id__in=ids)
    open_items = Q(accepted_on__isnull=True)
    if include is not None:
        open_items |= Q(pk=include)
    return queryset.filter(open_items).order_by("due_date", "task__code", "pk")


def can_report_on(user, work_item: WorkItem) -> bool:
    if manages_planning(user):
        return True
    if not has_role(user, roles.FOCAL_POINT):
        return False
    ids = visible_organisation_ids(user) or frozenset()
    return work_item.assignment.organisation_id in ids


def progress_reports_for(user) -> QuerySet[ProgressReport]:
    queryset = ProgressReport.objects.select_related(
        "work_item__task__plan",
        "work_item__assignment__organisation",
        "work_item__occurrence__task",
        "submitted_by",
        "reviewed_by",
    )
    if reads_all_planning(user):
        return queryset
    ids = visible_organisation_ids(user)
    if not ids:
        return queryset.none()
    return queryset.filter(work_item__assignment__organisation_id__in=ids)


def pending_reports() -> QuerySet[ProgressReport]:
    """Reports waiting for an officer's review, oldest first."""
    return (
        ProgressReport.objects.filter(status=ReportStatus.SUBMITTED)
        .select_related("work_item__task", "work_item__assignment__organisation")
        .order_by("submitted_at", "pk")
    )


# --- status ---------------------------------------------------------------------
def status_expression(as_of: dt.date) -> Case:
    """The status of a work item on *as_of*, as a database expression (the rule
    of ``schedule.classify``)."""
    done = Q(accepted_on__isnull=False, accepted_on__lte=as_of)
    return Case(
        When(
            done & Q(completed_on__lte=F("due_date")),
            then=Value(WorkStatus.DONE_ON_TIME),
        ),
        When(done, then=Value(WorkStatus.DONE_LATE)),
        When(due_date__gte=as_of, then=Value(WorkStatus.WITHIN_DEADLINE)),
        default=Value(WorkStatus.OVERDUE),
        output_field=CharField(),
    )


def work_items_on(
    as_of: dt.date, *, queryset: QuerySet[WorkItem] | None = None
) -> QuerySet[WorkItem]:
    """Work items that exist on *as_of* — of a live task, assigned by then, and
    whose period has begun — annotated with ``status`` on that day."""
    queryset = queryset if queryset is not None else WorkItem.objects.all()
    return (
        queryset.filter(
            Q(task__plan__isnull=True) | Q(task__plan__status__in=LIVE_PLAN_STATUSES),
            assignment__assigned_on__lte=as_of,
            occurrence__period_start__lte=as_of,
        )
        .annotate(status=status_expression(as_of))
        .select_related("task__plan", "assignment__organisation", "occurrence__task")
    )


def work_items_in_period(
    start: dt.date, end: dt.date, *, queryset: QuerySet[WorkItem] | None = None
) -> tuple[QuerySet[WorkItem], dt.date]:
    """The work a report on *start*…*end* accounts for, and the day its status is
    taken on (the period's end, or today while the period runs).

    Included: work items existing on that day that were not already done before
    the period began (so work overdue from earlier periods is carried over).
    """
    as_of = min(end, today())
    done_before = Q(accepted_on__isnull=False, accepted_on__lt=start)
    items = work_items_on(as_of, queryset=queryset).exclude(done_before)
    return items, as_of


def status_counts(items) -> dict[str, int]:
    """Status → number of work items (every status present, zeros included)."""
    counts = Counter(item.status for item in items)
    return {status: counts.get(status, 0) for status in STATUS_ORDER}


@dataclass
class UnitStatus:
    organisation: object
    counts: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[WorkStatus.DONE_ON_TIME] + self.counts[WorkStatus.DONE_LATE]


def status_by_unit(items) -> list[UnitStatus]:
    """Per lead organisation (as assigned), the number of work items in each
    status; organisations sorted by name."""
    rows: dict[int, UnitStatus] = {}
    for item in items:
        organisation = item.assignment.organisation
        row = rows.get(organisation.pk)
        if row is None:
            row = rows[organisation.pk] = UnitStatus(
                organisation, dict.fromkeys(STATUS_ORDER, 0)
            )
        row.counts[item.status] += 1
    return sorted(rows.values(), key=lambda r: (r.organisation.name, r.organisation.pk))


def task_status_counts(tasks: QuerySet[Task], as_of: dt.date) -> dict[int, dict]:
    """Task id → status counts of its work items on *as_of*."""
    result: dict[int, dict] = {}
    for item in work_items_on(as_of, queryset=WorkItem.objects.filter(task__in=tasks)):
        counts = result.setdefault(item.task_id, dict.fromkeys(STATUS_ORDER, 0))
        counts[item.status] += 1
    return result


def tasks_with_status(tasks: QuerySet[Task], status: str, as_of: dt.date):
    """Tasks having at least one work item in *status* on *as_of*."""
    items = work_items_on(as_of).filter(task=OuterRef("pk"), status=status)
    return tasks.filter(Exists(items))


def lead_organisations(task: Task) -> list:
    return [
        a.organisation
        for a in task.assignments.filter(role=AssignmentRole.LEAD).select_related(
            "organisation"
        )
    ]


# --- reminders ------------------------------------------------------------------
def planning_settings() -> PlanningSettings:
    """The reminder settings of the default site (defaults when never saved)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return PlanningSettings()
    found = PlanningSettings.objects.filter(site=site).first()
    return found or PlanningSettings(site=site)


def work_items_to_remind(day: dt.date, *, days_before: int) -> QuerySet[WorkItem]:
    """Open work items due from *day* to *day* + *days_before* not yet reminded."""

    return (
        WorkItem.objects.filter(
            Q(task__plan__isnull=True)
            | Q(task__plan__status__in={PlanStatus.ISSUED, PlanStatus.IN_EXECUTION}),
            accepted_on__isnull=True,
            assignment__assigned_on__lte=day,
            due_date__gte=day,
            due_date__lte=day + dt.timedelta(days=days_before),
        )
        .exclude(reminders__kind=ReminderKind.BEFORE_DEADLINE)
        .select_related("task", "assignment__organisation", "occurrence__task")
        .order_by("assignment__organisation__name", "due_date", "pk")
    )


def work_items_to_escalate(day: dt.date, *, days_after: int) -> QuerySet[WorkItem]:
    """Open work items at least *days_after* days past their due date, not yet
    escalated."""

    return (
        WorkItem.objects.filter(
            Q(task__plan__isnull=True)
            | Q(task__plan__status__in={PlanStatus.ISSUED, PlanStatus.IN_EXECUTION}),
            accepted_on__isnull=True,
            due_date__lte=day - dt.timedelta(days=days_after),
        )
        .exclude(reminders__kind=ReminderKind.ESCALATION)
        .select_related("task", "assignment__organisation", "occurrence__task")
        .order_by("assignment__organisation__name", "due_date", "pk")
    )


def unit_recipients(organisation) -> list[str]:
    """E-mail addresses of an organisation: its own and its active focal points'."""
    from django.contrib.auth import get_user_model

    addresses = [organisation.email] if organisation.email else []
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            organisation=organisation,
            groups=role_group(roles.FOCAL_POINT),
        )
        .exclude(email="")
        .order_by("email")
    )
    addresses += [u.email for u in users]
    return list(dict.fromkeys(addresses))


def officer_recipients() -> list[str]:
    from django.contrib.auth import get_user_model

    users = (
        get_user_model()
        .objects.filter(
            is_active=True, groups=role_group(roles.FOREIGN_AFFAIRS_OFFICER)
        )
        .exclude(email="")
        .order_by("email")
    )
    return list(dict.fromkeys(u.email for u in users))


# --- steering committee ---------------------------------------------------------
def committees() -> QuerySet[SteeringCommittee]:
    return SteeringCommittee.objects.all()


def current_committee(*, on: dt.date | None = None) -> SteeringCommittee | None:
    """The committee in office on *on* (default today), the latest established."""
    day = on or today()
    return (
        SteeringCommittee.objects.filter(established_on__lte=day)
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=day))
        .order_by("-established_on", "-pk")
        .first()
    )


ROLE_ORDER = {
    CommitteeRole.HEAD: 0,
    CommitteeRole.STANDING_DEPUTY: 1,
    CommitteeRole.DEPUTY: 2,
    CommitteeRole.MEMBER: 3,
}


def members_on(committee: SteeringCommittee, day: dt.date) -> list[CommitteeMember]:
    """The members on *day*, head first, then the standing deputy, deputies and
    members (by name)."""
    members = committee.members.filter(valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )
    return sorted(
        members.select_related("person", "organisation"),
        key=lambda m: (ROLE_ORDER[m.role], m.person.full_name, m.pk),
    )


def meetings_between(start: dt.date, end: dt.date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(held_on__gte=start, held_on__lte=end).order_by(
        "held_on", "pk"
    )


def meetings_for(user) -> QuerySet[Meeting]:
    if not reads_all_planning(user):
        return Meeting.objects.none()
    return Meeting.objects.select_related("committee", "chair")


def is_focal_point_only(user) -> bool:
    """A focal point (and nothing that sees everything)."""
    return has_role(user, roles.FOCAL_POINT) and not sees_all_organisations(user)
