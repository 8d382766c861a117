"""Every transition of every state machine, from every state: allowed from its
source states (the state changes and the history records it), refused from any
other state (nothing changes). Then the other refusals of each transition: role,
organisation scope, missing comment, failing guards."""

import datetime as dt

import pytest

from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs import machines, services
from ttdn.affairs.choices import Direction
from ttdn.affairs.tests.conftest import at
from ttdn.affairs.tests.factories import (
    AgreementFactory,
    AidFactory,
    ConferenceFactory,
    DelegationFactory,
    DocumentFactory,
    NGOFactory,
    PressVisitFactory,
)
from ttdn.core import workflow
from ttdn.core.models import TransitionLog

pytestmark = pytest.mark.django_db

EARLY = at(2025, 1, 10)  # before the conference's 30/40-day submission deadline
LATE = at(2025, 12, 1)  # after every activity below has taken place
EARLY_ACTIONS = {("conference", "submit"), ("conference", "resubmit")}


def ready(key: str, state: str, action: str, organisation):
    """A record in *state* whose fields satisfy every guard of *action*."""
    decision = {"decision_number": "12/QĐ-UBND", "decision_date": dt.date(2025, 2, 20)}
    if key in ("delegation_in", "delegation_out"):
        return DelegationFactory(
            direction=Direction.INCOMING if key == "delegation_in" else "out",
            status=state,
            organisation=organisation,
            start_date=dt.date(2025, 3, 2),
            end_date=dt.date(2025, 3, 4),
            result_report=DocumentFactory(),
            **decision,
        )
    if key == "conference":
        return ConferenceFactory(
            status=state,
            organisation=organisation,
            start_date=dt.date(2025, 3, 2),
            end_date=dt.date(2025, 3, 3),
            hosting_request_reason="Hội thảo thường niên với các tỉnh Bắc Lào",
            proposal=DocumentFactory(),
            result_report=DocumentFactory(),
            **decision,
        )
    if key == "agreement":
        expired = action == "expire"
        return AgreementFactory(
            status=state,
            organisation=organisation,
            document=DocumentFactory(),
            post_signing_report=DocumentFactory(),
            signing_date=dt.date(2025, 3, 1),
            signatory="Giám đốc Sở",
            effective_from=dt.date(2025, 3, 15),
            expires_on=dt.date(2025, 6, 30) if expired else dt.date(2030, 3, 14),
            **decision,
        )
    if key == "aid":
        return AidFactory(
            status=state,
            organisation=organisation,
            proposal=DocumentFactory(),
            final_report=DocumentFactory(),
            appraisal_conclusion="Đủ điều kiện tiếp nhận",
            appraisal_date=dt.date(2025, 2, 10),
            start_date=dt.date(2025, 3, 1),
            end_date=dt.date(2025, 11, 30),
            **decision,
        )
    if key == "ngo":
        expired = action == "expire"
        return NGOFactory(
            status=state,
            organisation=organisation,
            issued_on=dt.date(2022, 7, 1) if expired else dt.date(2025, 1, 15),
            expires_on=dt.date(2025, 6, 30) if expired else dt.date(2028, 1, 14),
        )
    if key == "press_visit":
        return PressVisitFactory(
            status=state,
            organisation=organisation,
            press_permit_number="45/BNG-TTBC",
            permit_issued_on=dt.date(2025, 4, 20),
            programme="Quay phim tại cửa khẩu Lóng Sập",
            start_date=dt.date(2025, 5, 4),
            end_date=dt.date(2025, 5, 6),
            result_summary="Phóng sự đã phát sóng",
        )
    raise KeyError(key)


MACHINES = {
    "delegation_in": machines.INCOMING,
    "delegation_out": machines.OUTGOING,
    "conference": machines.CONFERENCE,
    "agreement": machines.AGREEMENT,
    "aid": machines.AID,
    "ngo": machines.NGO,
    "press_visit": machines.PRESS,
}

MATRIX = [
    (key, state, transition.action)
    for key, machine in MACHINES.items()
    for state in machine.states.values
    for transition in machine.transitions
]


def snapshot(record):
    stored = type(record).objects.get(pk=record.pk)
    return {
        f.attname: getattr(stored, f.attname)
        for f in type(record)._meta.concrete_fields
    }


def actor(transition, focal_point, officer):
    """The most restricted user allowed: the owner's focal point when focal
    points may act, else a foreign-affairs officer."""
    return focal_point if "focal_point" in transition.roles else officer


@pytest.mark.parametrize(("key", "state", "action"), MATRIX)
def test_every_transition_from_every_state(
    key, state, action, unit, focal_point, officer
):
    machine = MACHINES[key]
    transition = machine.get(action)
    record = ready(key, state, action, unit)
    user = actor(transition, focal_point, officer)
    when = EARLY if (key, action) in EARLY_ACTIONS else LATE
    before = snapshot(record)
    if state in transition.sources:
        entry = workflow.perform_transition(
            record, action, user=user, comment="Ý kiến xử lý", at=when
        )
        assert record.status == transition.target
        assert type(record).objects.get(pk=record.pk).status == transition.target
        assert (entry.action, entry.from_state, entry.to_state) == (
            action,
            state,
            transition.target,
        )
        assert (entry.user, entry.comment, entry.performed_at) == (
            user,
            "Ý kiến xử lý",
            when,
        )
    else:
        with pytest.raises(workflow.TransitionRefused) as refused:
            workflow.perform_transition(
                record, action, user=user, comment="Ý kiến xử lý", at=when
            )
        assert refused.value.code == workflow.STATE
        assert str(machine.state_label(state)) in refused.value.message
        assert snapshot(record) == before
        assert not TransitionLog.objects.exists()


TRANSITIONS = [
    (key, transition.action)
    for key, machine in MACHINES.items()
    for transition in machine.transitions
]


def _source(key, action):
    return MACHINES[key].get(action).sources[0]


@pytest.mark.parametrize(("key", "action"), TRANSITIONS)
def test_refused_to_roles_without_the_right(
    key, action, unit, focal_point, steering_member, no_role
):
    transition = MACHINES[key].get(action)
    record = ready(key, _source(key, action), action, unit)
    before = snapshot(record)
    refused_users = [steering_member, no_role]
    if "focal_point" not in transition.roles:
        refused_users.append(focal_point)
    for user in refused_users:
        with pytest.raises(workflow.TransitionRefused) as refused:
            workflow.perform_transition(record, action, user=user, comment="x", at=LATE)
        assert refused.value.code == workflow.ROLE
        assert "Chuyên viên đối ngoại" in refused.value.message
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(record, action, user=None, comment="x", at=LATE)
    assert refused.value.code == workflow.NOT_AUTHENTICATED
    assert snapshot(record) == before
    assert not TransitionLog.objects.exists()


@pytest.mark.parametrize(
    ("key", "action"),
    [(k, a) for k, a in TRANSITIONS if "focal_point" in MACHINES[k].get(a).roles],
)
def test_refused_to_a_focal_point_of_another_organisation(
    key, action, unit, other_focal_point
):
    record = ready(key, _source(key, action), action, unit)
    before = snapshot(record)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(
            record, action, user=other_focal_point, comment="x", at=LATE
        )
    assert refused.value.code == workflow.SCOPE
    assert snapshot(record) == before
    assert not TransitionLog.objects.exists()


@pytest.mark.parametrize(
    ("key", "action"),
    [(k, a) for k, a in TRANSITIONS if MACHINES[k].get(a).comment_required],
)
def test_refused_without_the_required_comment(key, action, unit, officer):
    record = ready(key, _source(key, action), action, unit)
    before = snapshot(record)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(record, action, user=officer, comment="  ", at=LATE)
    assert refused.value.code == workflow.COMMENT
    assert refused.value.message.startswith("Ý kiến")
    assert snapshot(record) == before


def bare(key, state, organisation):
    """A record in *state* with none of the optional fields filled in."""
    factories = {
        "delegation_in": lambda: DelegationFactory(
            status=state,
            organisation=organisation,
            purpose="",
            countries=[],
            declared_person_count=None,
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 3),
        ),
        "delegation_out": lambda: DelegationFactory(
            direction="out",
            status=state,
            organisation=organisation,
            purpose="",
            countries=[],
            declared_person_count=None,
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 3),
        ),
        "conference": lambda: ConferenceFactory(
            status=state,
            organisation=organisation,
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 3),
        ),
        "agreement": lambda: AgreementFactory(
            status=state,
            organisation=organisation,
            fields_of_cooperation="",
            expires_on=None,
        ),
        "aid": lambda: AidFactory(
            status=state,
            organisation=organisation,
            objectives="",
            decision_date=dt.date(2025, 10, 1),
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 31),
        ),
        "ngo": lambda: NGOFactory(
            status=state,
            organisation=organisation,
            registration_number="",
            issued_on=None,
            expires_on=None,
        ),
        "press_visit": lambda: PressVisitFactory(
            status=state,
            organisation=organisation,
            start_date=dt.date(2026, 12, 1),
            end_date=dt.date(2026, 12, 3),
        ),
    }
    return factories[key]()


@pytest.mark.parametrize(
    ("key", "action"),
    [(k, a) for k, a in TRANSITIONS if MACHINES[k].get(a).guards],
)
def test_refused_when_a_guard_fails(key, action, unit, officer):
    record = bare(key, _source(key, action), unit)
    before = snapshot(record)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(record, action, user=officer, comment="x", at=LATE)
    assert refused.value.code == workflow.GUARD
    assert refused.value.message
    assert snapshot(record) == before
    assert not TransitionLog.objects.exists()


def test_superuser_counts_as_administrator(unit, laos):
    record = ready("delegation_in", "under_review", "approve", unit)
    root = UserFactory(username="root", is_superuser=True)
    services.transition(record, "approve", user=root, at=LATE)
    assert record.status == "approved"


def test_unknown_action_is_refused(unit, officer):
    record = ready("delegation_in", "draft", "submit", unit)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(record, "publish", user=officer)
    assert refused.value.code == workflow.UNKNOWN_ACTION


def test_future_time_is_refused(unit, officer):
    record = ready("delegation_in", "draft", "submit", unit)
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.perform_transition(record, "submit", user=officer, at=at(2999, 1, 1))
    assert refused.value.code == workflow.TIME
    assert record.status == "draft"
