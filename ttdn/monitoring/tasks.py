"""Periodic jobs of the monitoring app (settings.TTDN_PERIODIC_TASKS)."""

from django.tasks import task


@task()
def fetch_due_sources():
    """Fetch every enabled source whose polling time has come."""
    from . import services

    reports = services.fetch_due_sources()
    return {"sources": len(reports), "new_items": sum(r.run.items_new for r in reports)}


@task()
def fetch_source_now(source_id: int):
    """The "fetch now" button: fetch one source in the worker, not in the web
    request. Safe to run twice (items are deduplicated by address)."""
    from . import services
    from .models import Source

    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return {"new_items": 0}
    report = services.fetch_source(source)
    return {"outcome": report.run.outcome, "new_items": report.run.items_new}


@task()
def detect_spikes():
    """Raise spike alerts and e-mail them to the monitors."""
    from . import services

    return {"alerts": len(services.detect_spikes())}


@task()
def retrain_classifier():
    """Retrain the topic classifier when labels were added in the admin."""
    from . import services

    return {"retrained": services.retrain_if_labels_changed()}
