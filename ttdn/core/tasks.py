"""Periodic jobs of the kernel (settings.TTDN_PERIODIC_TASKS)."""

from django.tasks import task

from . import worker


@task()
def recover_stale_tasks():
    """Requeue the tasks of workers that died (ttdn/core/worker.py)."""
    return worker.recover_stale()
