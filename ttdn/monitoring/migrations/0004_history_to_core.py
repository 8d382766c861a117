"""An incident's transitions move to the one history table of the workflow
engine (core.TransitionLog, machine "incident"): each row is copied with its
action named from the state it reached, then the monitoring table is dropped.
Reversible."""

from django.db import migrations

from ttdn.core.migration_helpers import copy_rows

# state reached → action of ttdn.monitoring.machines.INCIDENT_MACHINE
ACTIONS = {
    "detected": "open",
    "triaged": "triage",
    "verifying": "verify",
    "responding": "respond",
    "reported": "report",
    "closed": "close",
}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    incident_type, _ = ContentType.objects.get_or_create(
        app_label="monitoring", model="incident"
    )
    copy_rows(
        apps.get_model("monitoring", "IncidentTransition").objects.all(),
        apps.get_model("core", "TransitionLog"),
        {
            "content_type_id": lambda row: incident_type.pk,
            "object_id": lambda row: str(row.incident_id),
            "machine": lambda row: "incident",
            "action": lambda row: ACTIONS.get(row.to_state, row.to_state),
            "from_state": "from_state",
            "to_state": "to_state",
            "user_id": "by_id",
            "user_name": "by_name",
            "comment": "note",
            "performed_at": "at",
            "recorded_at": "at",
        },
    )


def backward(apps, schema_editor):
    copy_rows(
        apps.get_model("core", "TransitionLog").objects.filter(machine="incident"),
        apps.get_model("monitoring", "IncidentTransition"),
        {
            "incident_id": lambda row: int(row.object_id),
            "from_state": "from_state",
            "to_state": "to_state",
            "by_id": "user_id",
            "by_name": "user_name",
            "note": "comment",
            "at": "performed_at",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0003_in_force_periods"),
        ("core", "0003_transition_log"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="IncidentTransition"),
    ]
