"""The life cycles of plans and progress reports, declared on the one workflow
engine (``ttdn.core.workflow``; docs/planning.md shows them as tables)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.accounts import roles
from ttdn.core.errors import Errors
from ttdn.core.timefmt import format_short
from ttdn.core.workflow import (
    Guard,
    StateMachine,
    Transition,
    keep_comment,
    register,
    stamp,
    stamp_user,
)

from . import selectors
from .choices import PlanStatus, ReportStatus
from .models import Plan, ProgressReport, WorkItem

MANAGERS = (roles.FOREIGN_AFFAIRS_OFFICER, roles.ADMINISTRATOR)
REPORTERS = (roles.FOCAL_POINT, *MANAGERS)


# --- plans ----------------------------------------------------------------------
def _issue_errors(plan: Plan, context) -> Errors:
    """The number and date a plan is issued under (its action's own fields), and
    that it has tasks."""
    errors = Errors()
    number, issued_on = plan.number, plan.issued_on
    if not number or number < 1:
        errors.add("number", _("Document number: enter a whole number from 1."))
    if issued_on is None:
        errors.add("issued_on", _("Date of issue: enter the day the plan was signed."))
    elif issued_on > timezone.localdate():
        errors.add(
            "issued_on",
            _("Date of issue: %(day)s is in the future.")
            % {"day": format_short(issued_on)},
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
    return errors


def _has_tasks(plan: Plan, context) -> str | None:
    if not plan.tasks.exists():
        return _("The plan has no task yet: add its tasks first.")
    return None


PLAN_MACHINE = StateMachine(
    "plan",
    states=PlanStatus,
    initial=PlanStatus.DRAFT,
    owner_field=None,
    scope=selectors.plans_for,
    transitions=[
        Transition(
            "submit",
            _("Send for consultation"),
            sources=[PlanStatus.DRAFT],
            target=PlanStatus.CONSULTING,
            roles=MANAGERS,
        ),
        Transition(
            "return",
            _("Return to draft"),
            sources=[PlanStatus.CONSULTING],
            target=PlanStatus.DRAFT,
            roles=MANAGERS,
        ),
        Transition(
            "issue",
            _("Issue"),
            sources=[PlanStatus.DRAFT, PlanStatus.CONSULTING],
            target=PlanStatus.ISSUED,
            roles=MANAGERS,
            fields=["number", "issued_on"],
            guards=[
                Guard(_issue_errors, _("A free number and a past date."), True),
                Guard(_has_tasks, _("The plan has tasks.")),
            ],
        ),
        Transition(
            "start",
            _("Start execution"),
            sources=[PlanStatus.ISSUED],
            target=PlanStatus.IN_EXECUTION,
            roles=MANAGERS,
        ),
        Transition(
            "close",
            pgettext_lazy("plan action", "Close"),
            sources=[PlanStatus.ISSUED, PlanStatus.IN_EXECUTION],
            target=PlanStatus.CLOSED,
            roles=MANAGERS,
            destructive=True,
        ),
    ],
)


# --- progress reports -----------------------------------------------------------
def _not_before_submission(report: ProgressReport, context) -> str | None:
    submitted_on = timezone.localtime(report.submitted_at).date()
    if context.day < submitted_on:
        return _(
            "Accepted on: %(day)s is before the report was submitted (%(submitted)s)."
        ) % {"day": format_short(context.day), "submitted": format_short(submitted_on)}
    return None


def _complete_work(report: ProgressReport, context) -> None:
    """A completion report, once accepted, makes its work done: completed on the
    day it was submitted (GMT+7), accepted on the day of the action."""
    if not report.is_final:
        return
    item = WorkItem.objects.select_for_update().get(pk=report.work_item_id)
    item.completed_on = timezone.localtime(report.submitted_at).date()
    item.accepted_on = context.day
    item.save(update_fields=["completed_on", "accepted_on"])


def _clear_review(report: ProgressReport, context) -> None:
    report.reviewed_at = None
    report.reviewed_by = None


def accepted_at(day: dt.date) -> dt.datetime:
    """When an acceptance recorded for *day* (not today) is dated: 09:00 GMT+7."""
    return dt.datetime.combine(
        day, dt.time(9, 0), tzinfo=timezone.get_current_timezone()
    )


REPORT_MACHINE = StateMachine(
    "progress_report",
    states=ReportStatus,
    initial=ReportStatus.SUBMITTED,
    owner_field="work_item.assignment.organisation",
    transitions=[
        Transition(
            "accept",
            _("Accept"),
            sources=[ReportStatus.SUBMITTED],
            target=ReportStatus.ACCEPTED,
            roles=MANAGERS,
            guards=[Guard(_not_before_submission, _("Not before it was submitted."))],
            effects=[
                stamp("reviewed_at"),
                stamp_user("reviewed_by"),
                keep_comment("review_comment"),
                _complete_work,
            ],
        ),
        Transition(
            "return",
            _("Return for completion"),
            sources=[ReportStatus.SUBMITTED],
            target=ReportStatus.RETURNED,
            roles=MANAGERS,
            comment_required=True,
            effects=[
                stamp("reviewed_at"),
                stamp_user("reviewed_by"),
                keep_comment("review_comment"),
            ],
            destructive=True,
        ),
        Transition(
            "resubmit",
            _("Resubmit"),
            sources=[ReportStatus.RETURNED],
            target=ReportStatus.SUBMITTED,
            roles=REPORTERS,
            effects=[stamp("submitted_at"), stamp_user("submitted_by"), _clear_review],
        ),
    ],
)

register(Plan, PLAN_MACHINE)
register(ProgressReport, REPORT_MACHINE)
