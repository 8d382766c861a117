"""A plan's status changes move to the one history table of the workflow engine
(core.TransitionLog, machine "plan"): each row is copied with its action named
from the states it joined, then the planning table is dropped. Reversible."""

from django.db import migrations

from ttdn.core.migration_helpers import copy_rows, user_name

# (from, to) → action of ttdn.planning.machines.PLAN_MACHINE
ACTIONS = {
    ("", "draft"): "create",
    ("draft", "consulting"): "submit",
    ("consulting", "draft"): "return",
    ("draft", "issued"): "issue",
    ("consulting", "issued"): "issue",
    ("issued", "in_execution"): "start",
    ("issued", "closed"): "close",
    ("in_execution", "closed"): "close",
}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    plan_type, _ = ContentType.objects.get_or_create(
        app_label="planning", model="plan"
    )
    copy_rows(
        apps.get_model("planning", "PlanStatusChange").objects.select_related(
            "changed_by"
        ),
        apps.get_model("core", "TransitionLog"),
        {
            "content_type_id": lambda row: plan_type.pk,
            "object_id": lambda row: str(row.plan_id),
            "machine": lambda row: "plan",
            "action": lambda row: ACTIONS.get(
                (row.from_status, row.to_status), row.to_status
            ),
            "from_state": "from_status",
            "to_state": "to_status",
            "user_id": "changed_by_id",
            "user_name": lambda row: user_name(row.changed_by),
            "comment": "note",
            "performed_at": "changed_at",
            "recorded_at": "changed_at",
        },
    )


def backward(apps, schema_editor):
    copy_rows(
        apps.get_model("core", "TransitionLog").objects.filter(machine="plan"),
        apps.get_model("planning", "PlanStatusChange"),
        {
            "plan_id": lambda row: int(row.object_id),
            "from_status": "from_state",
            "to_status": "to_state",
            "changed_by_id": "user_id",
            "note": "comment",
            "changed_at": "performed_at",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0001_initial"),
        ("core", "0003_transition_log"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="PlanStatusChange"),
    ]
