"""Periodic jobs: declared in settings.TTDN_PERIODIC_TASKS, enqueued by the scheduler.

The scheduler (``manage.py run_scheduler``, a process of the Procfile) only enqueues;
the task worker (``manage.py db_worker``) runs the work. A job is not enqueued again
while an earlier run of it is still waiting or running, so a stopped worker does not
pile up copies.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task_path: str
    every: int  # seconds

    @property
    def task(self):
        return import_string(self.task_path)


def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(name=name, task_path=spec["task"], every=int(spec["every"]))
        for name, spec in settings.TTDN_PERIODIC_TASKS.items()
    ]


def _pending(job: PeriodicJob) -> bool:
    """True when the database task queue still holds an unfinished run of the job."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=job.task_path, status__in=["READY", "RUNNING"]
    ).exists()


def enqueue_due(jobs: list[PeriodicJob], last_run: dict[str, float], now: float):
    """Enqueue every job whose interval has passed; returns the names enqueued."""
    enqueued = []
    for job in jobs:
        if now - last_run.get(job.name, float("-inf")) < job.every:
            continue
        last_run[job.name] = now
        if _pending(job):
            logger.info("Periodic job %s still pending; not enqueued again", job.name)
            continue
        job.task.enqueue()
        enqueued.append(job.name)
    return enqueued


def run_forever(*, tick: float = 5.0, clock=time.monotonic, sleep=time.sleep):
    jobs = periodic_jobs()
    last_run: dict[str, float] = {}
    logger.info("Scheduler started with %d periodic jobs", len(jobs))
    while True:
        try:
            enqueue_due(jobs, last_run, clock())
        except Exception:  # keep the scheduler alive; the next tick retries
            logger.exception("Scheduler tick failed")
        sleep(tick)
