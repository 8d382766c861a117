"""The steering committee over time, its members and meetings."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.errors import Errors, model_errors
from ttdn.core.timefmt import format_short

from ..choices import (
    SINGLE_HOLDER_ROLES,
    CommitteeRole,
)
from ..models import (
    CommitteeMember,
    Conclusion,
    Meeting,
    SteeringCommittee,
    Task,
)

logger = logging.getLogger(__name__)


# --- steering committee ---------------------------------------------------------
def _overlaps(a_from, a_to, b_from, b_to) -> bool:
    far = dt.date.max
    return a_from <= (b_to or far) and b_from <= (a_to or far)


def committee_errors(committee: SteeringCommittee) -> Errors:
    errors = model_errors(committee)
    members = list(committee.members.all())
    for index, member in enumerate(members):
        label = f"{member.person}" if member.person_id else _("a member")
        if member.valid_from is None:
            continue
        if member.valid_to is not None and member.valid_to < member.valid_from:
            errors.add(
                "members",
                _("Members: %(name)s — “member until” is before “member from”.")
                % {"name": label},
            )
            continue
        if committee.established_on and member.valid_from < committee.established_on:
            errors.add(
                "members",
                _(
                    "Members: %(name)s — membership starts on %(start)s, before the "
                    "committee was established (%(established)s)."
                )
                % {
                    "name": label,
                    "start": format_short(member.valid_from),
                    "established": format_short(committee.established_on),
                },
            )
        for other in members[index + 1 :]:
            if other.valid_from is None or not _overlaps(
                member.valid_from, member.valid_to, other.valid_from, other.valid_to
            ):
                continue
            if member.person_id and member.person_id == other.person_id:
                errors.add(
                    "members",
                    _(
                        "Members: %(name)s holds two seats at the same time; end the "
                        "first before the second starts."
                    )
                    % {"name": label},
                )
            elif member.role == other.role and member.role in SINGLE_HOLDER_ROLES:
                errors.add(
                    "members",
                    _(
                        "Members: %(first)s and %(second)s are both %(role)s at the "
                        "same time; a committee has one."
                    )
                    % {
                        "first": label,
                        "second": other.person,
                        "role": CommitteeRole(member.role).label,
                    },
                )
    return errors


@transaction.atomic
def committee_save(committee: SteeringCommittee, *, user) -> SteeringCommittee:
    """Create or update the committee with its (in-memory) members."""
    committee.name = (committee.name or "").strip()
    committee_errors(committee).raise_if_any()
    created = committee.pk is None
    stored = None if created else SteeringCommittee.objects.get(pk=committee.pk)
    before = None if created else audit.snapshot(stored)
    relations = audit.changed_relations(stored, committee, ["members"])
    committee.save()
    audit.log_saved(
        committee, user=user, created=created, before=before, extra=relations
    )
    return committee


@transaction.atomic
def committee_delete(committee: SteeringCommittee, *, user) -> None:
    """Delete a committee entered by mistake; one that has met is kept (enter the
    day it was dissolved instead)."""
    if committee.meetings.exists():
        raise ValidationError(
            {
                "__all__": _(
                    "This committee has meetings: it is kept in the history; "
                    "enter the day it was dissolved instead."
                )
            }
        )
    audit.log_delete(committee, user=user)
    committee.delete()


def committee_add_member(
    committee: SteeringCommittee,
    *,
    person,
    role: str,
    valid_from: dt.date,
    organisation=None,
    position: str = "",
    portfolio: str = "",
    valid_to: dt.date | None = None,
    user,
) -> CommitteeMember:
    # Work on a fresh copy: a refused change leaves the caller's instance as it was.
    committee = SteeringCommittee.objects.get(pk=committee.pk)
    members = list(committee.members.all())
    member = CommitteeMember(
        person=person,
        role=role,
        organisation=organisation,
        position=position,
        portfolio=portfolio,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    committee.members = [*members, member]
    committee_save(committee, user=user)
    return committee.members.get(person=person, role=role, valid_from=valid_from)


def meeting_errors(meeting: Meeting) -> Errors:
    errors = model_errors(meeting)
    committee = meeting.committee if meeting.committee_id else None
    if committee is not None and meeting.held_on:
        if meeting.held_on < committee.established_on:
            errors.add(
                "held_on",
                _(
                    "Date: %(day)s is before the committee was established "
                    "(%(established)s)."
                )
                % {
                    "day": format_short(meeting.held_on),
                    "established": format_short(committee.established_on),
                },
            )
        elif committee.dissolved_on and meeting.held_on > committee.dissolved_on:
            errors.add(
                "held_on",
                _("Date: %(day)s is after the committee was dissolved (%(end)s).")
                % {
                    "day": format_short(meeting.held_on),
                    "end": format_short(committee.dissolved_on),
                },
            )
    if meeting.pk is not None:
        kept = {c.pk for c in meeting.conclusions.all() if c.pk}
        for conclusion in Conclusion.objects.filter(meeting=meeting).exclude(
            pk__in=kept
        ):
            if conclusion.tasks.exists():
                errors.add(
                    "conclusions",
                    _("Conclusions: “%(text)s” has become tasks; it cannot be removed.")
                    % {"text": conclusion},
                )
    return errors


@transaction.atomic
def meeting_save(meeting: Meeting, *, user) -> Meeting:
    """Create or update a meeting with its (in-memory) documents and
    conclusions."""
    meeting_errors(meeting).raise_if_any()
    created = meeting.pk is None
    stored = None if created else Meeting.objects.get(pk=meeting.pk)
    before = None if created else audit.snapshot(stored)
    relations = audit.changed_relations(stored, meeting, ["documents", "conclusions"])
    meeting.save()
    audit.log_saved(meeting, user=user, created=created, before=before, extra=relations)
    return meeting


@transaction.atomic
def meeting_delete(meeting: Meeting, *, user) -> None:
    if Task.objects.filter(source_conclusion__meeting=meeting).exists():
        raise ValidationError(
            {
                "__all__": _(
                    "Conclusions of this meeting have become tasks; it cannot be "
                    "deleted."
                )
            }
        )
    audit.log_delete(meeting, user=user)
    meeting.delete()
