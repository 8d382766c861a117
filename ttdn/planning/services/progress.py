"""Progress reports: units report on their work items; officers review them on
the workflow engine (``machines.REPORT_MACHINE``)."""

import datetime as dt
import logging
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.timefmt import format_short

from .. import selectors
from ..choices import (
    PlanStatus,
    ReportStatus,
)
from ..machines import accepted_at
from ..models import (
    ProgressAttachment,
    ProgressFigure,
    ProgressReport,
    WorkItem,
)

logger = logging.getLogger(__name__)


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
            % {"status": plan.get_status_display()},
        )
    if item.accepted_on is not None:
        errors.add(
            "work_item",
            _(
                "Task and period: the work was accepted as done on %(day)s; no "
                "further report is needed."
            )
            % {"day": format_short(item.accepted_on)},
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
    """Submit a new report, correct one not yet reviewed, or resubmit one returned
    (the ``resubmit`` action), with its in-memory figures and attachments. The
    reporting period defaults to the occurrence's. An officer recording a report
    received on paper may give the time it was received (*submitted_at*, not in
    the future)."""
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
    stored = None
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
    if stored is None:
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = submitted_at or now
        report.submitted_by = audit.actor(user)
        report.save()
        workflow.record_creation(
            report, user=user, action="submit", at=report.submitted_at
        )
        audit.log_create(report, user=user)
        return report
    before = audit.snapshot(stored)
    report.status = stored.status
    if stored.status == ReportStatus.SUBMITTED:
        # Corrected before anyone reviewed it: it counts as sent now.
        report.submitted_at = now
        report.submitted_by = audit.actor(user)
    report.save()
    audit.log_saved(report, user=user, created=False, before=before)
    if stored.status == ReportStatus.RETURNED:
        workflow.perform_transition(report, "resubmit", user=user)
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


def progress_report_accept(
    report: ProgressReport, *, user, comment: str = "", on: dt.date | None = None
) -> ProgressReport:
    """Accept a report. A completion report makes the work done: completed on
    the day it was submitted (GMT+7), accepted today — or on *on*, for an
    acceptance recorded later (not before the report was submitted)."""
    at = None if on is None or on == timezone.localdate() else accepted_at(on)
    workflow.perform_transition(report, "accept", user=user, comment=comment, at=at)
    return report


def progress_report_return(
    report: ProgressReport, *, user, comment: str
) -> ProgressReport:
    """Return a report to its unit with the reason; the unit corrects and
    resubmits it."""
    workflow.perform_transition(report, "return", user=user, comment=comment)
    return report
