"""Tasks: assignment to units and groups, occurrences and work items; tasks made
from the conclusions of steering-committee meetings."""

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.errors import Errors, model_errors
from ttdn.core.indicators import registry
from ttdn.core.timefmt import format_short
from ttdn.directory import selectors as directory
from ttdn.directory.choices import OrganisationKind

from .. import schedule, selectors
from ..choices import (
    AssignmentGroup,
    AssignmentRole,
    PlanStatus,
    Recurrence,
)
from ..models import (
    Conclusion,
    ContentArea,
    Plan,
    ProgressReport,
    Task,
    TaskAssignment,
    TaskOccurrence,
    WorkItem,
)

logger = logging.getLogger(__name__)


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
    """The registered indicator codes, or ``None`` when no app registers any
    (then any code is accepted)."""
    return set(registry.codes()) or None


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
                % {"end": format_short(ends_on), "start": format_short(starts_on)},
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
                % {
                    "due": format_short(data.due_date),
                    "assigned": format_short(assigned_on),
                },
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
                        "day": format_short(assigned_on),
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
                    "day": format_short(assigned_on),
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
def task_save(data: TaskInput, *, task: Task | None = None, user) -> Task:
    """Create (*task* ``None``) or update a task: its occurrences, assignments
    (groups expanded to the organisations valid on the assignment day) and the
    lead units' work items. Periods and units that already have progress reports
    cannot be removed or changed."""
    task = task or Task()
    created = task.pk is None
    before = None if created else audit.snapshot(Task.objects.get(pk=task.pk))
    resolved = _resolve_task(data, task)
    if created:
        task.created_by = audit.actor(user)
    task.save()
    occurrences = _sync_occurrences(task, resolved.occurrences)
    assignments = _sync_assignments(task, resolved.assignments)
    _sync_work_items(task, assignments, occurrences)
    audit.log_saved(task, user=user, created=created, before=before)
    return task


def task_create(data: TaskInput, *, user) -> Task:
    return task_save(data, user=user)


@transaction.atomic
def task_delete(task: Task, *, user) -> None:
    if ProgressReport.objects.filter(work_item__task=task).exists():
        raise ValidationError(
            {
                "__all__": _(
                    "The task already has progress reports; it cannot be deleted."
                )
            }
        )
    audit.log_delete(task, user=user)
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
    conclusion: Conclusion, tasks: Sequence[TaskInput], *, user
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
