"""The register's workflow history moves to the one history table of the
workflow engine (core.TransitionLog); every row is copied as it is, then the
register's own table is dropped. Reversible: going back copies the register's
rows (machines of register records) back."""

from django.db import migrations

from ttdn.core.migration_helpers import copy_rows

FIELDS = (
    "content_type_id",
    "object_id",
    "machine",
    "action",
    "from_state",
    "to_state",
    "user_id",
    "user_name",
    "comment",
    "performed_at",
    "recorded_at",
)
MACHINES = (
    "delegation_in",
    "delegation_out",
    "conference",
    "agreement",
    "aid",
    "ngo",
    "press_visit",
)


def forward(apps, schema_editor):
    copy_rows(
        apps.get_model("affairs", "TransitionLog").objects.all(),
        apps.get_model("core", "TransitionLog"),
        {name: name for name in FIELDS},
    )


def backward(apps, schema_editor):
    copy_rows(
        apps.get_model("core", "TransitionLog").objects.filter(machine__in=MACHINES),
        apps.get_model("affairs", "TransitionLog"),
        {name: name for name in FIELDS},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("affairs", "0004_deadline_rule_in_force"),
        ("core", "0003_transition_log"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="TransitionLog"),
    ]
