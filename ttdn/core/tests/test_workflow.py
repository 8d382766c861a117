"""The workflow engine, on a toy machine (the apps' tests run it on their
records: affairs, planning, monitoring, reports)."""

import datetime as dt
from types import SimpleNamespace

from django.db import models
from django.utils import timezone

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.core import workflow
from ttdn.core.errors import Errors
from ttdn.directory.tests.factories import OrganisationFactory


def at(year, month, day, hour=9):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])


@pytest.fixture
def unit(db):
    return OrganisationFactory(name="Sở Y tế tỉnh Thử")


@pytest.fixture
def focal_point(unit):
    return UserFactory(username="daumoi", roles=[roles.FOCAL_POINT], organisation=unit)


class Toy(models.TextChoices):
    OPEN = "open", "open"
    DONE = "done", "done"
    GONE = "gone", "gone"


def not_empty(record, context):
    return None if record.text else "Text: write something."


FINISH = workflow.Transition(
    "finish",
    "Finish",
    sources=[Toy.OPEN],
    target=Toy.DONE,
    roles=[roles.FOREIGN_AFFAIRS_OFFICER],
    guards=[workflow.Guard(not_empty, "text given")],
    effects=[lambda record, context: setattr(record, "finished_on", context.day)],
)
DROP = workflow.Transition(
    "drop",
    "Drop",
    sources=[Toy.OPEN, Toy.DONE],
    target=Toy.GONE,
    roles=[roles.FOREIGN_AFFAIRS_OFFICER, roles.FOCAL_POINT],
    comment_required=True,
)
MACHINE = workflow.StateMachine(
    "toy",
    states=Toy,
    initial=Toy.OPEN,
    transitions=[FINISH, DROP],
    owner_field=None,
    editable={roles.FOCAL_POINT: [Toy.OPEN]},
)


def record(**fields):
    return SimpleNamespace(**{"status": "open", "text": "", **fields})


def test_declaration_is_checked():
    with pytest.raises(ValueError, match="duplicate action"):
        workflow.StateMachine(
            "bad", states=Toy, initial=Toy.OPEN, transitions=[FINISH, FINISH]
        )
    with pytest.raises(ValueError, match="unknown"):
        workflow.StateMachine(
            "bad",
            states=Toy,
            initial=Toy.OPEN,
            transitions=[
                workflow.Transition(
                    "x", "X", sources=["nowhere"], target=Toy.DONE, roles=["r"]
                )
            ],
        )
    with pytest.raises(ValueError, match="roles or permissions"):
        workflow.Transition("x", "X", sources=[Toy.OPEN], target=Toy.DONE)
    assert MACHINE.terminal == frozenset({"gone"})


@pytest.mark.django_db
def test_options_say_why_a_guard_blocks(officer, focal_point):
    options = MACHINE.options(record(), officer)
    assert [(o.transition.action, o.reason) for o in options] == [
        ("finish", "Text: write something."),
        ("drop", None),
    ]
    assert [o.transition.action for o in MACHINE.options(record(), focal_point)] == [
        "drop"
    ]
    assert MACHINE.options(record(status="gone"), officer) == []


@pytest.mark.django_db
def test_check_order_and_codes(officer, focal_point):
    with pytest.raises(workflow.TransitionRefused) as refused:
        MACHINE.check(record(text="x"), "finish", user=focal_point)
    assert refused.value.code == workflow.ROLE
    with pytest.raises(workflow.TransitionRefused) as refused:
        MACHINE.check(record(status="done"), "finish", user=officer)
    assert refused.value.code == workflow.STATE
    with pytest.raises(workflow.TransitionRefused) as refused:
        MACHINE.check(record(), "drop", user=officer, comment="")
    assert refused.value.code == workflow.COMMENT
    with pytest.raises(workflow.TransitionRefused) as refused:
        MACHINE.check(record(), "finish", user=officer)
    assert (refused.value.code, refused.value.message) == (
        workflow.GUARD,
        "Text: write something.",
    )
    assert MACHINE.check(record(text="x"), "finish", user=officer) is FINISH


@pytest.mark.django_db
def test_editable_and_scope(officer, focal_point):
    assert MACHINE.can_edit(record(), focal_point)
    assert not MACHINE.can_edit(record(status="done"), focal_point)
    assert not MACHINE.can_edit(record(), officer)
    assert MACHINE.in_scope(record(), focal_point)


def test_stamp_uses_the_time_of_the_action():
    context = workflow.Context(user=None, comment="", at=at(2026, 2, 16, 23))
    assert context.day == dt.date(2026, 2, 16)


def _numbered(record, context):
    errors = Errors()
    if not context.values.get("number"):
        errors.add("number", "Số: bắt buộc.")
    if record.text == "late":
        errors.add("__all__", "Quá hạn.")
    return errors


NUMBER = workflow.Transition(
    "number",
    "Number",
    sources=[Toy.OPEN],
    target=Toy.DONE,
    permissions=["accounts.view_user"],
    fields=["number"],
    guards=[workflow.Guard(_numbered, on_values=True)],
)
BY_PERMISSION = workflow.StateMachine(
    "numbered", states=Toy, initial=Toy.OPEN, transitions=[NUMBER], owner_field=None
)


@pytest.mark.django_db
def test_permissions_allow_and_guards_name_every_field(officer):
    holder = UserFactory(username="xem", permissions=["accounts.view_user"])
    with pytest.raises(workflow.TransitionRefused) as refused:
        BY_PERMISSION.check(record(), "number", user=officer)
    assert refused.value.code == workflow.ROLE
    with pytest.raises(workflow.TransitionRefused) as refused:
        BY_PERMISSION.check(record(text="late"), "number", user=holder, values={})
    assert refused.value.code == workflow.GUARD
    assert refused.value.errors == {
        "number": ["Số: bắt buộc."],
        "__all__": ["Quá hạn."],
    }
    # A ValidationError, with the messages by field.
    assert refused.value.message_dict == refused.value.errors
    assert BY_PERMISSION.check(record(), "number", user=holder, values={"number": 3})
    # Listing the options does not judge what the action itself sets.
    assert [o.reason for o in BY_PERMISSION.options(record(), holder)] == [None]


@pytest.mark.django_db
def test_scope_by_organisation_or_selector(unit, focal_point):
    owned = workflow.StateMachine(
        "owned",
        states=Toy,
        initial=Toy.OPEN,
        transitions=[DROP],
        owner_field="holder.organisation",
    )
    mine = record(holder=SimpleNamespace(organisation_id=unit.pk))
    theirs = record(holder=SimpleNamespace(organisation_id=unit.pk + 1000))
    assert owned.in_scope(mine, focal_point)
    assert not owned.in_scope(theirs, focal_point)
    with pytest.raises(workflow.TransitionRefused) as refused:
        owned.check(theirs, "drop", user=focal_point, comment="x")
    assert refused.value.code == workflow.SCOPE
    from ttdn.directory.models import Organisation

    by_selector = workflow.StateMachine(
        "selected",
        states=Toy,
        initial=Toy.OPEN,
        transitions=[DROP],
        scope=lambda user: Organisation.objects.filter(pk=unit.pk),
    )
    assert by_selector.in_scope(SimpleNamespace(pk=unit.pk, status="open"), None)
    assert not by_selector.in_scope(SimpleNamespace(pk=-1, status="open"), None)
