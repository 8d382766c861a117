"""The kernel's data migrations, run backward and forward on a database holding
the full demo: every history row of the register, the plans and the incidents
moves into core.TransitionLog and back with the same contents (on SQLite and,
in the other pass, on PostgreSQL). The test database itself is the empty one
they run forward on."""

from collections import Counter

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from ttdn.core.models import TransitionLog

# The last migration of each app before the kernel.
BEFORE_KERNEL = [
    ("core", "0002_postgres_vietnamese_search"),
    ("directory", "0001_initial"),
    ("affairs", "0003_alter_delegation_direction"),
    ("monitoring", "0002_default_deadline_rules"),
    ("planning", "0001_initial"),
    ("reports", "0001_initial"),
]
REGISTER_MACHINES = {
    "delegation_in",
    "delegation_out",
    "conference",
    "agreement",
    "aid",
    "ngo",
    "press_visit",
}
MOVED = REGISTER_MACHINES | {"plan", "incident"}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _moved_rows(rows) -> Counter:
    """(machine, object, action, from, to, user, name, comment, time) of rows."""
    return Counter(
        (
            r["machine"],
            r["object_id"],
            r["action"],
            r["from_state"],
            r["to_state"],
            r["user_id"],
            r["user_name"],
            r["comment"],
            r["performed_at"],
        )
        for r in rows
    )


FIELDS = (
    "machine",
    "object_id",
    "action",
    "from_state",
    "to_state",
    "user_id",
    "user_name",
    "comment",
    "performed_at",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_history_moves_into_one_table_and_back_with_the_full_demo():
    call_command("load_reference_data", province=["14"], verbosity=0)
    call_command("load_demo", verbosity=0)
    by_machine = Counter(TransitionLog.objects.values_list("machine", flat=True))
    assert by_machine["plan"] > 0 and by_machine["incident"] > 0
    assert sum(by_machine[m] for m in REGISTER_MACHINES) > 100
    assert by_machine["progress_report"] > 0 and by_machine["report"] > 0
    moved = _moved_rows(TransitionLog.objects.filter(machine__in=MOVED).values(*FIELDS))
    try:
        old = _migrate(BEFORE_KERNEL)
        register = old.get_model("affairs", "TransitionLog").objects
        plans = old.get_model("planning", "PlanStatusChange").objects
        incidents = old.get_model("monitoring", "IncidentTransition").objects
        assert register.count() == sum(by_machine[m] for m in REGISTER_MACHINES)
        assert plans.count() == by_machine["plan"]
        assert incidents.count() == by_machine["incident"]
        assert {r.to_status for r in plans.all()} >= {"draft", "issued", "closed"}
        assert set(incidents.values_list("to_state", flat=True)) >= {
            "detected",
            "closed",
        }
    finally:
        _migrate(_latest())
    assert (
        _moved_rows(TransitionLog.objects.filter(machine__in=MOVED).values(*FIELDS))
        == moved
    )
    after = Counter(TransitionLog.objects.values_list("machine", flat=True))
    assert {m: after[m] for m in MOVED} == {m: by_machine[m] for m in MOVED}
    # Progress reports and reports had no history: it is rebuilt from their
    # dates, one entry at least for each.
    from ttdn.planning.models import ProgressReport
    from ttdn.reports.models import Report

    assert after["progress_report"] >= ProgressReport.objects.count() > 0
    assert after["report"] >= Report.objects.count() > 0
