"""The periodic jobs are declared and run (the immediate task backend in tests)."""

from django.conf import settings
from django.utils.module_loading import import_string

import pytest

from ttdn.monitoring import tasks

from .factories import SourceFactory
from .http_fixtures import FixtureServer, article

pytestmark = pytest.mark.django_db


def test_declared_as_periodic_jobs():
    declared = {spec["task"] for spec in settings.TTDN_PERIODIC_TASKS.values()}
    for name in ("fetch_due_sources", "detect_spikes", "retrain_classifier"):
        path = f"ttdn.monitoring.tasks.{name}"
        assert path in declared
        assert import_string(path) is getattr(tasks, name)


def test_fetch_task_runs(province):
    with FixtureServer() as server:
        server.route(
            "/bai.html", article("Tin Sơn La qua tác vụ"), content_type="text/html"
        )
        SourceFactory(url=server.url("/bai.html"), source_type="page")
        result = tasks.fetch_due_sources.enqueue()
    assert result.return_value == {"sources": 1, "new_items": 1}


def test_spike_and_retrain_tasks_run(province):
    assert tasks.detect_spikes.enqueue().return_value == {"alerts": 0}
    assert tasks.retrain_classifier.enqueue().return_value in (
        {"retrained": True},
        {"retrained": False},
    )
