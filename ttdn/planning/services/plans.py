"""Plans: their text and content areas, and their life cycle on the workflow
engine (``machines.PLAN_MACHINE``)."""

import datetime as dt
import logging
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors

from ..choices import (
    EDITABLE_PLAN_STATUSES,
    PlanStatus,
)
from ..machines import PLAN_MACHINE
from ..models import (
    ContentArea,
    Plan,
)

logger = logging.getLogger(__name__)


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
def plan_save(plan: Plan, *, user) -> Plan:
    """Create or update a plan with its (in-memory) content areas. The text of a
    plan can change while it is a draft or being consulted; afterwards only the
    signed document may be attached."""
    errors = _plan_errors(plan)
    before = None
    relations = []
    if plan.pk is not None:
        stored = Plan.objects.select_for_update().get(pk=plan.pk)
        before = audit.snapshot(stored)
        relations = audit.changed_relations(stored, plan, ["content_areas"])
        stored_areas = list(
            stored.content_areas.order_by("sort_order", "pk").values_list(
                "title", flat=True
            )
        )
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
            new_areas = [a.title for a in plan.content_areas.all()]
            if changed or stored_areas != new_areas:
                errors.add(
                    "__all__",
                    _(
                        "This plan is %(status)s: its content can no longer be "
                        "changed (only the signed document can be attached)."
                    )
                    % {"status": stored.get_status_display()},
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
        workflow.record_creation(plan, user=user)
    audit.log_saved(
        plan,
        user=user,
        created=created,
        before=before,
        extra=relations,
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
    user,
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
def plan_actions_available(plan: Plan, user) -> list:
    """The actions *user* may take on *plan* now (``Option`` rows of the engine)."""
    return PLAN_MACHINE.options(plan, user)


def plan_transition(plan: Plan, action: str, *, user, note: str = "", **values) -> Plan:
    """Perform *action* (submit, return, issue, start, close) on *plan*."""
    workflow.perform_transition(plan, action, user=user, comment=note, values=values)
    return plan


def plan_submit_for_consultation(plan: Plan, *, user, note: str = "") -> Plan:
    """Draft → being consulted (departments give their opinions)."""
    return plan_transition(plan, "submit", user=user, note=note)


def plan_return_to_draft(plan: Plan, *, user, note: str = "") -> Plan:
    return plan_transition(plan, "return", user=user, note=note)


def plan_issue(
    plan: Plan,
    *,
    number: int,
    issued_on: dt.date,
    user,
    note: str = "",
) -> Plan:
    """Issue a plan under its number (``51/KH-UBND``): from then on its tasks are
    live — units see them, statuses count and reminders run."""
    return plan_transition(
        plan, "issue", user=user, note=note, number=number, issued_on=issued_on
    )


def plan_start_execution(plan: Plan, *, user, note: str = "") -> Plan:
    return plan_transition(plan, "start", user=user, note=note)


def plan_close(plan: Plan, *, user, note: str = "") -> Plan:
    """Close a plan: its tasks stay in the history; no more reports are taken."""
    return plan_transition(plan, "close", user=user, note=note)


@transaction.atomic
def plan_delete(plan: Plan, *, user) -> None:
    """Delete a draft plan and its tasks. Issued plans are closed, never deleted."""
    if plan.status not in EDITABLE_PLAN_STATUSES:
        raise ValidationError(
            {
                "__all__": _(
                    "This plan is %(status)s: an issued plan is closed, not deleted."
                )
                % {"status": plan.get_status_display()}
            }
        )
    audit.log_delete(plan, user=user)
    for task in plan.tasks.all():
        task.delete()
    plan.delete()
