"""The life of a citizen's question on the one workflow engine
(``ttdn.core.workflow``): received → being answered (routed to an
organisation) → answer awaiting approval → published as Q&A (or answered
privately); a question that is not one (spam, abuse, outside the province's
remit) is not accepted, with the reason."""

from django.utils.translation import gettext_lazy as _

from ttdn.accounts import roles
from ttdn.core.errors import Errors
from ttdn.core.workflow import (
    Guard,
    StateMachine,
    Transition,
    register,
    stamp,
    stamp_user,
)

from .choices import QuestionStatus as S
from .models import Question

OFFICERS = (roles.FOREIGN_AFFAIRS_OFFICER, roles.ADMINISTRATOR)


def _has_answer(question, context) -> Errors:
    errors = Errors()
    if not question.answer.strip():
        errors.add("answer", _("Answer: write the answer before submitting it."))
    return errors


def _has_organisation(question, context) -> Errors:
    errors = Errors()
    if question.organisation_id is None:
        errors.add(
            "organisation", _("Responsible organisation: choose the organisation.")
        )
    return errors


ASSIGN = Transition(
    "assign",
    _("Route"),
    sources=[S.RECEIVED, S.ASSIGNED],
    target=S.ASSIGNED,
    roles=OFFICERS,
    fields=["organisation", "due_on"],
    guards=[Guard(_has_organisation, _("An organisation is chosen."), on_values=True)],
)
SUBMIT = Transition(
    "submit",
    _("Submit the answer"),
    sources=[S.RECEIVED, S.ASSIGNED],
    target=S.SUBMITTED,
    roles=(*OFFICERS, roles.FOCAL_POINT),
    guards=[Guard(_has_answer, _("The answer is written."))],
    effects=[stamp("answered_at"), stamp_user("answered_by")],
)
RETURN = Transition(
    "return",
    _("Return the answer"),
    sources=[S.SUBMITTED],
    target=S.ASSIGNED,
    roles=OFFICERS,
    comment_required=True,
    destructive=True,
)
PUBLISH = Transition(
    "publish",
    _("Approve and publish"),
    sources=[S.SUBMITTED],
    target=S.PUBLISHED,
    roles=OFFICERS,
    guards=[Guard(_has_answer, _("The answer is written."))],
    effects=[stamp("published_at")],
)
ANSWER_PRIVATELY = Transition(
    "answer_privately",
    _("Approve without publishing"),
    sources=[S.SUBMITTED],
    target=S.ANSWERED,
    roles=OFFICERS,
    comment_required=True,
)
UNPUBLISH = Transition(
    "unpublish",
    _("Withdraw from the portal"),
    sources=[S.PUBLISHED],
    target=S.ANSWERED,
    roles=OFFICERS,
    comment_required=True,
    destructive=True,
)
REJECT = Transition(
    "reject",
    _("Do not accept"),
    sources=[S.RECEIVED, S.ASSIGNED],
    target=S.REJECTED,
    roles=OFFICERS,
    comment_required=True,
    destructive=True,
)

QUESTION_MACHINE = StateMachine(
    "question",
    states=S,
    initial=S.RECEIVED,
    transitions=[ASSIGN, SUBMIT, RETURN, PUBLISH, ANSWER_PRIVATELY, UNPUBLISH, REJECT],
    owner_field="organisation",
    editable={
        roles.FOREIGN_AFFAIRS_OFFICER: [S.RECEIVED, S.ASSIGNED],
        roles.ADMINISTRATOR: [S.RECEIVED, S.ASSIGNED],
        roles.FOCAL_POINT: [S.RECEIVED, S.ASSIGNED],
    },
)

register(Question, QUESTION_MACHINE)
