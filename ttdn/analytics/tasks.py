from django.tasks import task

from . import services


@task()
def flush_counters():
    """Write the counts waiting in Redis to the daily tables (periodic)."""
    return services.flush_counters()


@task()
def prune_visitor_state():
    """Delete past days' visitor state and salts (periodic)."""
    return services.prune_visitor_state()
