"""Writes to plans, tasks, progress reports and the steering committee.

Every function checks everything first and then saves all or nothing; a refused
action raises ``ValidationError`` whose messages name the field and the problem
in the user's language, and changes nothing. State changes are explicit actions
(``plan_issue``, ``progress_report_accept``…), never side effects of ``save()``.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ttdn.core.errors import Errors, model_errors
from ttdn.directory import selectors as directory
from ttdn.directory.choices import OrganisationKind

from . import schedule, selectors
from .choices import (
    EDITABLE_PLAN_STATUSES,
    SINGLE_HOLDER_ROLES,
    AssignmentGroup,
    AssignmentRole,
    CommitteeRole,
    PlanStatus,
    Recurrence,
    ReminderKind,
    ReportStatus,
)
from .models import (
    CommitteeMember,
    Conclusion,
    ContentArea,
    Meeting,
    Plan,
    PlanStatusChange,
    ProgressAttachment,
    ProgressFigure,
    ProgressReport,
    Reminder,
    SteeringCommittee,
    Task,
    TaskAssignment,
    TaskOccurrence,
    WorkItem,
)

logger = logging.getLogger(__name__)


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _status_label(status: str) -> str:
    return str(PlanStatus(status).label)


# --- plans ----------------------------------------------------------------------
def _plan_errors(plan: Plan) -> Errors:
    errors = model_errors(plan, exclude=["status"])
    if (
        plan.term == "annual"
        and plan.start_year
        and plan.end_year
        and plan.start_year != plan.end_year
    ):
        errors.add(
            "end_year",
            _("Last year: an annual plan covers one year; enter the first year again."),
        )
    return errors


def _removed_areas_with_tasks(plan: Plan) -> Errors:
    """Content areas about to be removed (in-memory children) that tasks use."""
    errors = Errors()
    if plan.pk is None:
        return errors
    kept = {area.pk for area in plan.content_areas.all() if area.pk}
    for area in ContentArea.objects.filter(plan=plan).exclude(pk__in=kept):
        count = area.tasks.count()
        if count:
            errors.add(
                "content_areas",
                _(
                    "Content areas: “%(area)s” has %(count)s task(s); move or delete "
                    "them before removing it."
                )
                % {"area": area, "count": count},
            )
    return errors


@transaction.atomic
def plan_save(plan: Plan, *, user=None) -> Plan:
    """Create or update a plan with its (in-memory) content areas. The text of a
    plan can change while it is a draft or being consulted; afterwards only the
    signed document may be attached."""
    errors = _plan_errors(plan)
    if plan.pk is not None:
        stored = Plan.objects.select_for_update().get(pk=plan.pk)
        plan.status = stored.status
        if stored.status not in EDITABLE_PLAN_STATUSES:
            changed = [
                name
                for name in (
                    "title",
                    "term",
                    "start_year",
                    "end_year",
                    "code",
                    "issuer_id",
                    "basis",
                    "purpose",
                    "requirements",
                )
                if getattr(stored, name) != getattr(plan, name)
            ]
            stored_areas = list(
                stored.content_areas.order_by("sort_order", "pk").values_list(
                    "title", flat=True
                )
            )
            new_areas = [a.title for a in plan.content_areas.all()]
            if changed or stored_areas != new_areas:
                errors.add(
                    "__all__",
                    _(
                        "This plan is %(status)s: its content can no longer be "
                        "changed (only the signed document can be attached)."
                    )
                    % {"status": _status_label(stored.status)},
                )
            plan.number, plan.issued_on = stored.number, stored.issued_on
    errors.extend(_removed_areas_with_tasks(plan))
    errors.raise_if_any()
    created = plan.pk is None
    if created:
        plan.status = PlanStatus.DRAFT
        plan.created_by = user if getattr(user, "pk", None) else None
    plan.save()
    if created:
        PlanStatusChange.objects.create(
            plan=plan,
            from_status="",
            to_status=PlanStatus.DRAFT,
            changed_by=plan.created_by,
        )
    return plan


def plan_create(
    *,
    title: str,
    term: str,
    start_year: int,
    end_year: int,
    code: str,
    issuer,
    purpose: str,
    basis: str = "",
    requirements: str = "",
    content_areas: Sequence[str | tuple[str, str]] = (),
    user=None,
) -> Plan:
    plan = Plan(
        title=title,
        term=term,
        start_year=start_year,
        end_year=end_year,
        code=code,
        issuer=issuer,
        purpose=purpose,
        basis=basis,
        requirements=requirements,
    )
    plan.content_areas = [
        ContentArea(title=a, description="")
        if isinstance(a, str)
        else ContentArea(title=a[0], description=a[1])
        for a in content_areas
    ]
    return plan_save(plan, user=user)


# Transitions: action → (allowed from, to).
PLAN_TRANSITIONS = {
    "submit": ({PlanStatus.DRAFT}, PlanStatus.CONSULTING),
    "return": ({PlanStatus.CONSULTING}, PlanStatus.DRAFT),
    "issue": ({PlanStatus.DRAFT, PlanStatus.CONSULTING}, PlanStatus.ISSUED),
    "start": ({PlanStatus.ISSUED}, PlanStatus.IN_EXECUTION),
    "close": ({PlanStatus.ISSUED, PlanStatus.IN_EXECUTION}, PlanStatus.CLOSED),
}


def plan_actions_available(plan: Plan) -> list[str]:
    return [
        action
        for action, (sources, _target) in PLAN_TRANSITIONS.items()
        if plan.status in sources
    ]


def _transition(plan: Plan, action: str, *, user, note: str = "", **changes) -> Plan:
    sources, target = PLAN_TRANSITIONS[action]
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.status not in sources:
        raise ValidationError(
            {
                "__all__": _(
                    "Status: this plan is %(status)s; it cannot become %(target)s "
                    "from there."
                )
                % {
                    "status": _status_label(locked.status),
                    "target": _status_label(target),
                }
            }
        )
    previous = locked.status
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.status = target
    locked.save(update_fields=["status", "updated_at", *changes])
    PlanStatusChange.objects.create(
        plan=locked,
        from_status=previous,
        to_status=target,
        changed_by=user if getattr(user, "pk", None) else None,
        note=note.strip(),
    )
    plan.refresh_from_db()
    return plan


@transaction.atomic
def plan_submit_for_consultation(plan: Plan, *, user=None, note: str = "") -> Plan:
    """Draft → being consulted (departments give their opinions)."""
    return _transition(plan, "submit", user=user, note=note)


@transaction.atomic
def plan_return_to_draft(plan: Plan, *, user=None, note: str = "") -> Plan:
    return _transition(plan, "return", user=user, note=note)


@transaction.atomic
def plan_issue(
    plan: Plan,
    *,
    number: int,
    issued_on: dt.date,
    user=None,
    note: str = "",
) -> Plan:
    """Issue a plan under its number (``51/KH-UBND``): from then on its tasks are
    live — units see them, statuses count and reminders run."""
    errors = Errors()
    if not number or number < 1:
        errors.add("number", _("Document number: enter a whole number from 1."))
    if issued_on is None:
        errors.add("issued_on", _("Date of issue: enter the day the plan was signed."))
    elif issued_on > selectors.today():
        errors.add(
            "issued_on",
            _("Date of issue: %(day)s is in the future.") % {"day": _day(issued_on)},
        )
    if issued_on and number:
        clash = (
            Plan.objects.filter(
                issuer_id=plan.issuer_id,
                code=plan.code,
                number=number,
                issued_on__year=issued_on.year,
            )
            .exclude(pk=plan.pk)
            .first()
        )
        if clash is not None:
            errors.add(
                "number",
                _(
                    "Document number: %(number)s is already used in %(year)s by "
                    "“%(plan)s”."
                )
                % {
                    "number": clash.document_number,
                    "year": issued_on.year,
                    "plan": clash.title,
                },
            )
    if not plan.tasks.exists():
        errors.add("__all__", _("The plan has no task yet: add its tasks first."))
    errors.raise_if_any()
    return _transition(
        plan, "issue", user=user, note=note, number=number, issued_on=issued_on
    )


@transaction.atomic
def plan_start_execution(plan: Plan, *, user=None, note: str = "") -> Plan:
    return _transition(plan, "start", user=user, note=note)


@transaction.atomic
def plan_close(plan: Plan, *, user=None, note: str = "") -> Plan:
    """Close a plan: its tasks stay in the history; no more reports are taken."""
    return _transition(plan, "close", user=user, note=note)


@transaction.atomic
def plan_delete(plan: Plan) -> None:
    """Delete a draft plan and its tasks. Issued plans are closed, never deleted."""
    if plan.status not in EDITABLE_PLAN_STATUSES:
        raise ValidationError(
            {
                "__all__": _(
                    "This plan is %(status)s: an issued plan is closed, not deleted."
                )
                % {"status": _status_label(plan.status)}
            }
        )
    for task in plan.tasks.all():
        task.delete()
    plan.delete()


# --- tasks: groups and assignments ----------------------------------------------
def expand_group(group: str, *, on: dt.date) -> list:
    """The organisations of the serving province in *group* valid on *on*."""
    province = directory.serving_province()
    if province is None:
        return []
    organisations = directory.organisations_of_province(province, on=on)
    if group == AssignmentGroup.DEPARTMENTS:
        found = organisations.filter(
            kind=OrganisationKind.DEPARTMENT, administrative_unit=province
        )
    elif group == AssignmentGroup.COMMUNE_PCS:
        found = directory.commune_peoples_committees(province, on=on)
    elif group == AssignmentGroup.DISTRICT_PCS:
        found = organisations.filter(kind=OrganisationKind.DISTRICT_PC)
    else:
        raise ValueError(f"Unknown group {group!r}")
    return list(found.order_by("name", "pk"))


@dataclass
class TaskInput:
    """What a task is made of (the admin form and the demo loader fill it)."""

    title: str
    plan: Plan | None = None
    source_conclusion: Conclusion | None = None
    content_area: ContentArea | None = None
    code: str = ""
    description: str = ""
    expected_output: str = ""
    indicator_code: str = ""
    recurrence: str = Recurrence.NONE
    due_date: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    due_days_after_period: int = 0
    assigned_on: dt.date | None = None
    lead_organisations: Sequence = ()
    lead_groups: Sequence[str] = ()
    support_organisations: Sequence = ()
    support_groups: Sequence[str] = ()


@dataclass
class _Resolved:
    task: Task
    occurrences: list
    assignments: dict = field(default_factory=dict)  # org pk → (org, role, group)


def _indicator_codes() -> set[str] | None:
    if not apps.is_installed("ttdn.reports"):
        return None
    from ttdn.reports.registry import registry

    return set(registry.codes())


def _resolve_task(data: TaskInput, task: Task) -> _Resolved:
    """Validate *data*, fill *task* (unsaved changes) and compute its occurrences
    and assignments; raises ``ValidationError`` with every problem."""
    errors = Errors()
    assigned_on = data.assigned_on or selectors.today()
    plan = data.plan
    if plan is None and data.source_conclusion is None:
        errors.add(
            "plan",
            _(
                "Plan: choose the plan the task belongs to (or create it from a "
                "steering-committee conclusion)."
            ),
        )
    if plan is not None and plan.status == PlanStatus.CLOSED:
        errors.add(
            "plan",
            _("Plan: “%(plan)s” is closed; it takes no new tasks.") % {"plan": plan},
        )
    if data.content_area is not None and (
        plan is None or data.content_area.plan_id != plan.pk
    ):
        errors.add(
            "content_area",
            _("Content area: “%(area)s” is not a content area of the chosen plan.")
            % {"area": data.content_area},
        )
    recurrence = data.recurrence or Recurrence.NONE
    starts_on = data.starts_on or assigned_on
    ends_on = data.ends_on
    if recurrence:
        if ends_on is None and plan is not None:
            ends_on = plan.period_end
        if ends_on is None:
            errors.add(
                "ends_on",
                _("Ends on: a recurring task needs the last day of its last period."),
            )
        elif ends_on < starts_on:
            errors.add(
                "ends_on",
                _("Ends on: %(end)s is before the first day (%(start)s).")
                % {"end": _day(ends_on), "start": _day(starts_on)},
            )
        if data.due_date is not None:
            errors.add(
                "due_date",
                _(
                    "Due date: a recurring task is due after each period; leave the "
                    "due date empty or choose “one-off”."
                ),
            )
    else:
        ends_on = None
        if data.due_date is None:
            errors.add(
                "due_date",
                _("Due date: enter the deadline, or choose how the task recurs."),
            )
        elif data.due_date < assigned_on:
            errors.add(
                "due_date",
                _(
                    "Due date: %(due)s is before the day the task is assigned "
                    "(%(assigned)s)."
                )
                % {"due": _day(data.due_date), "assigned": _day(assigned_on)},
            )
    if data.indicator_code:
        codes = _indicator_codes()
        if codes is not None and data.indicator_code not in codes:
            errors.add(
                "indicator_code",
                _("Indicator: no indicator has the code “%(code)s”.")
                % {"code": data.indicator_code},
            )

    task.plan = plan
    task.source_conclusion = data.source_conclusion
    task.content_area = data.content_area
    task.code = (data.code or "").strip()
    task.title = (data.title or "").strip()
    task.description = data.description or ""
    task.expected_output = data.expected_output or ""
    task.indicator_code = data.indicator_code or ""
    task.recurrence = recurrence
    task.due_date = None if recurrence else data.due_date
    task.starts_on = starts_on
    task.ends_on = ends_on
    task.due_days_after_period = data.due_days_after_period or 0
    task.assigned_on = assigned_on
    task.lead_groups = list(dict.fromkeys(data.lead_groups))
    task.support_groups = list(dict.fromkeys(data.support_groups))
    errors.extend(
        model_errors(
            task,
            exclude=["plan", "content_area", "source_conclusion", "created_by"],
        )
    )

    occurrences = schedule.occurrences(
        recurrence=recurrence,
        starts_on=starts_on,
        ends_on=ends_on,
        due_date=task.due_date,
        due_days_after_period=task.due_days_after_period,
    )
    if recurrence and len(occurrences) > schedule.MAX_OCCURRENCES:
        errors.add(
            "ends_on",
            _("Ends on: the task would recur more than %(max)s times.")
            % {"max": schedule.MAX_OCCURRENCES},
        )

    resolved = _Resolved(task=task, occurrences=occurrences)
    if (
        data.lead_groups or data.support_groups
    ) and directory.serving_province() is None:
        errors.add(
            "lead_groups",
            _(
                "Groups: the province served is not set (Settings › Directory "
                "settings); groups cannot be expanded."
            ),
        )
    for role, organisations, groups, field_name in (
        (AssignmentRole.LEAD, data.lead_organisations, data.lead_groups, "lead"),
        (
            AssignmentRole.SUPPORT,
            data.support_organisations,
            data.support_groups,
            "support",
        ),
    ):
        for organisation in organisations:
            if not organisation.is_in_force_on(assigned_on):
                errors.add(
                    f"{field_name}_organisations",
                    _(
                        "%(role)s: “%(name)s” is not valid on the assignment day "
                        "(%(day)s)."
                    )
                    % {
                        "role": capfirst(AssignmentRole(role).label),
                        "name": organisation,
                        "day": _day(assigned_on),
                    },
                )
                continue
            resolved.assignments.setdefault(organisation.pk, (organisation, role, ""))
        for group in groups:
            members = expand_group(group, on=assigned_on)
            if not members and directory.serving_province() is not None:
                message = _(
                    "%(group)s: no organisation of this group is valid on %(day)s."
                ) % {
                    "group": capfirst(AssignmentGroup(group).label),
                    "day": _day(assigned_on),
                }
                if group == AssignmentGroup.DISTRICT_PCS:
                    message += " " + _(
                        "District People's Committees ceased on 30/06/2025; assign "
                        "the commune-level People's Committees instead."
                    )
                errors.add(f"{field_name}_groups", message)
            for organisation in members:
                existing = resolved.assignments.get(organisation.pk)
                if existing is None:
                    resolved.assignments[organisation.pk] = (organisation, role, group)
    lead_ids = {
        pk for pk, (_o, role, _g) in resolved.assignments.items() if role == "lead"
    }
    for organisation in data.support_organisations:
        if organisation.pk in {o.pk for o in data.lead_organisations}:
            errors.add(
                "support_organisations",
                _(
                    "Supporting units: “%(name)s” already leads the task; an "
                    "organisation leads or supports, not both."
                )
                % {"name": organisation},
            )
    if not lead_ids and not (
        errors.get("lead_groups") or errors.get("lead_organisations")
    ):
        errors.add(
            "lead_organisations",
            _("Lead units: choose at least one lead unit or a group of units."),
        )
    errors.raise_if_any()
    return resolved


def _sync_occurrences(task: Task, occurrences: list) -> list[TaskOccurrence]:
    existing = {o.sequence: o for o in task.occurrences.all()}
    errors = Errors()
    kept = []
    for occurrence in occurrences:
        row = existing.pop(occurrence.sequence, None)
        if row is None:
            row = TaskOccurrence(task=task, sequence=occurrence.sequence)
        changed = (row.period_start, row.period_end, row.due_date) != (
            occurrence.period_start,
            occurrence.period_end,
            occurrence.due_date,
        )
        if (
            changed
            and row.pk
            and ProgressReport.objects.filter(work_item__occurrence=row).exists()
        ):
            errors.add(
                "recurrence",
                _(
                    "Schedule: the period “%(period)s” already has progress reports; "
                    "its dates cannot change."
                )
                % {"period": row.label},
            )
            continue
        row.period_start = occurrence.period_start
        row.period_end = occurrence.period_end
        row.due_date = occurrence.due_date
        kept.append(row)
    for row in existing.values():
        if ProgressReport.objects.filter(work_item__occurrence=row).exists():
            errors.add(
                "recurrence",
                _(
                    "Schedule: the period “%(period)s” already has progress reports; "
                    "it cannot be removed."
                )
                % {"period": row.label},
            )
    errors.raise_if_any()
    for row in existing.values():
        row.delete()
    for row in kept:
        row.save()
    return kept


def _sync_assignments(task: Task, wanted: dict) -> list[TaskAssignment]:
    errors = Errors()
    existing = {a.organisation_id: a for a in task.assignments.all()}
    for organisation_id, assignment in existing.items():
        has_reports = ProgressReport.objects.filter(
            work_item__assignment=assignment
        ).exists()
        target = wanted.get(organisation_id)
        if has_reports and (target is None or target[1] != assignment.role):
            errors.add(
                "lead_organisations",
                _(
                    "Lead units: “%(name)s” has already reported on this task; it "
                    "stays its lead unit."
                )
                % {"name": assignment.organisation},
            )
    errors.raise_if_any()
    result = []
    for organisation_id, assignment in existing.items():
        if organisation_id not in wanted:
            assignment.delete()
    for organisation_id, (organisation, role, group) in wanted.items():
        assignment = existing.get(organisation_id) or TaskAssignment(
            task=task, organisation=organisation
        )
        if assignment.pk is None or (assignment.role, assignment.via_group) != (
            role,
            group,
        ):
            assignment.role = role
            assignment.via_group = group
            assignment.assigned_on = task.assigned_on
            assignment.save()
        elif assignment.assigned_on != task.assigned_on:
            assignment.assigned_on = task.assigned_on
            assignment.save(update_fields=["assigned_on"])
        result.append(assignment)
    return result


def _sync_work_items(task: Task, assignments, occurrences) -> None:
    leads = [a for a in assignments if a.role == AssignmentRole.LEAD]
    wanted = {(a.pk, o.pk): (a, o) for a in leads for o in occurrences}
    for item in task.work_items.all():
        key = (item.assignment_id, item.occurrence_id)
        if key not in wanted:
            item.delete()  # no reports: _sync_* refused otherwise
            continue
        _assignment, occurrence = wanted.pop(key)
        if item.due_date != occurrence.due_date:
            item.due_date = occurrence.due_date
            item.save(update_fields=["due_date"])
    WorkItem.objects.bulk_create(
        [
            WorkItem(task=task, assignment=a, occurrence=o, due_date=o.due_date)
            for a, o in wanted.values()
        ]
    )


@transaction.atomic
def task_save(data: TaskInput, *, task: Task | None = None, user=None) -> Task:
    """Create (*task* ``None``) or update a task: its occurrences, assignments
    (groups expanded to the organisations valid on the assignment day) and the
    lead units' work items. Periods and units that already have progress reports
    cannot be removed or changed."""
    task = task or Task()
    resolved = _resolve_task(data, task)
    if task.pk is None and getattr(user, "pk", None):
        task.created_by = user
    task.save()
    occurrences = _sync_occurrences(task, resolved.occurrences)
    assignments = _sync_assignments(task, resolved.assignments)
    _sync_work_items(task, assignments, occurrences)
    return task


def task_create(data: TaskInput, *, user=None) -> Task:
    return task_save(data, user=user)


@transaction.atomic
def task_delete(task: Task) -> None:
    if ProgressReport.objects.filter(work_item__task=task).exists():
        raise ValidationError(
            {
                "__all__": _(
                    "The task already has progress reports; it cannot be deleted."
                )
            }
        )
    task.delete()


def task_input_from(task: Task) -> TaskInput:
    """The current values of *task*, to change a few with ``dataclasses.replace``."""
    direct = task.assignments.filter(via_group="").select_related("organisation")
    return TaskInput(
        title=task.title,
        plan=task.plan,
        source_conclusion=task.source_conclusion,
        content_area=task.content_area,
        code=task.code,
        description=task.description,
        expected_output=task.expected_output,
        indicator_code=task.indicator_code,
        recurrence=task.recurrence,
        due_date=task.due_date,
        starts_on=task.starts_on,
        ends_on=task.ends_on,
        due_days_after_period=task.due_days_after_period,
        assigned_on=task.assigned_on,
        lead_organisations=[a.organisation for a in direct if a.role == "lead"],
        lead_groups=list(task.lead_groups),
        support_organisations=[a.organisation for a in direct if a.role == "support"],
        support_groups=list(task.support_groups),
    )


# --- conclusions → tasks --------------------------------------------------------
@transaction.atomic
def conclusion_create_tasks(
    conclusion: Conclusion, tasks: Sequence[TaskInput], *, user=None
) -> list[Task]:
    """Turn a steering-committee conclusion into one or more tasks (all or
    none). Each task keeps a link to the conclusion."""
    if conclusion.pk is None:
        raise ValidationError(
            {"__all__": _("Save the meeting before assigning tasks.")}
        )
    if not tasks:
        raise ValidationError({"__all__": _("Describe at least one task.")})
    created = []
    for data in tasks:
        data.source_conclusion = conclusion
        if not data.description:
            data.description = conclusion.text
        created.append(task_save(data, user=user))
    return created


# --- progress reports -----------------------------------------------------------
def _report_errors(report: ProgressReport, *, user) -> Errors:
    errors = Errors()
    # The stored state, not the caller's copy (it may predate an acceptance).
    item = WorkItem.objects.select_related(
        "task__plan", "assignment__organisation"
    ).get(pk=report.work_item_id)
    if not selectors.can_report_on(user, item):
        errors.add(
            "work_item",
            _("Task and period: you may report only on your organisation's tasks."),
        )
        return errors
    plan = item.task.plan
    if plan is not None and plan.status not in {
        PlanStatus.ISSUED,
        PlanStatus.IN_EXECUTION,
    }:
        errors.add(
            "work_item",
            _("Task and period: the plan is %(status)s; it takes no reports.")
            % {"status": _status_label(plan.status)},
        )
    if item.accepted_on is not None:
        errors.add(
            "work_item",
            _(
                "Task and period: the work was accepted as done on %(day)s; no "
                "further report is needed."
            )
            % {"day": _day(item.accepted_on)},
        )
    if report.is_final:
        pending = ProgressReport.objects.filter(
            work_item=item, is_final=True, status=ReportStatus.SUBMITTED
        ).exclude(pk=report.pk)
        if pending.exists():
            errors.add(
                "is_final",
                _(
                    "The work is complete: a completion report for this period is "
                    "already waiting for review."
                ),
            )
    if not (report.summary or "").strip():
        errors.add("summary", _("Results: describe what was done."))
    errors.extend(
        model_errors(
            report,
            exclude=["work_item", "submitted_at", "submitted_by", "status", "summary"],
        )
    )
    return errors


@transaction.atomic
def progress_report_save(
    report: ProgressReport, *, user, submitted_at: dt.datetime | None = None
) -> ProgressReport:
    """Submit a new report or resubmit one (not yet reviewed, or returned), with
    its in-memory figures and attachments. The reporting period defaults to the
    occurrence's. An officer recording a report received on paper may give the
    time it was received (*submitted_at*, not in the future)."""
    now = timezone.now()
    if submitted_at is not None:
        if not selectors.manages_planning(user):
            raise ValidationError(
                {
                    "__all__": _(
                        "Only foreign-affairs officers record reports received earlier."
                    )
                }
            )
        if submitted_at > now:
            raise ValidationError(
                {"__all__": _("Submitted at: the time is in the future.")}
            )
    if report.pk is not None:
        stored = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if stored.status == ReportStatus.ACCEPTED:
            raise ValidationError(
                {"__all__": _("This report was accepted; it can no longer change.")}
            )
        if stored.work_item_id != report.work_item_id:
            raise ValidationError(
                {
                    "work_item": _(
                        "Task and period: a report stays with the task and period "
                        "it was sent for."
                    )
                }
            )
    occurrence = report.work_item.occurrence
    report.period_start = report.period_start or occurrence.period_start
    report.period_end = report.period_end or occurrence.period_end
    _report_errors(report, user=user).raise_if_any()
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = submitted_at or now
    report.submitted_by = user if getattr(user, "pk", None) else None
    report.reviewed_at = None
    report.reviewed_by = None
    report.save()
    return report


def progress_report_submit(
    *,
    work_item: WorkItem,
    user,
    summary: str,
    is_final: bool = False,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    figures: Sequence[tuple[str, Decimal | int | str, str]] = (),
    attachments: Sequence = (),
    submitted_at: dt.datetime | None = None,
) -> ProgressReport:
    report = ProgressReport(
        work_item=work_item,
        summary=summary,
        is_final=is_final,
        period_start=period_start,
        period_end=period_end,
    )
    report.figures = [
        ProgressFigure(label=label, value=Decimal(str(value)), unit=unit)
        for label, value, unit in figures
    ]
    report.attachments = [ProgressAttachment(document=d) for d in attachments]
    return progress_report_save(report, user=user, submitted_at=submitted_at)


def _check_reviewer(report: ProgressReport, user) -> ProgressReport:
    if not selectors.manages_planning(user):
        raise ValidationError(
            {"__all__": _("Only foreign-affairs officers review progress reports.")}
        )
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.SUBMITTED:
        raise ValidationError(
            {
                "__all__": _(
                    "This report is %(status)s; only a submitted report can be "
                    "reviewed."
                )
                % {"status": locked.get_status_display()}
            }
        )
    return locked


@transaction.atomic
def progress_report_accept(
    report: ProgressReport, *, user, comment: str = "", on: dt.date | None = None
) -> ProgressReport:
    """Accept a report. A completion report makes the work done: completed on
    the day it was submitted (GMT+7), accepted today."""
    locked = _check_reviewer(report, user)
    now = timezone.now()
    submitted_on = timezone.localtime(locked.submitted_at).date()
    if on is not None and not (submitted_on <= on <= timezone.localdate(now)):
        raise ValidationError(
            {
                "__all__": _(
                    "Accepted on: %(day)s is before the report was submitted "
                    "(%(submitted)s) or in the future."
                )
                % {"day": _day(on), "submitted": _day(submitted_on)}
            }
        )
    locked.status = ReportStatus.ACCEPTED
    locked.reviewed_at = now
    locked.reviewed_by = user
    locked.review_comment = comment.strip()
    locked.save(
        update_fields=[
            "status",
            "reviewed_at",
            "reviewed_by",
            "review_comment",
            "updated_at",
        ]
    )
    if on is not None:
        locked.reviewed_at = dt.datetime.combine(
            on, dt.time(9, 0), tzinfo=timezone.get_current_timezone()
        )
        locked.save(update_fields=["reviewed_at"])
    if locked.is_final:
        item = WorkItem.objects.select_for_update().get(pk=locked.work_item_id)
        item.completed_on = submitted_on
        item.accepted_on = on or timezone.localdate(now)
        item.save(update_fields=["completed_on", "accepted_on"])
    report.refresh_from_db()
    return report


@transaction.atomic
def progress_report_return(
    report: ProgressReport, *, user, comment: str
) -> ProgressReport:
    """Return a report to its unit with the reason; the unit corrects and
    resubmits it."""
    if not (comment or "").strip():
        raise ValidationError(
            {"review_comment": _("Comment: say why the report is returned.")}
        )
    locked = _check_reviewer(report, user)
    locked.status = ReportStatus.RETURNED
    locked.reviewed_at = timezone.now()
    locked.reviewed_by = user
    locked.review_comment = comment.strip()
    locked.save(
        update_fields=[
            "status",
            "reviewed_at",
            "reviewed_by",
            "review_comment",
            "updated_at",
        ]
    )
    report.refresh_from_db()
    return report


# --- reminders ------------------------------------------------------------------
@dataclass
class ReminderRun:
    reminded: int = 0  # work items reminded before their deadline
    escalated: int = 0  # work items escalated after it
    emails: int = 0
    skipped_without_address: list = field(default_factory=list)


def _items_text(items) -> str:
    lines = []
    for item in items:
        plan = item.task.plan
        where = f" ({plan.document_number})" if plan and plan.number else ""
        lines.append(
            _("- %(task)s%(plan)s — %(period)s — due %(due)s")
            % {
                "task": item.task,
                "plan": where,
                "period": item.occurrence.label,
                "due": _day(item.due_date),
            }
        )
    return "\n".join(lines)


def _send(subject: str, body: str, recipients: list[str]) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def send_deadline_reminders(*, today: dt.date | None = None) -> ReminderRun:
    """Remind units of work due within the configured number of days, and
    escalate work overdue by the configured number of days to the unit, the
    foreign-affairs officers and the escalation address. Each work item gets
    each kind once (``Reminder`` rows); one e-mail per organisation and kind.
    A unit without any e-mail address is skipped and tried again next run."""
    day = today or selectors.today()
    config = selectors.planning_settings()
    run = ReminderRun()
    with translation.override(settings.LANGUAGE_CODE):
        batches = (
            (
                ReminderKind.BEFORE_DEADLINE,
                selectors.work_items_to_remind(
                    day, days_before=config.reminder_days_before
                ),
            ),
            (
                ReminderKind.ESCALATION,
                selectors.work_items_to_escalate(
                    day, days_after=config.escalation_days_after
                ),
            ),
        )
        for kind, items in batches:
            by_unit = defaultdict(list)
            for item in items:
                by_unit[item.assignment.organisation].append(item)
            for organisation, unit_items in by_unit.items():
                recipients = selectors.unit_recipients(organisation)
                if kind == ReminderKind.ESCALATION:
                    extra = selectors.officer_recipients()
                    if config.escalation_email:
                        extra.append(config.escalation_email)
                    recipients = list(dict.fromkeys([*recipients, *extra]))
                if not recipients:
                    run.skipped_without_address.append(organisation)
                    logger.warning(
                        "No e-mail address for %s: %s not sent", organisation, kind
                    )
                    continue
                _send_batch(kind, organisation, unit_items, recipients, day)
                run.emails += 1
                if kind == ReminderKind.BEFORE_DEADLINE:
                    run.reminded += len(unit_items)
                else:
                    run.escalated += len(unit_items)
    return run


@transaction.atomic
def _send_batch(kind, organisation, items, recipients, day) -> None:
    count = len(items)
    if kind == ReminderKind.BEFORE_DEADLINE:
        subject = _("[TTĐN] Reminder: %(count)s task(s) due soon") % {"count": count}
        intro = _(
            "Dear %(unit)s,\n\nThe following task(s) assigned to your organisation "
            "are due soon. Please send the progress report in the TTĐN system "
            "before the deadline."
        ) % {"unit": organisation}
    else:
        subject = _("[TTĐN] Overdue: %(count)s task(s) of %(unit)s") % {
            "count": count,
            "unit": organisation,
        }
        intro = _(
            "Dear %(unit)s,\n\nThe following task(s) assigned to your organisation "
            "are past their deadline and have not been reported as done. Please "
            "report on them without delay; the foreign-affairs officers receive a "
            "copy of this message."
        ) % {"unit": organisation}
    body = f"{intro}\n\n{_items_text(items)}\n\n" + _(
        "This message was sent automatically on %(day)s."
    ) % {"day": _day(day)}
    now = timezone.now()
    Reminder.objects.bulk_create(
        [
            Reminder(
                work_item=item, kind=kind, sent_at=now, recipients=", ".join(recipients)
            )
            for item in items
        ]
    )
    # Inside the transaction: a failed send leaves no Reminder row (retried next run).
    _send(subject, body, recipients)


# --- steering committee ---------------------------------------------------------
def _overlaps(a_from, a_to, b_from, b_to) -> bool:
    far = dt.date.max
    return a_from <= (b_to or far) and b_from <= (a_to or far)


def committee_errors(committee: SteeringCommittee) -> Errors:
    errors = model_errors(committee)
    members = list(committee.members.all())
    for index, member in enumerate(members):
        label = f"{member.person}" if member.person_id else _("a member")
        if member.valid_from is None:
            continue
        if member.valid_to is not None and member.valid_to < member.valid_from:
            errors.add(
                "members",
                _("Members: %(name)s — “member until” is before “member from”.")
                % {"name": label},
            )
            continue
        if committee.established_on and member.valid_from < committee.established_on:
            errors.add(
                "members",
                _(
                    "Members: %(name)s — membership starts on %(start)s, before the "
                    "committee was established (%(established)s)."
                )
                % {
                    "name": label,
                    "start": _day(member.valid_from),
                    "established": _day(committee.established_on),
                },
            )
        for other in members[index + 1 :]:
            if other.valid_from is None or not _overlaps(
                member.valid_from, member.valid_to, other.valid_from, other.valid_to
            ):
                continue
            if member.person_id and member.person_id == other.person_id:
                errors.add(
                    "members",
                    _(
                        "Members: %(name)s holds two seats at the same time; end the "
                        "first before the second starts."
                    )
                    % {"name": label},
                )
            elif member.role == other.role and member.role in SINGLE_HOLDER_ROLES:
                errors.add(
                    "members",
                    _(
                        "Members: %(first)s and %(second)s are both %(role)s at the "
                        "same time; a committee has one."
                    )
                    % {
                        "first": label,
                        "second": other.person,
                        "role": CommitteeRole(member.role).label,
                    },
                )
    return errors


@transaction.atomic
def committee_save(committee: SteeringCommittee) -> SteeringCommittee:
    """Create or update the committee with its (in-memory) members."""
    committee.name = (committee.name or "").strip()
    committee_errors(committee).raise_if_any()
    committee.save()
    return committee


def committee_add_member(
    committee: SteeringCommittee,
    *,
    person,
    role: str,
    valid_from: dt.date,
    organisation=None,
    position: str = "",
    portfolio: str = "",
    valid_to: dt.date | None = None,
) -> CommitteeMember:
    # Work on a fresh copy: a refused change leaves the caller's instance as it was.
    committee = SteeringCommittee.objects.get(pk=committee.pk)
    members = list(committee.members.all())
    member = CommitteeMember(
        person=person,
        role=role,
        organisation=organisation,
        position=position,
        portfolio=portfolio,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    committee.members = [*members, member]
    committee_save(committee)
    return committee.members.get(person=person, role=role, valid_from=valid_from)


def meeting_errors(meeting: Meeting) -> Errors:
    errors = model_errors(meeting)
    committee = meeting.committee if meeting.committee_id else None
    if committee is not None and meeting.held_on:
        if meeting.held_on < committee.established_on:
            errors.add(
                "held_on",
                _(
                    "Date: %(day)s is before the committee was established "
                    "(%(established)s)."
                )
                % {
                    "day": _day(meeting.held_on),
                    "established": _day(committee.established_on),
                },
            )
        elif committee.dissolved_on and meeting.held_on > committee.dissolved_on:
            errors.add(
                "held_on",
                _("Date: %(day)s is after the committee was dissolved (%(end)s).")
                % {"day": _day(meeting.held_on), "end": _day(committee.dissolved_on)},
            )
    if meeting.pk is not None:
        kept = {c.pk for c in meeting.conclusions.all() if c.pk}
        for conclusion in Conclusion.objects.filter(meeting=meeting).exclude(
            pk__in=kept
        ):
            if conclusion.tasks.exists():
                errors.add(
                    "conclusions",
                    _("Conclusions: “%(text)s” has become tasks; it cannot be removed.")
                    % {"text": conclusion},
                )
    return errors


@transaction.atomic
def meeting_save(meeting: Meeting) -> Meeting:
    """Create or update a meeting with its (in-memory) documents and
    conclusions."""
    meeting_errors(meeting).raise_if_any()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_delete(meeting: Meeting) -> None:
    if Task.objects.filter(source_conclusion__meeting=meeting).exists():
        raise ValidationError(
            {
                "__all__": _(
                    "Conclusions of this meeting have become tasks; it cannot be "
                    "deleted."
                )
            }
        )
    meeting.delete()
