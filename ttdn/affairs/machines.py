"""The register's state machines (domain.md (c)) and deadline steps, declared with
the one workflow engine (``ttdn.core.workflow``). docs/affairs.md shows them as tables.

Roles: *recorders* (focal point of the owning organisation, foreign-affairs
officer, administrator) prepare, submit and report; *processors* (foreign-affairs
officer, administrator) receive, consult, decide — recording the decision the
Chairperson (or the head of the foreign-affairs body by delegation) signed.
Steering-committee members only read.

Long by design: a declarative table of the seven record types' machines, kept in
one file so that they read side by side as docs/affairs.md presents them.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from ttdn.accounts import roles
from ttdn.core.timefmt import format_short
from ttdn.core.workflow import Guard, StateMachine, Transition, register, stamp

from . import deadlines
from .calendar import add_months
from .choices import (
    AgreementStatus as AS,
)
from .choices import (
    AidStatus as AI,
)
from .choices import (
    ConferenceStatus as CS,
)
from .choices import (
    DeadlineStep,
)
from .choices import (
    DelegationStatus as DS,
)
from .choices import (
    NGOStatus as NS,
)
from .choices import (
    PressVisitStatus as PS,
)
from .deadlines import FOREIGN_AFFAIRS_BODY, OWNER, StepSpec
from .models import (
    AidPackage,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)

RECORDERS = frozenset(
    {roles.FOCAL_POINT, roles.FOREIGN_AFFAIRS_OFFICER, roles.ADMINISTRATOR}
)
PROCESSORS = frozenset({roles.FOREIGN_AFFAIRS_OFFICER, roles.ADMINISTRATOR})

# Labels of the actions (the same words across record types).
SUBMIT = pgettext_lazy("affairs", "Submit")
RESUBMIT = gettext_lazy("Resubmit")
RECEIVE = gettext_lazy("Receive for review")
REQUEST_SUPPLEMENT = gettext_lazy("Request supplement")
CONSULT = gettext_lazy("Consult agencies")
APPROVE = gettext_lazy("Approve")
REJECT = gettext_lazy("Reject")
REPORT_RESULT = gettext_lazy("Report the result")
CLOSE = gettext_lazy("Close the record")
CANCEL = pgettext_lazy("affairs", "Cancel")


def _label(record, field_name: str) -> str:
    return str(type(record)._meta.get_field(field_name).verbose_name)


# --- guards ----------------------------------------------------------------------
def filled(*field_names: str) -> Guard:
    """The fields are filled in (documents attached, texts written)."""

    def check(record, context):
        missing = [
            _label(record, name)
            for name in field_names
            if getattr(record, f"{name}_id", getattr(record, name, None))
            in (None, "", 0)
        ]
        if missing:
            return _("Fill in before this step: %(fields)s.") % {
                "fields": ", ".join(missing)
            }
        return None

    return Guard(check, "filled in: " + ", ".join(field_names))


def _decision(record, context):
    if not (record.decision_number and record.decision_date):
        return _(
            "Record the decision first: enter its number and date (decision "
            "number, decision date) on the record."
        )
    if record.decision_date > context.day:
        return _("Decision date: %(day)s is in the future.") % {
            "day": format_short(record.decision_date)
        }
    return None


DECISION_RECORDED = Guard(_decision, gettext_lazy("decision number and date recorded"))


def _started(record, context):
    if record.start_date > context.day:
        return _("Start date: it is %(day)s, which has not come yet.") % {
            "day": format_short(record.start_date)
        }
    return None


STARTED = Guard(_started, gettext_lazy("the start date has come"))


def _ended(record, context):
    if record.end_date > context.day:
        return _("End date: it is %(day)s, which has not come yet.") % {
            "day": format_short(record.end_date)
        }
    return None


ENDED = Guard(_ended, gettext_lazy("the end date has passed"))


def _delegation_dossier(record, context):
    missing = []
    if not record.purpose.strip():
        missing.append(_label(record, "purpose"))
    if not record.country_links.exists():
        missing.append(str(gettext_lazy("countries")))
    if not record.person_count:
        missing.append(str(gettext_lazy("members")))
    if missing:
        return _("The dossier is incomplete; missing: %(fields)s.") % {
            "fields": ", ".join(missing)
        }
    return None


DELEGATION_DOSSIER = Guard(
    _delegation_dossier, gettext_lazy("purpose, countries and members given")
)


def _lead_time(record, context):
    """Decision 06/2020: the dossier reaches the approving agency at least 30
    days (40 for Prime-Minister-level events) before the opening."""
    item = deadlines.due_for(record, DeadlineStep.SUBMISSION, today=context.day)
    if item is None or item.due is None or context.day <= item.due:
        return None
    return _(
        "Too late to submit: the dossier had to be submitted by %(due)s (%(rule)s, "
        "%(basis)s) and it is now %(day)s."
    ) % {
        "due": format_short(item.due),
        "rule": item.rule.summary,
        "basis": item.rule.legal_basis,
        "day": format_short(context.day),
    }


LEAD_TIME = Guard(_lead_time, gettext_lazy("submitted within the lead time"))


def _agreement_signed(record, context):
    missing = [
        _label(record, name)
        for name in ("signing_date", "signatory")
        if not getattr(record, name)
    ]
    if missing:
        return _("Fill in before this step: %(fields)s.") % {
            "fields": ", ".join(missing)
        }
    if record.signing_date > context.day:
        return _("Signing date: %(day)s is in the future.") % {
            "day": format_short(record.signing_date)
        }
    return None


AGREEMENT_SIGNED = Guard(_agreement_signed, gettext_lazy("signing date and signatory"))


def _in_force(record, context):
    if record.effective_from is None:
        return _("Fill in before this step: %(fields)s.") % {
            "fields": _label(record, "effective_from")
        }
    if record.effective_from > context.day:
        return _("In force from: %(day)s has not come yet.") % {
            "day": format_short(record.effective_from)
        }
    return None


IN_FORCE_DATE = Guard(_in_force, gettext_lazy("the day it comes into force has come"))


def _expired(record, context):
    if record.expires_on is None or record.expires_on >= context.day:
        return _("Expires on: the record has not expired (%(day)s).") % {
            "day": format_short(record.expires_on) or "—"
        }
    return None


EXPIRED = Guard(_expired, gettext_lazy("the expiry date has passed"))


def _not_expired(record, context):
    if record.expires_on is None or record.expires_on < context.day:
        return _("Expires on: enter the new expiry date (after today) before renewing.")
    return None


NOT_EXPIRED = Guard(_not_expired, gettext_lazy("a future expiry date"))


def _revocable(record, context):
    """Decree 80/2020: approval may be withdrawn when the aid has not started
    within 6 months of the decision."""

    if record.decision_date is None:
        return None
    limit = add_months(record.decision_date, 6)
    if context.day <= limit:
        return _(
            "Approval can be revoked only when the aid has not started within 6 "
            "months of the decision, i.e. after %(day)s."
        ) % {"day": format_short(limit)}
    return None


REVOCABLE = Guard(_revocable, gettext_lazy("6 months after the decision"))


def _appraised(record, context):
    if not (record.appraisal_conclusion.strip() and record.appraisal_date):
        return _("Fill in before this step: %(fields)s.") % {
            "fields": ", ".join(
                [
                    _label(record, "appraisal_conclusion"),
                    _label(record, "appraisal_date"),
                ]
            )
        }
    return None


APPRAISED = Guard(_appraised, gettext_lazy("appraisal conclusion and date"))


def _registration(record, context):
    missing = [
        _label(record, name)
        for name in ("registration_number", "issued_on", "expires_on")
        if not getattr(record, name)
    ]
    if missing:
        return _("Fill in before this step: %(fields)s.") % {
            "fields": ", ".join(missing)
        }
    return None


REGISTRATION = Guard(_registration, gettext_lazy("registration number and dates"))


# --- delegations -----------------------------------------------------------------
PRE_TRAVEL = [
    DS.DRAFT,
    DS.SUBMITTED,
    DS.UNDER_REVIEW,
    DS.NEEDS_SUPPLEMENT,
    DS.CONSULTING,
    DS.APPROVED,
]


def _delegation_transitions(travel_state: str, travel_label) -> list[Transition]:
    return [
        Transition(
            "submit",
            SUBMIT,
            sources=[DS.DRAFT],
            target=DS.SUBMITTED,
            roles=RECORDERS,
            guards=[DELEGATION_DOSSIER],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "receive",
            RECEIVE,
            sources=[DS.SUBMITTED],
            target=DS.UNDER_REVIEW,
            roles=PROCESSORS,
        ),
        Transition(
            "request_supplement",
            REQUEST_SUPPLEMENT,
            sources=[DS.SUBMITTED, DS.UNDER_REVIEW, DS.CONSULTING],
            target=DS.NEEDS_SUPPLEMENT,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "resubmit",
            RESUBMIT,
            sources=[DS.NEEDS_SUPPLEMENT],
            target=DS.SUBMITTED,
            roles=RECORDERS,
            guards=[DELEGATION_DOSSIER],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "consult",
            CONSULT,
            sources=[DS.UNDER_REVIEW],
            target=DS.CONSULTING,
            roles=PROCESSORS,
            comment_required=True,
            effects=[stamp("consultation_started_at")],
        ),
        Transition(
            "approve",
            APPROVE,
            sources=[DS.UNDER_REVIEW, DS.CONSULTING],
            target=DS.APPROVED,
            roles=PROCESSORS,
            guards=[DECISION_RECORDED],
        ),
        Transition(
            "reject",
            REJECT,
            sources=[DS.UNDER_REVIEW, DS.CONSULTING],
            target=DS.REJECTED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "start",
            travel_label,
            sources=[DS.APPROVED],
            target=travel_state,
            roles=RECORDERS,
            guards=[STARTED],
        ),
        Transition(
            "complete",
            gettext_lazy("Mark as completed"),
            sources=[travel_state],
            target=DS.COMPLETED,
            roles=RECORDERS,
            guards=[ENDED],
        ),
        Transition(
            "report",
            REPORT_RESULT,
            sources=[DS.COMPLETED],
            target=DS.RESULT_REPORTED,
            roles=RECORDERS,
            guards=[filled("result_report")],
            effects=[stamp("result_reported_at")],
        ),
        Transition(
            "close",
            CLOSE,
            sources=[DS.RESULT_REPORTED],
            target=DS.CLOSED,
            roles=PROCESSORS,
        ),
        Transition(
            "cancel",
            CANCEL,
            sources=PRE_TRAVEL,
            target=DS.CANCELLED,
            roles=RECORDERS,
            comment_required=True,
            destructive=True,
        ),
    ]


def _editable(owner_states):
    every = list(DS.values)
    return {
        roles.FOCAL_POINT: owner_states,
        roles.FOREIGN_AFFAIRS_OFFICER: every,
        roles.ADMINISTRATOR: every,
    }


OUTGOING = StateMachine(
    "delegation_out",
    states=DS,
    initial=DS.DRAFT,
    transitions=_delegation_transitions(DS.IN_PROGRESS, gettext_lazy("Start the trip")),
    editable=_editable([DS.DRAFT, DS.NEEDS_SUPPLEMENT]),
    terminal=[DS.REJECTED, DS.CLOSED, DS.CANCELLED],
)
INCOMING = StateMachine(
    "delegation_in",
    states=DS,
    initial=DS.DRAFT,
    transitions=_delegation_transitions(
        DS.HOSTED, gettext_lazy("Receive the delegation")
    ),
    editable=_editable([DS.DRAFT, DS.NEEDS_SUPPLEMENT]),
    terminal=[DS.REJECTED, DS.CLOSED, DS.CANCELLED],
)
register(
    Delegation,
    resolver=lambda record: INCOMING if record.direction == "in" else OUTGOING,
    machines=[INCOMING, OUTGOING],
)

DELEGATION_REVIEW = [DS.SUBMITTED, DS.UNDER_REVIEW, DS.CONSULTING]
DELEGATION_DECIDED = [
    DS.APPROVED,
    DS.REJECTED,
    DS.IN_PROGRESS,
    DS.HOSTED,
    DS.COMPLETED,
    DS.RESULT_REPORTED,
    DS.CLOSED,
]
deadlines.register_steps(
    Delegation,
    [
        StepSpec(
            DeadlineStep.REVIEW,
            pending=DELEGATION_REVIEW,
            done=DELEGATION_DECIDED,
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.RESULT_REPORT,
            pending=[DS.IN_PROGRESS, DS.HOSTED, DS.COMPLETED],
            done=[DS.RESULT_REPORTED, DS.CLOSED],
            responsible=OWNER,
        ),
    ],
)

# --- conferences -----------------------------------------------------------------
CONFERENCE = StateMachine(
    "conference",
    states=CS,
    initial=CS.DRAFT,
    transitions=[
        Transition(
            "request_hosting",
            gettext_lazy("Request in-principle approval"),
            sources=[CS.DRAFT],
            target=CS.HOSTING_REQUESTED,
            roles=RECORDERS,
            guards=[filled("hosting_request_reason")],
        ),
        Transition(
            "approve_hosting",
            gettext_lazy("Give in-principle approval"),
            sources=[CS.HOSTING_REQUESTED],
            target=CS.HOSTING_APPROVED,
            roles=PROCESSORS,
        ),
        Transition(
            "refuse_hosting",
            gettext_lazy("Refuse in-principle approval"),
            sources=[CS.HOSTING_REQUESTED],
            target=CS.REJECTED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "submit",
            SUBMIT,
            sources=[CS.DRAFT, CS.HOSTING_APPROVED],
            target=CS.SUBMITTED,
            roles=RECORDERS,
            guards=[filled("proposal"), LEAD_TIME],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "request_supplement",
            REQUEST_SUPPLEMENT,
            sources=[CS.SUBMITTED, CS.CONSULTING],
            target=CS.NEEDS_SUPPLEMENT,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "resubmit",
            RESUBMIT,
            sources=[CS.NEEDS_SUPPLEMENT],
            target=CS.SUBMITTED,
            roles=RECORDERS,
            guards=[filled("proposal"), LEAD_TIME],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "consult",
            CONSULT,
            sources=[CS.SUBMITTED],
            target=CS.CONSULTING,
            roles=PROCESSORS,
            comment_required=True,
            effects=[stamp("consultation_started_at")],
        ),
        Transition(
            "approve",
            APPROVE,
            sources=[CS.SUBMITTED, CS.CONSULTING],
            target=CS.APPROVED,
            roles=PROCESSORS,
            guards=[DECISION_RECORDED],
        ),
        Transition(
            "reject",
            REJECT,
            sources=[CS.SUBMITTED, CS.CONSULTING],
            target=CS.REJECTED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "hold",
            gettext_lazy("Mark as held"),
            sources=[CS.APPROVED],
            target=CS.HELD,
            roles=RECORDERS,
            guards=[STARTED],
        ),
        Transition(
            "report",
            REPORT_RESULT,
            sources=[CS.HELD],
            target=CS.RESULT_REPORTED,
            roles=RECORDERS,
            guards=[ENDED, filled("result_report")],
            effects=[stamp("result_reported_at")],
        ),
        Transition(
            "close",
            CLOSE,
            sources=[CS.RESULT_REPORTED],
            target=CS.CLOSED,
            roles=PROCESSORS,
        ),
        Transition(
            "suspend",
            gettext_lazy("Suspend"),
            sources=[CS.APPROVED, CS.HELD],
            target=CS.SUSPENDED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "resume",
            gettext_lazy("Lift the suspension"),
            sources=[CS.SUSPENDED],
            target=CS.APPROVED,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "cancel",
            CANCEL,
            sources=[
                CS.DRAFT,
                CS.HOSTING_REQUESTED,
                CS.HOSTING_APPROVED,
                CS.SUBMITTED,
                CS.NEEDS_SUPPLEMENT,
                CS.CONSULTING,
                CS.APPROVED,
                CS.SUSPENDED,
            ],
            target=CS.CANCELLED,
            roles=RECORDERS,
            comment_required=True,
            destructive=True,
        ),
    ],
    editable={
        roles.FOCAL_POINT: [CS.DRAFT, CS.HOSTING_APPROVED, CS.NEEDS_SUPPLEMENT],
        roles.FOREIGN_AFFAIRS_OFFICER: CS.values,
        roles.ADMINISTRATOR: CS.values,
    },
    terminal=[CS.REJECTED, CS.CLOSED, CS.CANCELLED],
)
register(InternationalConference, CONFERENCE)
deadlines.register_steps(
    InternationalConference,
    [
        StepSpec(
            DeadlineStep.SUBMISSION,
            pending=[CS.DRAFT, CS.HOSTING_REQUESTED, CS.HOSTING_APPROVED],
            done=[
                CS.SUBMITTED,
                CS.NEEDS_SUPPLEMENT,
                CS.CONSULTING,
                CS.APPROVED,
                CS.REJECTED,
                CS.HELD,
                CS.RESULT_REPORTED,
                CS.CLOSED,
            ],
        ),
        StepSpec(
            DeadlineStep.CONSULTATION,
            pending=[CS.CONSULTING],
            done=[CS.APPROVED, CS.REJECTED, CS.HELD, CS.RESULT_REPORTED, CS.CLOSED],
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.RESULT_REPORT,
            pending=[CS.HELD],
            done=[CS.RESULT_REPORTED, CS.CLOSED],
        ),
    ],
)

# --- agreements ------------------------------------------------------------------
AGREEMENT = StateMachine(
    "agreement",
    states=AS,
    initial=AS.PROPOSED,
    transitions=[
        Transition(
            "submit",
            SUBMIT,
            sources=[AS.PROPOSED],
            target=AS.CONSULTING,
            roles=RECORDERS,
            guards=[filled("fields_of_cooperation", "document")],
            effects=[stamp("submitted_at"), stamp("consultation_started_at")],
        ),
        Transition(
            "request_supplement",
            REQUEST_SUPPLEMENT,
            sources=[AS.CONSULTING, AS.PM_REFERRAL],
            target=AS.NEEDS_SUPPLEMENT,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "resubmit",
            RESUBMIT,
            sources=[AS.NEEDS_SUPPLEMENT],
            target=AS.CONSULTING,
            roles=RECORDERS,
            guards=[filled("fields_of_cooperation", "document")],
            effects=[stamp("submitted_at"), stamp("consultation_started_at")],
        ),
        Transition(
            "refer_to_pm",
            gettext_lazy("Refer to the Prime Minister"),
            sources=[AS.CONSULTING],
            target=AS.PM_REFERRAL,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "approve",
            APPROVE,
            sources=[AS.CONSULTING, AS.PM_REFERRAL],
            target=AS.APPROVED_TO_SIGN,
            roles=PROCESSORS,
            guards=[DECISION_RECORDED],
        ),
        Transition(
            "reject",
            REJECT,
            sources=[AS.CONSULTING, AS.PM_REFERRAL],
            target=AS.REJECTED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "sign",
            gettext_lazy("Record the signing"),
            sources=[AS.APPROVED_TO_SIGN],
            target=AS.SIGNED,
            roles=RECORDERS,
            guards=[AGREEMENT_SIGNED],
        ),
        Transition(
            "report",
            REPORT_RESULT,
            sources=[AS.SIGNED],
            target=AS.REPORTED,
            roles=RECORDERS,
            guards=[filled("post_signing_report")],
            effects=[stamp("reported_at")],
        ),
        Transition(
            "bring_into_force",
            gettext_lazy("Record entry into force"),
            sources=[AS.REPORTED],
            target=AS.IN_FORCE,
            roles=PROCESSORS,
            guards=[IN_FORCE_DATE],
        ),
        Transition(
            "amend",
            gettext_lazy("Record an amendment"),
            sources=[AS.IN_FORCE],
            target=AS.IN_FORCE,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "extend",
            gettext_lazy("Record an extension"),
            sources=[AS.IN_FORCE],
            target=AS.IN_FORCE,
            roles=PROCESSORS,
            comment_required=True,
            guards=[NOT_EXPIRED],
        ),
        Transition(
            "suspend",
            gettext_lazy("Suspend"),
            sources=[AS.IN_FORCE],
            target=AS.SUSPENDED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "resume",
            gettext_lazy("Lift the suspension"),
            sources=[AS.SUSPENDED],
            target=AS.IN_FORCE,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "terminate",
            gettext_lazy("Terminate"),
            sources=[AS.IN_FORCE, AS.SUSPENDED],
            target=AS.TERMINATED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw"),
            sources=[AS.IN_FORCE, AS.SUSPENDED],
            target=AS.WITHDRAWN,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "expire",
            gettext_lazy("Record expiry"),
            sources=[AS.IN_FORCE, AS.SUSPENDED],
            target=AS.EXPIRED,
            roles=PROCESSORS,
            guards=[EXPIRED],
        ),
        Transition(
            "cancel",
            CANCEL,
            sources=[
                AS.PROPOSED,
                AS.CONSULTING,
                AS.NEEDS_SUPPLEMENT,
                AS.PM_REFERRAL,
                AS.APPROVED_TO_SIGN,
            ],
            target=AS.CANCELLED,
            roles=RECORDERS,
            comment_required=True,
            destructive=True,
        ),
    ],
    editable={
        roles.FOCAL_POINT: [AS.PROPOSED, AS.NEEDS_SUPPLEMENT, AS.APPROVED_TO_SIGN],
        roles.FOREIGN_AFFAIRS_OFFICER: AS.values,
        roles.ADMINISTRATOR: AS.values,
    },
    terminal=[
        AS.REJECTED,
        AS.TERMINATED,
        AS.WITHDRAWN,
        AS.EXPIRED,
        AS.CANCELLED,
    ],
)
register(InternationalAgreement, AGREEMENT)
deadlines.register_steps(
    InternationalAgreement,
    [
        StepSpec(
            DeadlineStep.CONSULTATION,
            pending=[AS.CONSULTING],
            done=[
                AS.PM_REFERRAL,
                AS.APPROVED_TO_SIGN,
                AS.REJECTED,
                AS.SIGNED,
                AS.REPORTED,
                AS.IN_FORCE,
            ],
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.DECISION,
            pending=[AS.CONSULTING],
            done=[
                AS.APPROVED_TO_SIGN,
                AS.REJECTED,
                AS.SIGNED,
                AS.REPORTED,
                AS.IN_FORCE,
            ],
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.POST_SIGNING_REPORT,
            pending=[AS.SIGNED],
            done=[
                AS.REPORTED,
                AS.IN_FORCE,
                AS.SUSPENDED,
                AS.TERMINATED,
                AS.WITHDRAWN,
                AS.EXPIRED,
            ],
        ),
    ],
)

# --- aid -------------------------------------------------------------------------
AID = StateMachine(
    "aid",
    states=AI,
    initial=AI.DRAFT,
    transitions=[
        Transition(
            "submit",
            SUBMIT,
            sources=[AI.DRAFT],
            target=AI.SUBMITTED,
            roles=RECORDERS,
            guards=[filled("objectives", "proposal")],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "appraise",
            gettext_lazy("Start the appraisal"),
            sources=[AI.SUBMITTED],
            target=AI.APPRAISING,
            roles=PROCESSORS,
        ),
        Transition(
            "request_supplement",
            REQUEST_SUPPLEMENT,
            sources=[AI.SUBMITTED, AI.APPRAISING],
            target=AI.NEEDS_SUPPLEMENT,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "resubmit",
            RESUBMIT,
            sources=[AI.NEEDS_SUPPLEMENT],
            target=AI.SUBMITTED,
            roles=RECORDERS,
            guards=[filled("objectives", "proposal")],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "approve",
            APPROVE,
            sources=[AI.APPRAISING],
            target=AI.APPROVED,
            roles=PROCESSORS,
            guards=[APPRAISED, DECISION_RECORDED],
        ),
        Transition(
            "reject",
            REJECT,
            sources=[AI.APPRAISING],
            target=AI.REJECTED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "notify_donor",
            gettext_lazy("Record the donor notification"),
            sources=[AI.APPROVED],
            target=AI.DONOR_NOTIFIED,
            roles=PROCESSORS,
            effects=[stamp("donor_notified_at")],
        ),
        Transition(
            "start",
            gettext_lazy("Start implementation"),
            sources=[AI.DONOR_NOTIFIED],
            target=AI.IMPLEMENTING,
            roles=RECORDERS,
            guards=[STARTED],
        ),
        Transition(
            "complete",
            gettext_lazy("Mark as completed"),
            sources=[AI.IMPLEMENTING],
            target=AI.COMPLETED,
            roles=RECORDERS,
            guards=[ENDED],
        ),
        Transition(
            "report",
            REPORT_RESULT,
            sources=[AI.COMPLETED],
            target=AI.FINAL_REPORTED,
            roles=RECORDERS,
            guards=[filled("final_report")],
            effects=[stamp("final_reported_at")],
        ),
        Transition(
            "revoke",
            gettext_lazy("Revoke the approval"),
            sources=[AI.APPROVED, AI.DONOR_NOTIFIED],
            target=AI.REVOKED,
            roles=PROCESSORS,
            comment_required=True,
            guards=[REVOCABLE],
            destructive=True,
        ),
        Transition(
            "cancel",
            CANCEL,
            sources=[AI.DRAFT, AI.SUBMITTED, AI.NEEDS_SUPPLEMENT, AI.APPRAISING],
            target=AI.CANCELLED,
            roles=RECORDERS,
            comment_required=True,
            destructive=True,
        ),
    ],
    editable={
        roles.FOCAL_POINT: [AI.DRAFT, AI.NEEDS_SUPPLEMENT],
        roles.FOREIGN_AFFAIRS_OFFICER: AI.values,
        roles.ADMINISTRATOR: AI.values,
    },
    terminal=[AI.REJECTED, AI.FINAL_REPORTED, AI.REVOKED, AI.CANCELLED],
)
register(AidPackage, AID)
deadlines.register_steps(
    AidPackage,
    [
        StepSpec(
            DeadlineStep.APPRAISAL,
            pending=[AI.SUBMITTED, AI.APPRAISING],
            done=[
                AI.APPROVED,
                AI.REJECTED,
                AI.DONOR_NOTIFIED,
                AI.IMPLEMENTING,
                AI.COMPLETED,
                AI.FINAL_REPORTED,
            ],
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.DONOR_NOTIFICATION,
            pending=[AI.APPROVED],
            done=[AI.DONOR_NOTIFIED, AI.IMPLEMENTING, AI.COMPLETED, AI.FINAL_REPORTED],
            responsible=FOREIGN_AFFAIRS_BODY,
        ),
        StepSpec(
            DeadlineStep.FINAL_REPORT,
            pending=[AI.IMPLEMENTING, AI.COMPLETED],
            done=[AI.FINAL_REPORTED],
        ),
    ],
)

# --- NGOs ------------------------------------------------------------------------
NGO = StateMachine(
    "ngo",
    states=NS,
    initial=NS.DRAFT,
    transitions=[
        Transition(
            "submit",
            SUBMIT,
            sources=[NS.DRAFT],
            target=NS.SUBMITTED,
            roles=RECORDERS,
            guards=[REGISTRATION],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "request_supplement",
            REQUEST_SUPPLEMENT,
            sources=[NS.SUBMITTED],
            target=NS.NEEDS_SUPPLEMENT,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "resubmit",
            RESUBMIT,
            sources=[NS.NEEDS_SUPPLEMENT],
            target=NS.SUBMITTED,
            roles=RECORDERS,
            guards=[REGISTRATION],
            effects=[stamp("submitted_at")],
        ),
        Transition(
            "confirm",
            gettext_lazy("Confirm the registration"),
            sources=[NS.SUBMITTED],
            target=NS.ACTIVE,
            roles=PROCESSORS,
            guards=[REGISTRATION, NOT_EXPIRED],
        ),
        Transition(
            "renew",
            gettext_lazy("Record a renewal"),
            sources=[NS.ACTIVE, NS.EXPIRED],
            target=NS.ACTIVE,
            roles=PROCESSORS,
            comment_required=True,
            guards=[NOT_EXPIRED],
        ),
        Transition(
            "suspend",
            gettext_lazy("Suspend"),
            sources=[NS.ACTIVE],
            target=NS.SUSPENDED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "resume",
            gettext_lazy("Lift the suspension"),
            sources=[NS.SUSPENDED],
            target=NS.ACTIVE,
            roles=PROCESSORS,
            comment_required=True,
        ),
        Transition(
            "expire",
            gettext_lazy("Record expiry"),
            sources=[NS.ACTIVE],
            target=NS.EXPIRED,
            roles=PROCESSORS,
            guards=[EXPIRED],
        ),
        Transition(
            "revoke",
            gettext_lazy("Record the revocation"),
            sources=[NS.ACTIVE, NS.SUSPENDED, NS.EXPIRED],
            target=NS.REVOKED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
    ],
    editable={
        roles.FOCAL_POINT: [NS.DRAFT, NS.NEEDS_SUPPLEMENT],
        roles.FOREIGN_AFFAIRS_OFFICER: NS.values,
        roles.ADMINISTRATOR: NS.values,
    },
    terminal=[NS.REVOKED],
)
register(ForeignNGO, NGO)
deadlines.register_steps(
    ForeignNGO,
    [
        StepSpec(
            DeadlineStep.ACTIVITY_PLAN,
            pending=[NS.ACTIVE, NS.SUSPENDED],
            done=[],
            done_if=lambda ngo: ngo.activity_plan_notified_on is not None,
        ),
        StepSpec(
            DeadlineStep.RENEWAL,
            pending=[NS.ACTIVE],
            done=[],
        ),
    ],
)

# --- press visits ----------------------------------------------------------------
PRESS = StateMachine(
    "press_visit",
    states=PS,
    initial=PS.REQUESTED,
    transitions=[
        Transition(
            "permit",
            gettext_lazy("Record the press permit"),
            sources=[PS.REQUESTED],
            target=PS.PERMITTED,
            roles=PROCESSORS,
            guards=[filled("press_permit_number", "permit_issued_on")],
        ),
        Transition(
            "refuse",
            REJECT,
            sources=[PS.REQUESTED],
            target=PS.REFUSED,
            roles=PROCESSORS,
            comment_required=True,
            destructive=True,
        ),
        Transition(
            "notify",
            gettext_lazy("Notify the province's units"),
            sources=[PS.PERMITTED],
            target=PS.NOTIFIED,
            roles=PROCESSORS,
            guards=[filled("programme")],
        ),
        Transition(
            "guide",
            gettext_lazy("Record the guided visit"),
            sources=[PS.NOTIFIED],
            target=PS.GUIDED,
            roles=RECORDERS,
            guards=[STARTED],
        ),
        Transition(
            "report",
            REPORT_RESULT,
            sources=[PS.GUIDED],
            target=PS.REPORTED,
            roles=RECORDERS,
            guards=[ENDED, filled("result_summary")],
            effects=[stamp("result_reported_at")],
        ),
        Transition(
            "cancel",
            CANCEL,
            sources=[PS.REQUESTED, PS.PERMITTED, PS.NOTIFIED],
            target=PS.CANCELLED,
            roles=RECORDERS,
            comment_required=True,
            destructive=True,
        ),
    ],
    editable={
        roles.FOCAL_POINT: [PS.REQUESTED],
        roles.FOREIGN_AFFAIRS_OFFICER: PS.values,
        roles.ADMINISTRATOR: PS.values,
    },
    terminal=[PS.REPORTED, PS.REFUSED, PS.CANCELLED],
)
register(ForeignPressVisit, PRESS)
deadlines.register_steps(
    ForeignPressVisit,
    [
        StepSpec(
            DeadlineStep.APPLICATION,
            pending=[],
            done=[PS.PERMITTED, PS.NOTIFIED, PS.GUIDED, PS.REPORTED],
        ),
    ],
)

# Fields a focal point may still change once the dossier is approved: the
# documents and texts of the report, in the states where they report.
REPORT_EDITING = {
    Delegation: (
        {DS.IN_PROGRESS, DS.HOSTED, DS.COMPLETED},
        ("result_report", "result_summary"),
    ),
    InternationalConference: ({CS.HELD}, ("result_report", "result_summary")),
    InternationalAgreement: ({AS.SIGNED}, ("post_signing_report", "document")),
    AidPackage: ({AI.IMPLEMENTING, AI.COMPLETED}, ("final_report",)),
    ForeignPressVisit: ({PS.GUIDED}, ("result_report", "result_summary")),
}
