from io import StringIO

from django.core.management import call_command

import pytest

from ttdn.core import periodic

pytestmark = pytest.mark.django_db


def test_jobs_come_from_settings():
    jobs = {job.name: job for job in periodic.periodic_jobs()}
    assert (
        jobs["publish_scheduled"].task_path
        == "ttdn.portal.tasks.publish_scheduled_pages"
    )
    assert jobs["publish_scheduled"].every == 60


def test_enqueue_due_respects_intervals(settings):
    settings.TTDN_PERIODIC_TASKS = {
        "pub": {"task": "ttdn.portal.tasks.publish_scheduled_pages", "every": 60}
    }
    jobs = periodic.periodic_jobs()
    last = {}
    assert periodic.enqueue_due(jobs, last, 1000.0) == ["pub"]
    assert periodic.enqueue_due(jobs, last, 1030.0) == []
    assert periodic.enqueue_due(jobs, last, 1060.0) == ["pub"]


def test_pending_job_is_not_enqueued_twice(settings):
    import datetime as dt

    from django_tasks_db.models import DBTaskResult

    settings.TTDN_PERIODIC_TASKS = {
        "pub": {"task": "ttdn.portal.tasks.publish_scheduled_pages", "every": 1}
    }
    DBTaskResult.objects.create(
        task_path="ttdn.portal.tasks.publish_scheduled_pages",
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    last = {}
    assert periodic.enqueue_due(periodic.periodic_jobs(), last, 10.0) == []
    assert DBTaskResult.objects.count() == 1
    assert last == {"pub": 10.0}


def test_scheduled_page_goes_live_through_the_task(home):
    import datetime as dt

    from django.utils import timezone

    from ttdn.portal.models import ArticlePage
    from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

    section = SectionPageFactory(parent=home)
    page = ArticlePageFactory(parent=section, publish=False)
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # scheduled: publishing now only approves for go-live
    assert not ArticlePage.objects.get(pk=page.pk).live
    # An hour passes.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("run_scheduler", "--once", stdout=StringIO())
    assert ArticlePage.objects.get(pk=page.pk).live
