"""Reports join the workflow engine (machine "report"); they had no history
table. Each existing report gets the entries its own dates tell: created, and
issued when it was."""

from django.db import migrations

from ttdn.core.migration_helpers import history_entry


def forward(apps, schema_editor):
    TransitionLog = apps.get_model("core", "TransitionLog")
    TransitionLog._meta.get_field("recorded_at").auto_now_add = False
    entries = []
    reports = apps.get_model("reports", "Report").objects.select_related(
        "created_by", "issued_by"
    )
    for report in reports.order_by("pk"):
        entries.append(
            history_entry(
                apps,
                report,
                machine="report",
                action="create",
                from_state="",
                to_state="draft",
                user=report.created_by,
                at=report.created_at,
            )
        )
        if report.status == "issued" and report.issued_at is not None:
            entries.append(
                history_entry(
                    apps,
                    report,
                    machine="report",
                    action="issue",
                    from_state="draft",
                    to_state="issued",
                    user=report.issued_by,
                    at=report.issued_at,
                )
            )
    TransitionLog.objects.bulk_create(entries)


def backward(apps, schema_editor):
    apps.get_model("core", "TransitionLog").objects.filter(machine="report").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("core", "0003_transition_log"),
    ]

    operations = [migrations.RunPython(forward, backward)]
