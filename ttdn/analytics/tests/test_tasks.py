import pytest

from ttdn.analytics import tasks
from ttdn.analytics.models import DailyStats
from ttdn.analytics.tests.conftest import reader
from ttdn.core import periodic

pytestmark = pytest.mark.django_db


def test_flush_and_prune_are_periodic_jobs():
    jobs = {job.name: job for job in periodic.periodic_jobs()}
    assert jobs["analytics_flush"].task_path == "ttdn.analytics.tasks.flush_counters"
    assert jobs["analytics_flush"].every == 60
    assert jobs["analytics_prune"].task_path == (
        "ttdn.analytics.tasks.prune_visitor_state"
    )


def test_the_flush_task_writes_redis_counts(redis_backend, client):
    client.post("/analytics/hit/", HTTP_USER_AGENT=reader())
    assert not DailyStats.objects.exists()
    result = tasks.flush_counters.enqueue()  # immediate backend in tests
    assert result.return_value == 3  # a visit, a visitor, a hit (no page: no view)
    assert DailyStats.objects.get().visits == 1
