"""Deadline rules use the one "in force from–to" model of ttdn.core.periods: the
period fields are renamed (data kept) and the check constraint takes the shared
name and message."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("affairs", "0003_alter_delegation_direction")]

    operations = [
        migrations.RemoveConstraint(
            model_name="deadlinerule", name="affairs_deadlinerule_period_in_order"
        ),
        migrations.RenameField(
            model_name="deadlinerule", old_name="effective_from", new_name="valid_from"
        ),
        migrations.RenameField(
            model_name="deadlinerule", old_name="effective_to", new_name="valid_to"
        ),
        migrations.AlterModelOptions(
            name="deadlinerule",
            options={
                "ordering": ["kind", "step", "variant", "-valid_from"],
                "verbose_name": "deadline rule",
                "verbose_name_plural": "deadline rules",
            },
        ),
        migrations.AlterField(
            model_name="deadlinerule",
            name="valid_from",
            field=models.DateField(
                blank=True,
                help_text="Empty: since before any record.",
                null=True,
                verbose_name="in force from",
            ),
        ),
        migrations.AlterField(
            model_name="deadlinerule",
            name="valid_to",
            field=models.DateField(
                blank=True,
                help_text="Empty: still in force.",
                null=True,
                verbose_name="in force until",
            ),
        ),
        migrations.AddConstraint(
            model_name="deadlinerule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_from__isnull", True),
                    ("valid_to__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="affairs_deadlinerule_valid_range",
                violation_error_message="The last day cannot be before the first day.",
            ),
        ),
    ]
