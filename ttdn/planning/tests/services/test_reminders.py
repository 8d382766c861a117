"""Reminders before a deadline and escalation after it: e-mail to the unit (and,
for escalations, to the officers), each sent once."""

import datetime as dt

from django.core import mail
from django.utils import timezone

import pytest

from ttdn.planning import services
from ttdn.planning.choices import ReminderKind
from ttdn.planning.models import Reminder, WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


def _plan_with(world, **task_kwargs):
    plan = make_plan(world)
    task = make_task(world, plan, **task_kwargs)
    issue(plan)
    return task


def test_a_unit_is_reminded_once_before_the_deadline(world):
    today = timezone.localdate()
    task = _plan_with(world, due_date=today + dt.timedelta(days=5))

    first = services.send_deadline_reminders(today=today)
    second = services.send_deadline_reminders(today=today)

    assert (first.reminded, first.escalated, first.emails) == (1, 0, 1)
    assert (second.reminded, second.emails) == (0, 0)
    [message] = mail.outbox
    assert message.to == ["sovanhoa@example.org", "daumoi.svh@example.org"]
    assert message.subject == "[TTĐN] Nhắc hạn: 1 nhiệm vụ sắp đến hạn"
    assert task.title in message.body
    assert Reminder.objects.get().kind == ReminderKind.BEFORE_DEADLINE


def test_work_due_later_is_not_reminded_yet(world):
    today = timezone.localdate()
    _plan_with(world, due_date=today + dt.timedelta(days=6))
    run = services.send_deadline_reminders(today=today)
    assert (run.reminded, len(mail.outbox), Reminder.objects.count()) == (0, 0, 0)


def test_overdue_work_is_escalated_once_to_the_unit_and_the_officers(world):
    today = timezone.localdate()
    _plan_with(
        world,
        due_date=today - dt.timedelta(days=1),
        assigned_on=today - dt.timedelta(days=40),
    )

    first = services.send_deadline_reminders(today=today)
    services.send_deadline_reminders(today=today + dt.timedelta(days=1))

    assert (first.escalated, first.emails) == (1, 1)
    [message] = mail.outbox
    assert message.to == [
        "sovanhoa@example.org",
        "daumoi.svh@example.org",
        "chuyenvien@example.org",
    ]
    assert message.subject.startswith("[TTĐN] Quá hạn: 1 nhiệm vụ")
    assert Reminder.objects.get().kind == ReminderKind.ESCALATION


def test_done_work_is_neither_reminded_nor_escalated(world):
    today = timezone.localdate()
    task = _plan_with(world, due_date=today + dt.timedelta(days=2))
    item = WorkItem.objects.get(task=task)
    report = services.progress_report_submit(
        work_item=item, user=world.focal, summary="Xong.", is_final=True
    )
    services.progress_report_accept(report, user=world.officer)

    run = services.send_deadline_reminders(today=today)

    assert (run.reminded, run.escalated, len(mail.outbox)) == (0, 0, 0)


def test_a_unit_without_address_is_tried_again_next_time(world):
    today = timezone.localdate()
    _plan_with(
        world,
        lead_organisations=[world.commune_b],
        due_date=today + dt.timedelta(days=1),
    )

    run = services.send_deadline_reminders(today=today)

    assert run.skipped_without_address == [world.commune_b]
    assert (len(mail.outbox), Reminder.objects.count()) == (0, 0)
