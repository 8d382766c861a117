"""Validation rules of register records that involve more than one field or row,
and the values derived from a record's fields (person count, approval authority).

Each ``*_errors`` function returns a :class:`~ttdn.directory.rules.Errors`
(field → messages, every message naming its field in the user's language); the
services raise them, the admin forms show them next to the field.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.errors import Errors
from ttdn.core.timefmt import format_short
from ttdn.directory.choices import PartnerKind

from .calendar import add_months
from .choices import (
    ApprovalAuthority,
    Direction,
    ForeignRank,
    MemberRole,
    OrganiserKind,
    RegistrationKind,
    VietnameseParty,
)

LOCAL_AUTHORITIES = frozenset(
    {PartnerKind.PROVINCE, PartnerKind.DISTRICT, PartnerKind.CITY}
)
REGISTRATION_YEARS = {
    RegistrationKind.OPERATION: 3,
    RegistrationKind.REPRESENTATIVE_OFFICE: 5,
}


def _label(model, field_name: str) -> str:
    label = str(model._meta.get_field(field_name).verbose_name)
    return label[:1].upper() + label[1:]


# --- derived values -----------------------------------------------------------------
def delegation_person_count(members: list, declared: int | None) -> int:
    """Person-visits: the members listed, or the number entered for a record that
    lists none."""
    return len(members) if members else int(declared or 0)


def conference_authority(conference) -> str:
    """Decision 06/2020: the Prime Minister approves events with a head of
    state/government or a minister (or higher) among the foreign participants and
    events touching sovereignty, security, defence, ethnicity, religion, human
    rights or state secrets; otherwise the provincial Chairperson."""
    high_rank = conference.highest_foreign_rank in (
        ForeignRank.HEAD_OF_STATE,
        ForeignRank.MINISTER,
    )
    if high_rank or conference.sensitive_topics:
        return ApprovalAuthority.PRIME_MINISTER
    return ApprovalAuthority.PC_CHAIR


def aid_authority(aid) -> str:
    """Decree 80/2020: the Prime Minister approves aid for security, defence,
    religion or legal drafting; otherwise the head of the governing agency."""
    if aid.topic_security or aid.topic_religion or aid.topic_legal_drafting:
        return ApprovalAuthority.PRIME_MINISTER
    return ApprovalAuthority.PC_CHAIR


# --- shared rules -------------------------------------------------------------------
def organisation_validity_errors(record, *, field_name="organisation", on=None):
    """The owning organisation existed on the day the activity happened."""
    errors = Errors()
    organisation = getattr(record, field_name, None)
    day = on or getattr(record, "start_date", None)
    if organisation is None or day is None:
        return errors
    if not organisation.is_in_force_on(day):
        errors.add(
            field_name,
            _(
                "%(field)s: “%(name)s” did not exist on %(day)s (valid %(validity)s); "
                "choose the body valid on that day."
            )
            % {
                "field": _label(type(record), field_name),
                "name": organisation,
                "day": format_short(day),
                "validity": organisation.period_display,
            },
        )
    return errors


def dates_errors(record) -> Errors:
    errors = Errors()
    start, end = record.start_date, record.end_date
    if start and end and end < start:
        errors.add(
            "end_date",
            _("End date: %(end)s is before the start date %(start)s.")
            % {"end": format_short(end), "start": format_short(start)},
        )
    return errors


def unique_countries_errors(countries: list, *, field_name="countries") -> Errors:
    errors = Errors()
    seen = set()
    for country in countries:
        if country.pk in seen:
            errors.add(
                field_name,
                _("Countries: “%(name)s” is listed twice.") % {"name": country},
            )
        seen.add(country.pk)
    return errors


# --- delegations --------------------------------------------------------------------
def delegation_errors(delegation, *, members, countries, partners) -> Errors:
    errors = dates_errors(delegation)
    errors.extend(organisation_validity_errors(delegation))
    errors.extend(unique_countries_errors(countries))
    if delegation.direction == Direction.OUTGOING and delegation.guest_class:
        errors.add(
            "guest_class",
            _("Guest class: only incoming delegations have a guest class."),
        )
    heads = [m for m in members if m.role == MemberRole.HEAD]
    if len(heads) > 1:
        errors.add(
            "members",
            _("Members: a delegation has one head; %(count)s are marked as head.")
            % {"count": len(heads)},
        )
    if delegation.direction == Direction.INCOMING and any(
        m.passport_type for m in members
    ):
        errors.add(
            "members",
            _("Members: the passport type is recorded for outgoing delegations only."),
        )
    declared = delegation.declared_person_count
    if members and declared not in (None, len(members)):
        errors.add(
            "declared_person_count",
            _(
                "Number of persons: the delegation lists %(count)s members; leave "
                "this empty or enter %(count)s."
            )
            % {"count": len(members)},
        )
    if not members and declared == 0:
        errors.add(
            "declared_person_count",
            _("Number of persons: a delegation has at least one person."),
        )
    country_ids = {c.pk for c in countries}
    seen_partners = set()
    for partner in partners:
        if partner.pk in seen_partners:
            errors.add(
                "partners",
                _("Partner organisations: “%(name)s” is listed twice.")
                % {"name": partner},
            )
        seen_partners.add(partner.pk)
        if partner.country_id and partner.country_id not in country_ids:
            errors.add(
                "partners",
                _(
                    "Partner organisations: “%(name)s” is in %(country)s, which is "
                    "not among the delegation's countries."
                )
                % {"name": partner, "country": partner.country},
            )
    return errors


# --- conferences --------------------------------------------------------------------
def conference_errors(conference, *, countries) -> Errors:
    errors = dates_errors(conference)
    errors.extend(organisation_validity_errors(conference))
    errors.extend(unique_countries_errors(countries))
    if (
        conference.organiser_kind == OrganiserKind.FOREIGN
        and conference.foreign_organiser_id is None
    ):
        errors.add(
            "foreign_organiser",
            _(
                "Foreign organiser or sponsor: choose the foreign organisation that "
                "organises the event."
            ),
        )
    return errors


# --- agreements ---------------------------------------------------------------------
def agreement_errors(agreement) -> Errors:
    errors = organisation_validity_errors(
        agreement, on=agreement.signing_date or timezone.localdate()
    )
    start, end = agreement.effective_from, agreement.expires_on
    if start and end and end < start:
        errors.add(
            "expires_on",
            _("Expires on: %(end)s is before the day it comes into force %(start)s.")
            % {"end": format_short(end), "start": format_short(start)},
        )
    if agreement.signing_date and start and start < agreement.signing_date:
        errors.add(
            "effective_from",
            _("In force from: %(start)s is before the signing date %(signed)s.")
            % {
                "start": format_short(start),
                "signed": format_short(agreement.signing_date),
            },
        )
    if agreement.party_kind == VietnameseParty.BORDER_COMMUNE:
        unit = getattr(agreement.organisation, "administrative_unit", None)
        if unit is None or not unit.is_border:
            errors.add(
                "organisation",
                _(
                    "Vietnamese party: only the People's Committee of a border "
                    "commune may sign as a border commune."
                ),
            )
        partner = agreement.foreign_partner if agreement.foreign_partner_id else None
        if partner is not None and partner.kind not in LOCAL_AUTHORITIES:
            errors.add(
                "foreign_partner",
                _(
                    "Foreign party: a border commune may only sign with an "
                    "equivalent foreign local authority."
                ),
            )
    return errors


# --- aid ----------------------------------------------------------------------------
def aid_errors(aid) -> Errors:
    errors = dates_errors(aid)
    errors.extend(organisation_validity_errors(aid))
    if aid.donor_managed_value and aid.donor_managed_value > aid.grant_value:
        errors.add(
            "donor_managed_value",
            _("Part managed by the donor: it cannot exceed the grant value."),
        )
    if (
        aid.appraisal_date
        and aid.decision_date
        and aid.decision_date < (aid.appraisal_date)
    ):
        errors.add(
            "decision_date",
            _("Decision date: %(day)s is before the appraisal date %(appraisal)s.")
            % {
                "day": format_short(aid.decision_date),
                "appraisal": format_short(aid.appraisal_date),
            },
        )
    return errors


# --- NGOs ---------------------------------------------------------------------------
def ngo_errors(ngo) -> Errors:
    errors = Errors()
    issued, expires = ngo.issued_on, ngo.expires_on
    if issued and expires:
        if expires < issued:
            errors.add(
                "expires_on",
                _("Expires on: %(end)s is before the day of issue %(start)s.")
                % {"end": format_short(expires), "start": format_short(issued)},
            )
        years = REGISTRATION_YEARS.get(ngo.registration_kind, 5)

        limit = add_months(issued, 12 * years)
        if expires > limit:
            errors.add(
                "expires_on",
                _(
                    "Expires on: this registration is valid for at most %(years)s "
                    "years, i.e. until %(limit)s."
                )
                % {"years": years, "limit": format_short(limit)},
            )
    if ngo.partner_id and ngo.partner.country_id not in (None, ngo.country_id):
        errors.add(
            "partner",
            _(
                "In the directory: “%(name)s” is registered in %(country)s, not in "
                "the country of establishment."
            )
            % {"name": ngo.partner, "country": ngo.partner.country},
        )
    return errors


# --- press visits -------------------------------------------------------------------
def press_visit_errors(visit) -> Errors:
    errors = dates_errors(visit)
    errors.extend(organisation_validity_errors(visit))
    delegation = visit.accompanying_delegation
    if delegation is not None and delegation.direction != Direction.INCOMING:
        errors.add(
            "accompanying_delegation",
            _(
                "Accompanying delegation: foreign journalists accompany an incoming "
                "delegation."
            ),
        )
    return errors
