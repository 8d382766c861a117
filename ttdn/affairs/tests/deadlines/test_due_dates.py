"""Due dates from the seeded deadline rules and the record's dates."""

import datetime as dt

import pytest

from ttdn.affairs import deadlines
from ttdn.affairs.choices import (
    ActivityKind,
    ApprovalAuthority,
    ConferenceStatus,
    DeadlineAnchor,
    DeadlineStep,
    DeadlineUnit,
    DelegationStatus,
    Direction,
)
from ttdn.affairs.models import DeadlineRule
from ttdn.affairs.tests.conftest import at
from ttdn.affairs.tests.factories import (
    ConferenceFactory,
    DeadlineRuleFactory,
    DelegationFactory,
)

pytestmark = pytest.mark.django_db


def by_step(record, today):
    return {i.step: i for i in deadlines.due_dates(record, today=today)}


def test_seeded_rules_exist():
    rule = DeadlineRule.objects.get(kind="conference", step="submission", variant="")
    assert (rule.amount, rule.unit, rule.anchor) == (
        30,
        "calendar_days",
        "before_start",
    )
    pm = DeadlineRule.objects.get(
        kind="conference", step="submission", variant="prime_minister"
    )
    assert pm.amount == 40
    unconfirmed = DeadlineRule.objects.get(kind="delegation_out", step="result_report")
    assert unconfirmed.note.startswith("CHƯA XÁC NHẬN (UNCONFIRMED)")


def test_conference_lead_time_30_days_for_the_chairperson():
    conference = ConferenceFactory(start_date=dt.date(2026, 6, 10))
    item = by_step(conference, dt.date(2026, 5, 1))["submission"]
    assert item.due == dt.date(2026, 5, 11)
    assert item.status == deadlines.PENDING
    assert item.days_left == 10


def test_conference_lead_time_40_days_for_the_prime_minister():
    conference = ConferenceFactory(
        start_date=dt.date(2026, 6, 10),
        approval_authority=ApprovalAuthority.PRIME_MINISTER,
    )
    item = by_step(conference, dt.date(2026, 5, 1))["submission"]
    assert item.due == dt.date(2026, 5, 1)
    assert item.rule.variant == "prime_minister"
    assert item.status == deadlines.PENDING
    assert by_step(conference, dt.date(2026, 5, 2))["submission"].status == (
        deadlines.OVERDUE
    )


def test_result_report_after_the_end_moves_past_tet():
    # Ends Sunday 01/02/2026; 15 days later is 16/02/2026, Giao thừa: the
    # deadline moves to the first working day after Tết, 23/02/2026.
    delegation = DelegationFactory(
        start_date=dt.date(2026, 1, 30),
        end_date=dt.date(2026, 2, 1),
        status=DelegationStatus.COMPLETED,
    )
    item = by_step(delegation, dt.date(2026, 2, 20))["result_report"]
    assert item.due == dt.date(2026, 2, 23)
    assert item.status == deadlines.PENDING
    assert by_step(delegation, dt.date(2026, 2, 24))["result_report"].status == (
        deadlines.OVERDUE
    )


def test_review_in_working_days_across_tet():
    # Submitted Thursday 12/02/2026: 13/02 is the 1st working day, Tết closes
    # 16–20/02, then 23, 24, 25, 26, 27/02 and Monday 02/03/2026 (the 7th).
    delegation = DelegationFactory(
        direction=Direction.OUTGOING,
        status=DelegationStatus.SUBMITTED,
        submitted_at=at(2026, 2, 12),
    )
    item = by_step(delegation, dt.date(2026, 2, 13))["review"]
    assert item.due == dt.date(2026, 3, 2)
    assert item.spec.responsible == deadlines.FOREIGN_AFFAIRS_BODY


def test_steps_not_begun_have_no_status_yet():
    delegation = DelegationFactory(status=DelegationStatus.DRAFT)
    items = by_step(delegation, dt.date(2026, 1, 5))
    assert items["review"].status == deadlines.NOT_YET
    assert items["review"].due is None  # not submitted: no anchor
    assert items["result_report"].status == deadlines.NOT_YET
    assert items["result_report"].due == dt.date(2026, 3, 19)


def test_done_steps():
    delegation = DelegationFactory(status=DelegationStatus.CLOSED)
    items = by_step(delegation, dt.date(2026, 6, 1))
    assert items["result_report"].status == deadlines.DONE
    assert items["review"].status == deadlines.DONE


def test_the_rule_in_force_on_the_anchor_day_applies():
    old = DeadlineRule.objects.get(kind="delegation_in", step="result_report")
    old.valid_to = dt.date(2026, 3, 31)
    old.save()
    DeadlineRuleFactory(
        kind=ActivityKind.DELEGATION_IN,
        step=DeadlineStep.RESULT_REPORT,
        anchor=DeadlineAnchor.AFTER_END,
        amount=5,
        unit=DeadlineUnit.WORKING_DAYS,
        valid_from=dt.date(2026, 4, 1),
    )
    before = DelegationFactory(
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
        status=DelegationStatus.COMPLETED,
    )
    after = DelegationFactory(
        start_date=dt.date(2026, 4, 6),
        end_date=dt.date(2026, 4, 8),
        status=DelegationStatus.COMPLETED,
    )
    today = dt.date(2026, 4, 9)
    assert by_step(before, today)["result_report"].due == dt.date(2026, 3, 19)
    # 5 working days after Wednesday 08/04/2026 → 15/04/2026.
    assert by_step(after, today)["result_report"].due == dt.date(2026, 4, 15)


def test_a_step_without_rule_is_left_out():
    DeadlineRule.objects.filter(kind="conference", step="result_report").delete()
    conference = ConferenceFactory(status=ConferenceStatus.HELD)
    assert "result_report" not in by_step(conference, dt.date(2026, 6, 12))
