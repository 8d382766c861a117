"""The demo register: seed 000's 2016 figures from the data, every state of every
activity type, the Phú Yên record, idempotence."""

import datetime as dt

from django.core.management import call_command

import pytest

from ttdn.affairs import deadlines, selectors
from ttdn.affairs.demo.common import spread
from ttdn.affairs.demo.loader import load_demo
from ttdn.affairs.models import (
    AidPackage,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)
from ttdn.affairs.narrative import delegation_narrative
from ttdn.affairs.selectors import Period
from ttdn.core import workflow
from ttdn.directory.demo.loader import load_demo as load_directory
from ttdn.directory.models import Country, Organisation

pytestmark = pytest.mark.django_db

SEED_000 = (
    "Trong năm 2016, tỉnh Sơn La đã tổ chức đón tiếp và làm việc với 154 đoàn "
    "khách, 932 lượt người, trong đó tiếp đón và làm việc với 54 đoàn, 618 lượt "
    "người đến từ nước CHDCND Lào. Trong năm, tỉnh đã tổ chức cử 73 đoàn với 409 "
    "lượt cán bộ, công chức, viên chức đi công tác nước ngoài, trong đó có 31 đoàn "
    "với 341 lượt cán bộ đi công tác tại nước CHDCND Lào."
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The directory and the register, loaded once for the module and rolled
    back at its end."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_directory()
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def laos(demo):
    return Country.objects.get(alpha_2="LA")


def test_2016_figures_are_those_of_seed_000(laos):
    stats = selectors.delegation_stats(Period.for_year(2016), country=laos)
    assert stats == {
        "incoming": {
            "delegations": 154,
            "persons": 932,
            "of_which": {"LA": {"delegations": 54, "persons": 618}},
        },
        "outgoing": {
            "delegations": 73,
            "persons": 409,
            "of_which": {"LA": {"delegations": 31, "persons": 341}},
        },
    }


def test_2016_narrative_is_that_of_seed_000(laos):
    assert delegation_narrative(Period.for_year(2016), country=laos) == SEED_000


def test_2016_json_of_the_command(laos, capsys):
    import json

    call_command(
        "delegation_stats",
        "--from",
        "2016-01-01",
        "--to",
        "2016-12-31",
        "--country",
        "LA",
        "--json",
    )
    assert json.loads(capsys.readouterr().out)["outgoing"] == {
        "delegations": 73,
        "persons": 409,
        "of_which": {"LA": {"delegations": 31, "persons": 341}},
    }


def test_2016_records_are_historic_and_spread_over_the_year(demo):
    records = Delegation.objects.filter(start_date__year=2016)
    assert records.count() == 227
    assert set(records.values_list("status", flat=True)) == {"closed"}
    assert not records.filter(is_historic=False).exists()
    months = {d.month for d in records.values_list("start_date", flat=True)}
    assert months == set(range(1, 13))
    with_members = [d for d in records if d.members.exists()]
    assert len(with_members) == 2
    assert all(d.person_count == d.members.count() for d in with_members)
    assert records.values("organisation").distinct().count() >= 10


def test_every_state_of_every_record_type_is_present(demo):
    for model in (
        InternationalConference,
        InternationalAgreement,
        AidPackage,
        ForeignNGO,
        ForeignPressVisit,
    ):
        machine = workflow.machines_of(model)[0]
        present = set(model.objects.values_list("status", flat=True))
        assert present == set(machine.states.values), model
    for direction, missing in (("in", {"in_progress"}), ("out", {"hosted"})):
        present = set(
            Delegation.objects.filter(
                direction=direction, start_date__year__gt=2020
            ).values_list("status", flat=True)
        )
        assert (
            present == set(workflow.machines_of(Delegation)[0].states.values) - missing
        )


def test_some_deadlines_are_overdue_and_some_due_soon(demo):
    overdue = selectors.overdue()
    soon = selectors.due_soon(days=7)
    assert {type(i.record) for i in overdue} >= {
        Delegation,
        InternationalConference,
        InternationalAgreement,
        AidPackage,
        ForeignNGO,
    }
    assert len(soon) >= 3
    assert all(i.status == deadlines.PENDING for i in soon)


def test_the_2020_phu_yen_record_rolls_up_to_dak_lak(demo):
    record = Delegation.objects.get(reference="DEMO-2020-PY-01")
    phu_yen_pc = Organisation.objects.get(name="Ủy ban nhân dân tỉnh Phú Yên")
    dak_lak_pc = Organisation.objects.get(name="Ủy ban nhân dân tỉnh Đắk Lắk")
    assert record.organisation == phu_yen_pc
    in_2020 = selectors.delegation_breakdown(
        Period.for_year(2020), direction="in", by="unit"
    )
    assert [(row.key, row.delegations, row.persons) for row in in_2020] == [
        (phu_yen_pc, 1, 8)
    ]
    seen_in_2026 = selectors.delegation_breakdown(
        Period.for_year(2020), direction="in", by="unit", rollup_on=dt.date(2026, 1, 1)
    )
    assert [(row.key, row.persons) for row in seen_in_2026] == [(dak_lak_pc, 8)]


def test_a_second_run_changes_nothing(demo):
    before = {
        model: list(model.objects.order_by("pk").values_list("pk", "status"))
        for model in selectors.RECORD_MODELS
    }
    assert load_demo() == 0
    after = {
        model: list(model.objects.order_by("pk").values_list("pk", "status"))
        for model in selectors.RECORD_MODELS
    }
    assert after == before


def test_spread_keeps_the_total():
    sizes = spread(54, 618, [4, 2, 7, 1, 5, 3])
    assert (len(sizes), sum(sizes), min(sizes) >= 1) == (54, 618, True)
    assert len(set(sizes)) > 3
