"""The reminder job is declared as a periodic task and runs the service."""

import datetime as dt

from django.conf import settings
from django.core import mail
from django.utils import timezone

import pytest

from ttdn.core.periodic import periodic_jobs
from ttdn.planning.tasks import send_deadline_reminders
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db


def test_the_job_is_scheduled():
    jobs = {job.name: job for job in periodic_jobs()}
    assert (
        jobs["planning_reminders"].task_path
        == "ttdn.planning.tasks.send_deadline_reminders"
    )
    assert settings.TTDN_PERIODIC_TASKS["planning_reminders"]["every"] == 3600


def test_the_task_sends_the_reminders(world):
    plan = make_plan(world)
    make_task(world, plan, due_date=timezone.localdate() + dt.timedelta(days=1))
    issue(plan)

    result = send_deadline_reminders.enqueue()

    assert result.return_value == {
        "reminded": 1,
        "escalated": 0,
        "emails": 1,
        "skipped": [],
    }
    assert len(mail.outbox) == 1
