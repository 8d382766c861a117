"""The generic workflow engine, on a toy machine."""

import datetime as dt
from types import SimpleNamespace

from django.db import models

import pytest

from ttdn.accounts import roles
from ttdn.affairs import workflow
from ttdn.affairs.tests.conftest import at


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
                    "x", "X", sources=["nowhere"], target=Toy.DONE, roles=[]
                )
            ],
        )
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
