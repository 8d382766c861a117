"""A task worker that loses no work (docs/security.md#background-work).

``manage.py task_worker`` runs django-tasks-db's worker with three additions:

* **Recovery.** A task left RUNNING by a worker that died (killed, machine
  restarted) is put back in the queue: at once when that worker ran on this
  machine and its process is gone, otherwise after ``TTDN_TASKS["STALE_AFTER"]``
  seconds. After ``MAX_ATTEMPTS`` runs it is marked failed instead. Recovery runs
  when a worker starts and every minute (the ``tasks_recover`` periodic job).
  Tasks are written to be safe to run twice (docs/security.md lists them).
* **Waiting for the database.** When the database goes away the worker logs it
  and tries again with a growing pause (at most 30 seconds) instead of exiting.
* **Worker ids** name the machine and process (``host:pid:random``), so
  recovery can tell a dead worker from a live one.
"""

import contextlib
import logging
import os
import socket
import time

from django.conf import settings
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
    transaction,
)
from django.utils import timezone
from django.utils.crypto import get_random_string

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

RUNNING = "RUNNING"
READY = "READY"
FAILED = "FAILED"


class WorkerLost(Exception):
    """The worker running the task stopped before the task finished."""


def config() -> dict:
    return {"STALE_AFTER": 3600, "MAX_ATTEMPTS": 3, **settings.TTDN_TASKS}


def new_worker_id() -> str:
    host = socket.gethostname()[:40]
    return f"{host}:{os.getpid()}:{get_random_string(8)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_gone(worker_id: str, *, current: str = "") -> bool | None:
    """True when *worker_id* ran on this machine and its process is gone (or is
    *current*, a worker that is not running the task any more); None when it
    cannot be told from here (another machine, an old-style id)."""
    if current and worker_id == current:
        return True
    parts = worker_id.split(":")
    if len(parts) != 3 or parts[0] != socket.gethostname()[:40]:
        return None
    try:
        pid = int(parts[1])
    except ValueError:
        return None
    return pid != os.getpid() and not _process_alive(pid)


def recover_stale(*, now=None, current_worker: str = "") -> dict:
    """Requeue (or fail, after MAX_ATTEMPTS) the RUNNING tasks whose worker is
    gone. Returns ``{"requeued": n, "failed": n}``."""
    conf = config()
    now = now or timezone.now()
    stale_before = now - timezone.timedelta(seconds=conf["STALE_AFTER"])
    counts = {"requeued": 0, "failed": 0}
    for task_id in DBTaskResult.objects.filter(status=RUNNING).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            row = (
                DBTaskResult.objects.select_for_update()
                .filter(pk=task_id, status=RUNNING)
                .first()
            )
            if row is None:
                continue
            last = row.worker_ids[-1] if row.worker_ids else ""
            gone = worker_gone(last, current=current_worker)
            if gone is None:
                gone = row.started_at is not None and row.started_at < stale_before
            if not gone:
                continue
            if len(row.worker_ids) >= conf["MAX_ATTEMPTS"]:
                row.status = FAILED
                row.finished_at = now
                row.exception_class_path = f"{__name__}.WorkerLost"
                row.traceback = (
                    f"WorkerLost: worker {last} stopped during attempt "
                    f"{len(row.worker_ids)} of {conf['MAX_ATTEMPTS']}."
                )
                row.save(
                    update_fields=[
                        "status",
                        "finished_at",
                        "exception_class_path",
                        "traceback",
                    ]
                )
                counts["failed"] += 1
                logger.error("Task %s failed: its worker %s was lost", row.pk, last)
            else:
                row.status = READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
                logger.warning("Task %s requeued: its worker %s was lost", row.pk, last)
    return counts


class ResilientWorker(Worker):
    """django-tasks-db's worker, recovering stale tasks and riding out database
    outages."""

    max_pause = 30.0

    def run(self) -> None:
        pause = 1.0
        while self.running:
            try:
                recover_stale(current_worker=self.worker_id)
                super().run()
                return
            except (OperationalError, InterfaceError, DatabaseError) as error:
                if not self.running:
                    raise
                logger.warning(
                    "Database unavailable (%s); the worker retries in %.0f s",
                    error.__class__.__name__,
                    pause,
                )
                for connection in connections.all():
                    with contextlib.suppress(DatabaseError):
                        connection.close()
                time.sleep(pause)
                pause = min(pause * 2, self.max_pause)
