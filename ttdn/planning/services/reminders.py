"""Reminders before a deadline and escalations after it, by e-mail."""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ttdn.core.timefmt import format_short

from .. import selectors
from ..choices import (
    ReminderKind,
)
from ..models import (
    Reminder,
)

logger = logging.getLogger(__name__)


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
                "due": format_short(item.due_date),
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
    ) % {"day": format_short(day)}
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
