"""The life cycle of an incident (false or distorted information about the
province), declared on the one workflow engine (``ttdn.core.workflow``).

detected → triaged (assigned to an organisation) → verifying → responding (fake
or untrue information) → reported → closed; an incident may be closed early with
a reason. Triage and closing are the monitors' (``monitoring.manage_incident``);
the other steps belong to the organisation handling it
(``monitoring.change_incident``, on its own incidents).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.errors import Errors
from ttdn.core.workflow import Guard, StateMachine, Transition, register

from . import selectors
from .choices import Falsity, IncidentState
from .models import Incident

S = IncidentState
MANAGE = ["monitoring.manage_incident"]
HANDLE = ["monitoring.change_incident"]


def _stamp_once(field_name: str):
    """An effect dating a step the first time the incident reaches it."""

    def effect(incident, context) -> None:
        if getattr(incident, field_name) is None:
            setattr(incident, field_name, context.at)

    effect.__name__ = f"stamp_once_{field_name}"
    return effect


def _verified(incident, context) -> None:
    if incident.verified_at is None:
        incident.verified_at = context.at


def _keep_close_note(incident, context) -> None:
    incident.close_note = context.comment


def _assigned(incident, context) -> Errors | None:
    errors = Errors()
    if incident.organisation is None:
        errors.add(
            "organisation",
            _("Assigned to: choose the organisation that handles the incident."),
        )
    elif not incident.organisation.is_in_force_on(timezone.localdate(context.at)):
        errors.add(
            "organisation",
            _("Assigned to: “%(name)s” no longer exists; choose its successor.")
            % {"name": incident.organisation},
        )
    return errors


def _fake_or_untrue(incident, context) -> Errors | None:
    if incident.falsity in (Falsity.FAKE, Falsity.FALSE):
        return None
    return Errors(
        falsity=[
            str(
                _(
                    "Verification result: a response is prepared for fake or untrue "
                    "information; record the result first."
                )
            )
        ]
    )


def _ready_to_report(incident, context) -> Errors | None:
    errors = Errors()
    if not incident.reported_to:
        errors.add(
            "reported_to",
            _(
                "Reported to: name the recipients (e.g. the provincial "
                "steering committee, the ministry)."
            ),
        )
    if incident.state == S.VERIFYING and incident.falsity != Falsity.VERIFIED:
        errors.add(
            "falsity",
            _(
                "Verification result: only information verified as true is "
                "reported without a response."
            ),
        )
    if incident.state == S.RESPONDING and not incident.responses.exists():
        errors.add(
            "__all__", _("Record at least one response before reporting the incident.")
        )
    return errors


def _reason_to_close_early(incident, context) -> Errors | None:
    if incident.state == S.REPORTED or context.comment.strip():
        return None
    return Errors(
        note=[str(_("Note: say why the incident is closed before it was reported."))]
    )


DOSSIER = ("severity", "falsity", "verification_notes")

INCIDENT_MACHINE = StateMachine(
    "incident",
    states=IncidentState,
    initial=S.DETECTED,
    field="state",
    owner_field=None,
    scope=selectors.incidents_for,
    transitions=[
        Transition(
            "triage",
            pgettext_lazy("incident action", "Triage"),
            sources=[S.DETECTED],
            target=S.TRIAGED,
            permissions=MANAGE,
            fields=["organisation", "severity"],
            guards=[Guard(_assigned, _("Assigned to an organisation in force."))],
            effects=[_stamp_once("triaged_at")],
        ),
        Transition(
            "verify",
            pgettext_lazy("incident action", "Verify"),
            sources=[S.TRIAGED],
            target=S.VERIFYING,
            permissions=HANDLE,
            fields=DOSSIER,
            effects=[_stamp_once("verification_started_at")],
        ),
        Transition(
            "respond",
            pgettext_lazy("incident action", "Respond"),
            sources=[S.VERIFYING],
            target=S.RESPONDING,
            permissions=HANDLE,
            fields=DOSSIER,
            guards=[Guard(_fake_or_untrue, _("Verified as fake or untrue."))],
            effects=[_verified],
        ),
        Transition(
            "report",
            pgettext_lazy("incident action", "Report"),
            sources=[S.VERIFYING, S.RESPONDING],
            target=S.REPORTED,
            permissions=HANDLE,
            fields=[*DOSSIER, "reported_to"],
            guards=[Guard(_ready_to_report, _("Recipients and a response."), True)],
            effects=[_verified, _stamp_once("reported_at")],
        ),
        Transition(
            "close",
            pgettext_lazy("incident action", "Close"),
            sources=[S.DETECTED, S.TRIAGED, S.VERIFYING, S.REPORTED],
            target=S.CLOSED,
            permissions=MANAGE,
            fields=["severity"],
            guards=[Guard(_reason_to_close_early, _("A reason to close early."))],
            effects=[_stamp_once("closed_at"), _keep_close_note],
            destructive=True,
        ),
    ],
)

register(Incident, INCIDENT_MACHINE)
