"""Progress reports join the workflow engine (machine "progress_report"); they
had no history table. Each existing report gets the entries its own dates tell:
submitted, and accepted or returned when it was reviewed."""

from django.db import migrations

from ttdn.core.migration_helpers import history_entry

ACTIONS = {"accepted": "accept", "returned": "return"}


def forward(apps, schema_editor):
    TransitionLog = apps.get_model("core", "TransitionLog")
    TransitionLog._meta.get_field("recorded_at").auto_now_add = False
    reports = apps.get_model("planning", "ProgressReport").objects.select_related(
        "submitted_by", "reviewed_by"
    )
    entries = []
    for report in reports.order_by("pk").iterator(chunk_size=2000):
        entries.append(
            history_entry(
                apps,
                report,
                machine="progress_report",
                action="submit",
                from_state="",
                to_state="submitted",
                user=report.submitted_by,
                at=report.submitted_at,
            )
        )
        if report.status in ACTIONS and report.reviewed_at is not None:
            entry = history_entry(
                apps,
                report,
                machine="progress_report",
                action=ACTIONS[report.status],
                from_state="submitted",
                to_state=report.status,
                user=report.reviewed_by,
                at=report.reviewed_at,
            )
            entry.comment = report.review_comment
            entries.append(entry)
    TransitionLog.objects.bulk_create(entries, batch_size=2000)


def backward(apps, schema_editor):
    apps.get_model("core", "TransitionLog").objects.filter(
        machine="progress_report"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("planning", "0002_history_to_core")]

    operations = [migrations.RunPython(forward, backward)]
