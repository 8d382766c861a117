"""Writes to the foreign-affairs register. Every function checks who may do it
(role, organisation scope, state), validates everything first and saves all or
nothing; a refusal raises ``PermissionDenied`` or ``ValidationError`` (field →
Vietnamese message) and changes nothing.

* :func:`save_record` — create or edit any register record (the admin's create
  and edit views call it; so do the demo loader and the importer);
* :func:`transition` — perform a workflow action (``workflow.perform_transition``);
* :func:`register_past_delegation` — enter a delegation that already took place
  (historic registers, imports);
* :func:`delete_record`, :func:`save_deadline_rule`,
  :func:`send_deadline_reminders`.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ttdn.accounts import roles
from ttdn.accounts.selectors import user_roles, visible_organisation_ids
from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.periods import overlap_errors
from ttdn.directory.selectors import foreign_affairs_body, rollup_organisation

from . import deadlines, rules
from .choices import DelegationStatus, ReminderStage
from .machines import PROCESSORS, RECORDERS, REPORT_EDITING
from .models import (
    AidPackage,
    ConferenceCountry,
    DeadlineRule,
    Delegation,
    DelegationCountry,
    DelegationMember,
    DelegationPartner,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
    Journalist,
    ReminderLog,
)

logger = logging.getLogger(__name__)

FULL = "full"
REPORT = "report"

RECORD_MODELS = (
    Delegation,
    InternationalConference,
    InternationalAgreement,
    AidPackage,
    ForeignNGO,
    ForeignPressVisit,
)


def _perm(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def _in_scope(user, organisation_id) -> bool:
    ids = visible_organisation_ids(user)
    return ids is None or organisation_id in ids


# --- who may do what ----------------------------------------------------------------
def can_add(user, model) -> bool:
    """The user may create records of *model* (for their own organisation if
    they are a focal point)."""
    return bool(
        user is not None
        and user.is_active
        and user.has_perm(_perm(model, "add"))
        and user_roles(user) & RECORDERS
    )


def edit_mode(record, user) -> str | None:
    """``"full"`` when *user* may edit the record's content in its state,
    ``"report"`` when only the report fields (documents and summary of the
    result), ``None`` when not at all."""
    if not (user is not None and user.is_active):
        return None
    if not user.has_perm(_perm(type(record), "change")):
        return None
    machine = workflow.machine_for(record)
    if not machine.in_scope(record, user):
        return None
    if machine.can_edit(record, user):
        return FULL
    states, _fields = REPORT_EDITING.get(type(record), ((), ()))
    if record.status in states and user_roles(user) & RECORDERS:
        return REPORT
    return None


def report_fields(model) -> tuple[str, ...]:
    return REPORT_EDITING.get(model, ((), ()))[1]


def can_delete(record, user) -> bool:
    """Drafts never submitted may be deleted by who may edit them; records entered
    after the fact by processors; anything by administrators. Other records are
    cancelled, not deleted."""
    if not (user is not None and user.is_active):
        return False
    if not user.has_perm(_perm(type(record), "delete")):
        return False
    machine = workflow.machine_for(record)
    if not machine.in_scope(record, user):
        return False
    held = user_roles(user)

    if roles.ADMINISTRATOR in held:
        return True
    if record.is_historic:
        return bool(held & PROCESSORS)
    return (
        record.status == machine.initial
        and record.submitted_at is None
        and (machine.can_edit(record, user))
    )


# --- saving -------------------------------------------------------------------------
def _replace_links(record, relation: str, link_model, field_name: str, objects):
    """Replace an in-memory child relation, keeping the rows that stay."""
    existing = {
        getattr(link, f"{field_name}_id"): link
        for link in getattr(record, relation).all()
    }
    links = []
    for obj in objects:
        link = existing.pop(obj.pk, None) or link_model(**{field_name: obj})
        links.append(link)
    setattr(record, relation, links)


def _children(record, relation: str, model, items):
    """Set a child relation from model instances or dicts."""
    setattr(
        record,
        relation,
        [item if isinstance(item, model) else model(**item) for item in items],
    )


def _changed_fields(record) -> set[str]:
    stored = type(record)._default_manager.get(pk=record.pk)
    changed = set()
    for model_field in type(record)._meta.concrete_fields:
        if not model_field.editable or model_field.primary_key:
            continue
        if getattr(stored, model_field.attname) != getattr(record, model_field.attname):
            changed.add(model_field.name)
    return changed


def _check_may_save(record, user) -> str:
    """The edit mode in which *user* may save *record* (raises otherwise)."""
    model = type(record)
    if record.pk is None:
        if not can_add(user, model):
            raise PermissionDenied(
                _("You may not create %(things)s.")
                % {"things": model._meta.verbose_name_plural}
            )
        if record.organisation_id and not _in_scope(user, record.organisation_id):
            raise ValidationError(
                {
                    "organisation": _(
                        "%(field)s: you may only create records of your own "
                        "organisation."
                    )
                    % {"field": rules._label(model, "organisation")}
                }
            )
        return FULL
    stored = model._default_manager.get(pk=record.pk)
    mode = edit_mode(stored, user)
    if mode is None:
        raise PermissionDenied(
            _("You may not edit this record in its current state (“%(state)s”).")
            % {"state": stored.get_status_display()}
        )
    if record.organisation_id != stored.organisation_id and not _in_scope(
        user, record.organisation_id
    ):
        raise ValidationError(
            {
                "organisation": _(
                    "%(field)s: you may only assign records to your own organisation."
                )
                % {"field": rules._label(model, "organisation")}
            }
        )
    if record.status != stored.status:
        raise ValidationError(
            _("The status changes only through the workflow actions.")
        )
    machine = workflow.machine_for(stored)
    if (
        isinstance(record, Delegation)
        and record.direction != stored.direction
        and stored.status != machine.initial
    ):
        raise ValidationError(
            {
                "direction": _(
                    "Direction: it can only be changed while the record is a draft."
                )
            }
        )
    if mode == REPORT:
        allowed = set(report_fields(model))
        forbidden = _changed_fields(record) - allowed
        if forbidden:
            raise PermissionDenied(
                _(
                    "The dossier has been approved: only the report may still be "
                    "changed (%(fields)s)."
                )
                % {
                    "fields": ", ".join(
                        rules._label(model, name) for name in sorted(allowed)
                    )
                }
            )
    return mode


def _record_errors(record) -> Errors:
    """Model validation plus the rules of the record type, with derived values
    set on the record."""
    errors = model_errors(record, exclude=["search_text"])
    if isinstance(record, Delegation):
        members = list(record.members.all())
        countries = [link.country for link in record.country_links.all()]
        partners = [link.partner for link in record.partner_links.all()]
        record.person_count = rules.delegation_person_count(
            members, record.declared_person_count
        )
        errors.extend(
            rules.delegation_errors(
                record, members=members, countries=countries, partners=partners
            )
        )
    elif isinstance(record, InternationalConference):
        record.approval_authority = rules.conference_authority(record)
        errors.extend(
            rules.conference_errors(
                record, countries=[link.country for link in record.country_links.all()]
            )
        )
    elif isinstance(record, InternationalAgreement):
        errors.extend(rules.agreement_errors(record))
    elif isinstance(record, AidPackage):
        record.approval_authority = rules.aid_authority(record)
        errors.extend(rules.aid_errors(record))
    elif isinstance(record, ForeignNGO):
        errors.extend(rules.ngo_errors(record))
    elif isinstance(record, ForeignPressVisit):
        errors.extend(rules.press_visit_errors(record))
    return errors


def validate_record(record) -> Errors:
    """Every problem of *record* (nothing saved): for importers and forms."""
    return _record_errors(record)


@transaction.atomic
def save_record(
    record,
    *,
    user,
    members: Iterable | None = None,
    countries: Iterable | None = None,
    partners: Iterable | None = None,
    journalists: Iterable | None = None,
    comment: str = "",
):
    """Create or edit a register record as *user*.

    Child rows may be passed (``members``/``journalists`` as instances or dicts,
    ``countries``/``partners`` as directory objects) or set beforehand on the
    clusterable instance (as the admin forms do). A new record starts in its
    machine's initial state, with a history entry.
    """
    if members is not None:
        _children(record, "members", DelegationMember, members)
    if journalists is not None:
        _children(record, "journalists", Journalist, journalists)
    if countries is not None:
        link_model = (
            DelegationCountry if isinstance(record, Delegation) else ConferenceCountry
        )
        _replace_links(record, "country_links", link_model, "country", countries)
    if partners is not None:
        _replace_links(record, "partner_links", DelegationPartner, "partner", partners)

    creating = record.pk is None
    machine = workflow.machine_for(record)
    if creating:
        record.status = machine.initial
    _check_may_save(record, user)
    _record_errors(record).raise_if_any()
    if creating:
        record.created_by = user
    try:
        with transaction.atomic():
            audit.save_logged(
                record, user=user, relations=CHILD_RELATIONS[type(record)]
            )
    except IntegrityError as error:  # a concurrent save took the reference
        raise ValidationError(
            {"reference": _("Reference: another record already has it.")}
        ) from error
    if creating:
        workflow.record_creation(record, user=user, comment=comment)
    return record


# Child rows of each record type, named in the audit entry when they change.
CHILD_RELATIONS = defaultdict(
    list,
    {
        Delegation: ["members", "country_links", "partner_links"],
        InternationalConference: ["country_links"],
        ForeignPressVisit: ["journalists"],
    },
)


def transition(record, action: str, *, user, comment: str = "", at=None):
    """Perform a workflow action (see ``workflow.perform_transition``)."""
    return workflow.perform_transition(
        record, action, user=user, comment=comment, at=at
    )


@transaction.atomic
def register_past_delegation(
    delegation: Delegation,
    *,
    user,
    members: Iterable | None = None,
    countries: Iterable | None = None,
    partners: Iterable | None = None,
    comment: str = "",
    action: str = "register",
) -> Delegation:
    """Enter a delegation that already took place (an old register, an import):
    it is created closed, marked as entered after the fact, and its history says
    so. Foreign-affairs officers and administrators only."""
    if not (user_roles(user) & PROCESSORS) or not user.has_perm(
        _perm(Delegation, "add")
    ):
        raise PermissionDenied(
            _("Only foreign-affairs officers may enter past delegations.")
        )
    if delegation.pk is not None:
        raise ValueError("register_past_delegation() creates new records only")
    if members is not None:
        _children(delegation, "members", DelegationMember, members)
    if countries is not None:
        _replace_links(
            delegation, "country_links", DelegationCountry, "country", countries
        )
    if partners is not None:
        _replace_links(
            delegation, "partner_links", DelegationPartner, "partner", partners
        )
    delegation.status = DelegationStatus.CLOSED
    delegation.is_historic = True
    delegation.created_by = user
    errors = _record_errors(delegation)
    today = timezone.localdate()
    if delegation.end_date and delegation.end_date > today:
        errors.add(
            "end_date",
            _(
                "End date: %(day)s has not come yet; only delegations that took "
                "place can be entered after the fact."
            )
            % {"day": f"{delegation.end_date:%d/%m/%Y}"},
        )
    if not delegation.person_count:
        errors.add(
            "declared_person_count",
            _("Number of persons: list the members or enter the number of persons."),
        )
    errors.raise_if_any()
    audit.save_logged(delegation, user=user)
    workflow.record_creation(
        delegation,
        user=user,
        state=DelegationStatus.CLOSED,
        comment=comment,
        action=action,
    )
    return delegation


@transaction.atomic
def delete_record(record, *, user) -> None:
    if not can_delete(record, user):
        raise PermissionDenied(
            _(
                "This record cannot be deleted: only drafts never submitted (or "
                "records entered after the fact) can; cancel it instead."
            )
        )
    audit.log_delete(record, user=user)
    record.delete()


# --- deadline rules -------------------------------------------------------------------
@transaction.atomic
def save_deadline_rule(rule: DeadlineRule, *, user) -> DeadlineRule:
    """Validate and save a deadline rule: periods of rules for the same activity,
    step and variant may not overlap."""
    action = "add" if rule.pk is None else "change"
    if not user.has_perm(_perm(DeadlineRule, action)):
        raise PermissionDenied(_("Only administrators change deadline rules."))
    errors = model_errors(rule)
    if not errors:
        peers = DeadlineRule.objects.filter(
            kind=rule.kind, step=rule.step, variant=rule.variant
        )
        errors.extend(overlap_errors(rule, peers, describe=lambda r: r.summary))
    errors.raise_if_any()
    return audit.save_logged(rule, user=user)


# --- reminders ----------------------------------------------------------------------
@dataclass
class ReminderReport:
    sent: list = field(default_factory=list)  # (record, step, stage, recipient)
    skipped: list = field(default_factory=list)  # (record, step, reason)

    @property
    def count(self) -> int:
        return len(self.sent)


def _recipient(record, item) -> str:

    today = timezone.localdate()
    body = foreign_affairs_body()
    if item.spec.responsible == deadlines.FOREIGN_AFFAIRS_BODY:
        candidates = [body]
    else:
        candidates = [rollup_organisation(record.organisation, on=today), body]
    for organisation in candidates:
        if organisation is not None and organisation.email:
            return organisation.email
    return ""


def _admin_url(record) -> str:
    from .selectors import inspect_url_name

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse(inspect_url_name(type(record)), args=[record.pk])


def _reminder_text(record, item, stage) -> tuple[str, str]:
    context = {
        "step": item.label,
        "record": record,
        "kind": type(record)._meta.verbose_name,
        "due": f"{item.due:%d/%m/%Y}",
    }
    if stage == ReminderStage.BEFORE:
        subject = _("[TTĐN] Due %(due)s: %(step)s — %(record)s") % context
        opening = _(
            "The deadline to %(step)s for the %(kind)s “%(record)s” is %(due)s."
        )
    else:
        subject = _("[TTĐN] Overdue since %(due)s: %(step)s — %(record)s") % context
        opening = _(
            "The deadline to %(step)s for the %(kind)s “%(record)s” was %(due)s and "
            "the step is not done yet."
        )
    lines = [
        opening % context,
        _("Rule: %(rule)s (%(basis)s).")
        % {"rule": item.rule.summary, "basis": item.rule.legal_basis},
        _("Current status: %(state)s.") % {"state": record.get_status_display()},
        _("Open the record: %(url)s") % {"url": _admin_url(record)},
        "",
        _("This message was sent automatically by the TTĐN platform."),
    ]
    return subject, "\n".join(str(line) for line in lines)


def send_deadline_reminders(*, today: dt.date | None = None) -> ReminderReport:
    """E-mail the responsible organisation about every open deadline: once when
    it comes within the rule's ``remind_days_before`` days, once when it has
    passed. Idempotent: a reminder already sent for the record, step, stage and
    due date is never sent again (``ReminderLog``)."""
    from .selectors import open_due_dates

    today = today or timezone.localdate()
    report = ReminderReport()
    with translation.override(settings.LANGUAGE_CODE):
        for item in open_due_dates(today=today):
            if item.days_left < 0:
                stage = ReminderStage.AFTER
            elif item.days_left <= item.rule.remind_days_before:
                stage = ReminderStage.BEFORE
            else:
                continue
            record = item.record
            content_type = ReminderLog._meta.get_field("content_type")
            ct = content_type.related_model.objects.get_for_model(record)
            if ReminderLog.objects.filter(
                content_type=ct,
                object_id=str(record.pk),
                step=item.step,
                stage=stage,
                due_date=item.due,
            ).exists():
                continue
            recipient = _recipient(record, item)
            if not recipient:
                report.skipped.append((record, item.step, "no e-mail address"))
                logger.warning(
                    "No e-mail address to remind about %s #%s (%s)",
                    type(record).__name__,
                    record.pk,
                    item.step,
                )
                continue
            subject, body = _reminder_text(record, item, stage)
            try:
                with transaction.atomic():
                    ReminderLog.objects.create(
                        content_type=ct,
                        object_id=str(record.pk),
                        step=item.step,
                        stage=stage,
                        due_date=item.due,
                        recipient=recipient,
                    )
                    send_mail(subject, body, None, [recipient])
            except IntegrityError:  # another run sent it meanwhile
                continue
            report.sent.append((record, item.step, stage, recipient))
    return report
