"""Background tasks of planning (run by the task worker; scheduled through
settings.TTDN_PERIODIC_TASKS)."""

from django.tasks import task


@task()
def send_deadline_reminders() -> dict:
    """Remind units of tasks due soon and escalate overdue ones (each once)."""
    from . import services

    run = services.send_deadline_reminders()
    return {
        "reminded": run.reminded,
        "escalated": run.escalated,
        "emails": run.emails,
        "skipped": [str(o) for o in run.skipped_without_address],
    }
