from django.tasks import task

from . import services


@task()
def send_deadline_reminders():
    """E-mail deadline reminders (periodic, daily; idempotent)."""
    report = services.send_deadline_reminders()
    return {"sent": report.count, "skipped": len(report.skipped)}
