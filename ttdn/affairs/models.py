"""The foreign-affairs register: delegations, international conferences,
international agreements, foreign NGO aid, foreign NGOs and foreign press visits
(docs/affairs.md), plus the deadline rules, the workflow history and the reminder
log.

Every record belongs to an ``organisation`` (the host or sending unit, the
organiser, the Vietnamese party, the recipient…): scoping by organisation
(``selectors.records_for``) and the workflow (``machines.py``) use it. State
changes go through ``workflow.perform_transition`` only; writes through
``services.py``. Nothing here runs business logic on ``save()`` besides refreshing
the folded search text.
"""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ttdn.core.folding import folded
from ttdn.core.periods import InForceModel
from ttdn.core.timefmt import format_short

from .choices import (
    ActivityKind,
    AgreementForm,
    AgreementStatus,
    AidModality,
    AidStatus,
    ApprovalAuthority,
    ConferenceFormat,
    ConferenceStatus,
    Currency,
    DeadlineAnchor,
    DeadlineStep,
    DeadlineUnit,
    DelegationStatus,
    Direction,
    ForeignRank,
    FundingSource,
    GuestClass,
    JournalistRole,
    MemberRole,
    NGOStatus,
    OrganiserKind,
    PassportType,
    PressVisitStatus,
    RegistrationKind,
    ReminderStage,
    VietnameseParty,
)

DOCUMENT_MODEL = get_document_model_string()
MONEY = {"max_digits": 18, "decimal_places": 2}


def _document(verbose_name, help_text=""):
    return models.ForeignKey(
        DOCUMENT_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


# --- common to every record -------------------------------------------------------
class RegisterRecord(ClusterableModel):
    """Fields every register record has. Concrete models add ``status`` (with
    their own choices) and their own fields."""

    reference = models.CharField(
        _("reference"),
        max_length=50,
        blank=True,
        help_text=_(
            "The record's number in the unit's register, e.g. 12/2026/ĐV. "
            "Unique when given."
        ),
    )
    title = models.CharField(_("title"), max_length=500)
    decision_number = models.CharField(
        _("decision number"),
        max_length=50,
        blank=True,
        help_text=_("Number of the approval decision or letter, e.g. 125/QĐ-UBND."),
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer = models.CharField(
        _("signed by"),
        max_length=255,
        blank=True,
        help_text=_("Position and name of the signer, e.g. Chủ tịch UBND tỉnh."),
    )
    submitted_at = models.DateTimeField(
        _("submitted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the record is (re)submitted."),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_historic = models.BooleanField(
        _("entered after the fact"),
        default=False,
        editable=False,
        help_text=_(
            "Recorded from a register after it took place (import or historic "
            "entry), without going through the approval workflow here."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(
        pgettext_lazy("affairs", "created at"), auto_now_add=True
    )
    updated_at = models.DateTimeField(
        pgettext_lazy("affairs", "updated at"), auto_now=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    # Set by concrete models: the ActivityKind of their deadline rules.
    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def search_values(self) -> list:
        return [self.title, self.reference]

    def save(self, *args, **kwargs):
        self.search_text = folded(*self.search_values())
        super().save(*args, **kwargs)

    def deadline_kind(self) -> str:
        raise NotImplementedError

    def deadline_variants(self) -> list[str]:
        """Rule variants to try before the general rule (``""``)."""
        return []

    def anchor_date(self, anchor: str) -> dt.date | None:
        """The date a deadline counted from *anchor* starts from (``None``: not
        known yet)."""
        from django.utils import timezone

        def local(value):
            return timezone.localdate(value) if value else None

        return {
            DeadlineAnchor.BEFORE_START: getattr(self, "start_date", None),
            DeadlineAnchor.AFTER_END: getattr(self, "end_date", None),
            DeadlineAnchor.AFTER_SUBMISSION: local(self.submitted_at),
            DeadlineAnchor.AFTER_CONSULTATION: local(
                getattr(self, "consultation_started_at", None)
            ),
            DeadlineAnchor.AFTER_DECISION: self.decision_date,
            DeadlineAnchor.AFTER_SIGNING: getattr(self, "signing_date", None),
            DeadlineAnchor.AFTER_ISSUE: getattr(self, "issued_on", None),
            DeadlineAnchor.BEFORE_EXPIRY: getattr(self, "expires_on", None),
        }.get(anchor)

    @property
    def period_display(self) -> str:
        start, end = getattr(self, "start_date", None), getattr(self, "end_date", None)
        if start and end and start != end:
            return f"{format_short(start)} – {format_short(end)}"
        return format_short(start or end)


def _unique_reference(model_name: str):
    return models.UniqueConstraint(
        fields=["reference"],
        condition=~Q(reference=""),
        name=f"affairs_{model_name}_reference_unique",
        violation_error_message=_("Reference: another record already has it."),
    )


def _dates_in_order(model_name: str):
    return models.CheckConstraint(
        condition=Q(start_date__isnull=True)
        | Q(end_date__isnull=True)
        | Q(end_date__gte=models.F("start_date")),
        name=f"affairs_{model_name}_dates_in_order",
        violation_error_message=_("End date: it cannot be before the start date."),
    )


def _organisation(verbose_name, help_text=""):
    return models.ForeignKey(
        "directory.Organisation",
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=help_text,
    )


# --- delegations ------------------------------------------------------------------
class Delegation(RegisterRecord):
    """An incoming (đoàn vào) or outgoing (đoàn ra) delegation."""

    direction = models.CharField(_("direction"), max_length=3, choices=Direction)
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=DelegationStatus,
        default=DelegationStatus.DRAFT,
        editable=False,
    )
    organisation = _organisation(
        _("host or sending unit"),
        _(
            "Incoming: the unit that receives the guests. Outgoing: the unit whose "
            "staff travel."
        ),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    programme = models.TextField(
        _("programme"),
        blank=True,
        help_text=_("Itinerary: content, time and place of each activity."),
    )
    places = models.CharField(
        _("places"),
        max_length=500,
        blank=True,
        help_text=_(
            "Incoming: places visited in the province; outgoing: destinations."
        ),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource, blank=True
    )
    budget_estimate = models.DecimalField(
        _("budget estimate (VND)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        **MONEY,
    )
    guest_class = models.CharField(
        _("guest class"),
        max_length=10,
        choices=GuestClass,
        blank=True,
        help_text=_("Incoming delegations: drives the hosting budget norms."),
    )
    topic_religion = models.BooleanField(_("religion"), default=False)
    topic_ethnicity = models.BooleanField(_("ethnicity"), default=False)
    topic_human_rights = models.BooleanField(_("human rights"), default=False)
    requires_party_opinion = models.BooleanField(
        _("needs the Party committee's opinion"),
        default=False,
        help_text=_("Members managed by the provincial Party committee."),
    )
    declared_person_count = models.PositiveIntegerField(
        _("number of persons (no member list)"),
        null=True,
        blank=True,
        help_text=_(
            "Only for records that list no members (e.g. entered from an old "
            "register); otherwise the members are counted."
        ),
    )
    person_count = models.PositiveIntegerField(
        _("person-visits"), default=0, editable=False
    )
    invitation = _document(_("invitation letter"))
    decision_document = _document(_("approval decision"))
    result_report = _document(_("result report"))
    result_summary = models.TextField(_("summary of the results"), blank=True)
    result_reported_at = models.DateTimeField(
        _("result reported at"), null=True, blank=True, editable=False
    )
    consultation_started_at = models.DateTimeField(
        _("consultation began at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-start_date", "-pk"]
        constraints = [_unique_reference("delegation"), _dates_in_order("delegation")]
        indexes = [
            models.Index(fields=["direction", "start_date"]),
            models.Index(fields=["status"]),
        ]

    def search_values(self):
        return [
            *super().search_values(),
            self.places,
            *(link.country.name_vi for link in self.country_links.all()),
            *(link.partner.name for link in self.partner_links.all()),
        ]

    def deadline_kind(self):
        return (
            ActivityKind.DELEGATION_IN
            if self.direction == Direction.INCOMING
            else ActivityKind.DELEGATION_OUT
        )

    @property
    def countries(self):
        return [link.country for link in self.country_links.all()]

    @property
    def partners(self):
        return [link.partner for link in self.partner_links.all()]

    @property
    def countries_display(self) -> str:
        return ", ".join(str(c) for c in self.countries)

    @property
    def partners_display(self) -> str:
        return ", ".join(str(p) for p in self.partners)

    @property
    def sensitive_topics(self) -> list[str]:
        flags = [
            (self.topic_religion, _("religion")),
            (self.topic_ethnicity, _("ethnicity")),
            (self.topic_human_rights, _("human rights")),
        ]
        return [str(label) for on, label in flags if on]

    @property
    def head(self):
        return next((m for m in self.members.all() if m.role == MemberRole.HEAD), None)


class DelegationMember(Orderable):
    delegation = ParentalKey(
        Delegation, on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("full name"), max_length=255)
    nationality = models.ForeignKey(
        "directory.Country",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation_name = models.CharField(
        pgettext_lazy("affairs", "organisation"),
        max_length=255,
        blank=True,
        help_text=_("Where the member works."),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole, default=MemberRole.MEMBER
    )
    passport_type = models.CharField(
        _("passport"),
        max_length=20,
        choices=PassportType,
        blank=True,
        help_text=_("Outgoing delegations."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.full_name


class DelegationCountry(Orderable):
    delegation = ParentalKey(
        Delegation, on_delete=models.CASCADE, related_name="country_links"
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return str(self.country)


class DelegationPartner(Orderable):
    delegation = ParentalKey(
        Delegation, on_delete=models.CASCADE, related_name="partner_links"
    )
    partner = models.ForeignKey(
        "directory.ForeignPartner",
        verbose_name=_("foreign partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return str(self.partner)


# --- international conferences ----------------------------------------------------
class InternationalConference(RegisterRecord):
    """An international conference or workshop (Decision 06/2020/QĐ-TTg)."""

    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ConferenceStatus,
        default=ConferenceStatus.DRAFT,
        editable=False,
    )
    organisation = _organisation(
        _("organiser"), _("The Vietnamese organiser, or the unit that hosts it.")
    )
    topic = models.TextField(_("topic"), blank=True)
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=ConferenceFormat,
        default=ConferenceFormat.IN_PERSON,
    )
    organiser_kind = models.CharField(
        _("organised by"),
        max_length=20,
        choices=OrganiserKind,
        default=OrganiserKind.VIETNAMESE,
    )
    foreign_organiser = models.ForeignKey(
        "directory.ForeignPartner",
        verbose_name=_("foreign organiser or sponsor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    co_organisers = models.CharField(_("co-organisers"), max_length=500, blank=True)
    foreign_participants = models.PositiveIntegerField(
        _("foreign participants"), default=0
    )
    vietnamese_participants = models.PositiveIntegerField(
        _("Vietnamese participants"), default=0
    )
    highest_foreign_rank = models.CharField(
        _("highest foreign rank"),
        max_length=20,
        choices=ForeignRank,
        default=ForeignRank.OTHER,
    )
    topic_sovereignty = models.BooleanField(
        _("sovereignty or territory"), default=False
    )
    topic_security = models.BooleanField(_("security or defence"), default=False)
    topic_ethnicity_religion = models.BooleanField(
        _("ethnicity or religion"), default=False
    )
    topic_human_rights = models.BooleanField(_("human rights"), default=False)
    topic_state_secrets = models.BooleanField(_("state secrets"), default=False)
    approval_authority = models.CharField(
        _("approval authority"),
        max_length=20,
        choices=ApprovalAuthority,
        default=ApprovalAuthority.PC_CHAIR,
        editable=False,
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    venue = models.CharField(_("venue"), max_length=500, blank=True)
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource, blank=True
    )
    hosting_request_reason = models.TextField(
        _("in-principle request: reason and expected participants"), blank=True
    )
    proposal = _document(_("organising proposal (Form 01)"))
    application_letter = _document(_("application letter"))
    approval_document = _document(_("approval document"))
    result_report = _document(_("result report (Form 02)"))
    result_summary = models.TextField(_("summary of the results"), blank=True)
    result_reported_at = models.DateTimeField(
        _("result reported at"), null=True, blank=True, editable=False
    )
    consultation_started_at = models.DateTimeField(
        _("consultation began at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("international conference")
        verbose_name_plural = _("international conferences")
        ordering = ["-start_date", "-pk"]
        constraints = [_unique_reference("conference"), _dates_in_order("conference")]

    def search_values(self):
        return [
            *super().search_values(),
            self.venue,
            *(link.country.name_vi for link in self.country_links.all()),
        ]

    def deadline_kind(self):
        return ActivityKind.CONFERENCE

    def deadline_variants(self):
        return [self.approval_authority]

    @property
    def sensitive_topics(self) -> list[str]:
        flags = [
            (self.topic_sovereignty, _("sovereignty or territory")),
            (self.topic_security, _("security or defence")),
            (self.topic_ethnicity_religion, _("ethnicity or religion")),
            (self.topic_human_rights, _("human rights")),
            (self.topic_state_secrets, _("state secrets")),
        ]
        return [str(label) for on, label in flags if on]

    @property
    def countries(self):
        return [link.country for link in self.country_links.all()]

    @property
    def countries_display(self) -> str:
        return ", ".join(str(c) for c in self.countries)


class ConferenceCountry(Orderable):
    conference = ParentalKey(
        InternationalConference, on_delete=models.CASCADE, related_name="country_links"
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("participating country")
        verbose_name_plural = _("participating countries")

    def __str__(self):
        return str(self.country)


# --- international agreements -----------------------------------------------------
class InternationalAgreement(RegisterRecord):
    """An international agreement (thỏa thuận quốc tế, Law 70/2020/QH14, Decree
    64/2021 as amended by Decree 177/2025)."""

    status = models.CharField(
        _("status"),
        max_length=30,
        choices=AgreementStatus,
        default=AgreementStatus.PROPOSED,
        editable=False,
    )
    organisation = _organisation(
        _("Vietnamese party"), _("The body in whose name the agreement is signed.")
    )
    party_kind = models.CharField(
        _("kind of Vietnamese party"), max_length=30, choices=VietnameseParty
    )
    form_name = models.CharField(_("name (form)"), max_length=30, choices=AgreementForm)
    foreign_partner = models.ForeignKey(
        "directory.ForeignPartner",
        verbose_name=_("foreign party"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the foreign party's country."),
    )
    fields_of_cooperation = models.TextField(_("fields of cooperation"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=255, blank=True, help_text=_("e.g. Việt, Lào")
    )
    consulted_agencies = models.TextField(
        _("consulted agencies and their opinions"), blank=True
    )
    signing_date = models.DateField(_("signing date"), null=True, blank=True)
    signing_place = models.CharField(_("signing place"), max_length=255, blank=True)
    signatory = models.CharField(
        _("signatory"),
        max_length=255,
        blank=True,
        help_text=_("Name and position of the Vietnamese signatory."),
    )
    effective_from = models.DateField(
        pgettext_lazy("affairs", "in force from"), null=True, blank=True
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    copy_sent_to_mofa_on = models.DateField(
        _("copy sent to the Ministry of Foreign Affairs on"), null=True, blank=True
    )
    inherited_from = models.CharField(
        _("inherited from"),
        max_length=255,
        blank=True,
        help_text=_(
            "For agreements of an abolished district People's Committee, inherited "
            "by the provincial People's Committee on 1/7/2025."
        ),
    )
    name_update_required = models.BooleanField(
        _("unit names must be updated"), default=False
    )
    publish_on_portal = models.BooleanField(_("publish on the portal"), default=False)
    document = _document(_("text of the agreement"))
    post_signing_report = _document(_("report after signing"))
    reported_at = models.DateTimeField(
        _("reported at"), null=True, blank=True, editable=False
    )
    consultation_started_at = models.DateTimeField(
        _("consultation began at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        ordering = ["-signing_date", "-pk"]
        constraints = [
            _unique_reference("agreement"),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(expires_on__isnull=True)
                | Q(expires_on__gte=models.F("effective_from")),
                name="affairs_agreement_validity_in_order",
                violation_error_message=_(
                    "Expires on: it cannot be before the day it comes into force."
                ),
            ),
        ]

    def search_values(self):
        return [*super().search_values(), getattr(self.foreign_partner, "name", "")]

    def deadline_kind(self):
        return ActivityKind.AGREEMENT

    @property
    def effective_country(self):
        return self.country or getattr(self.foreign_partner, "country", None)


# --- foreign NGO aid --------------------------------------------------------------
class AidPackage(RegisterRecord):
    """A foreign non-governmental aid package (khoản viện trợ, Decree 80/2020)."""

    status = models.CharField(
        _("status"),
        max_length=30,
        choices=AidStatus,
        default=AidStatus.DRAFT,
        editable=False,
    )
    organisation = _organisation(
        pgettext_lazy("affairs", "recipient"),
        _("The Vietnamese agency or unit receiving the aid."),
    )
    modality = models.CharField(
        _("modality"), max_length=20, choices=AidModality, default=AidModality.PROJECT
    )
    donor = models.ForeignKey(
        "directory.ForeignPartner",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    governing_agency = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("governing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Usually the provincial People's Committee."),
    )
    aid_owner = models.CharField(_("aid owner"), max_length=255, blank=True)
    project_management_unit = models.CharField(
        _("project management unit"), max_length=255, blank=True
    )
    objectives = models.TextField(_("objectives"), blank=True)
    main_results = models.TextField(_("main results"), blank=True)
    goods_list = models.TextField(_("goods (in-kind aid)"), blank=True)
    location = models.CharField(_("location"), max_length=500, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    currency = models.CharField(
        _("currency"), max_length=5, choices=Currency, default=Currency.USD
    )
    grant_value = models.DecimalField(
        _("grant value"), default=0, validators=[MinValueValidator(0)], **MONEY
    )
    counterpart_value = models.DecimalField(
        _("counterpart funds"),
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Vietnamese counterpart funding, in the same currency."),
        **MONEY,
    )
    donor_managed_value = models.DecimalField(
        _("part managed by the donor"),
        default=0,
        validators=[MinValueValidator(0)],
        **MONEY,
    )
    state_budget_revenue = models.BooleanField(
        _("part of state-budget revenue"), default=True
    )
    topic_security = models.BooleanField(_("security or defence"), default=False)
    topic_religion = models.BooleanField(_("religion"), default=False)
    topic_legal_drafting = models.BooleanField(_("drafting legal texts"), default=False)
    approval_authority = models.CharField(
        _("approval authority"),
        max_length=20,
        choices=ApprovalAuthority,
        default=ApprovalAuthority.PC_CHAIR,
        editable=False,
    )
    appraisal_conclusion = models.TextField(_("appraisal conclusion"), blank=True)
    appraisal_date = models.DateField(_("appraisal date"), null=True, blank=True)
    proposal = _document(_("approval request dossier"))
    final_report = _document(_("final report"))
    donor_notified_at = models.DateTimeField(
        _("donor notified at"), null=True, blank=True, editable=False
    )
    final_reported_at = models.DateTimeField(
        _("final report sent at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("aid package")
        verbose_name_plural = _("foreign NGO aid")
        ordering = ["-start_date", "-pk"]
        constraints = [_unique_reference("aid"), _dates_in_order("aid")]

    def search_values(self):
        return [*super().search_values(), getattr(self.donor, "name", "")]

    def deadline_kind(self):
        return ActivityKind.AID

    @property
    def total_value(self):
        return (self.grant_value or 0) + (self.counterpart_value or 0)


# --- foreign NGOs -----------------------------------------------------------------
class ForeignNGO(RegisterRecord):
    """A foreign NGO working in the province (registration by the Ministry of
    Foreign Affairs, Decree 58/2022). ``title`` is its Vietnamese name."""

    status = models.CharField(
        _("status"),
        max_length=30,
        choices=NGOStatus,
        default=NGOStatus.DRAFT,
        editable=False,
    )
    organisation = _organisation(
        _("Vietnamese partner agency"),
        _("The agency that works with the NGO in the province."),
    )
    original_name = models.CharField(_("original name"), max_length=255, blank=True)
    partner = models.ForeignKey(
        "directory.ForeignPartner",
        verbose_name=_("in the directory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country of establishment"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registration_kind = models.CharField(
        _("registration"),
        max_length=30,
        choices=RegistrationKind,
        default=RegistrationKind.OPERATION,
    )
    registration_number = models.CharField(
        _("registration number"), max_length=50, blank=True
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    areas = models.TextField(_("areas of activity"), blank=True)
    fields_of_activity = models.TextField(_("fields of activity"), blank=True)
    representative = models.CharField(_("representative"), max_length=255, blank=True)
    bank_account_notified_on = models.DateField(
        _("bank account notified on"), null=True, blank=True
    )
    activity_plan_notified_on = models.DateField(
        _("activity plan notified to the province on"), null=True, blank=True
    )
    registration_document = _document(_("registration certificate"))

    class Meta:
        verbose_name = _("foreign NGO")
        verbose_name_plural = _("foreign NGOs")
        ordering = ["title", "pk"]
        constraints = [
            _unique_reference("ngo"),
            models.CheckConstraint(
                condition=Q(issued_on__isnull=True)
                | Q(expires_on__isnull=True)
                | Q(expires_on__gte=models.F("issued_on")),
                name="affairs_ngo_registration_in_order",
                violation_error_message=_(
                    "Expires on: it cannot be before the day of issue."
                ),
            ),
        ]

    def search_values(self):
        return [*super().search_values(), self.original_name, self.registration_number]

    def deadline_kind(self):
        return ActivityKind.NGO


# --- foreign press visits -----------------------------------------------------------
class ForeignPressVisit(RegisterRecord):
    """Foreign journalists working in the province (Decree 88/2012). ``title``
    describes the visit."""

    status = models.CharField(
        _("status"),
        max_length=30,
        choices=PressVisitStatus,
        default=PressVisitStatus.REQUESTED,
        editable=False,
    )
    organisation = _organisation(
        _("guiding unit"), _("The unit that receives and guides the journalists.")
    )
    media_outlet = models.CharField(_("media outlet"), max_length=255)
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topics = models.TextField(_("topics"), blank=True)
    programme = models.TextField(_("programme"), blank=True)
    places = models.CharField(_("places"), max_length=500, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    application_received_on = models.DateField(
        _("application received by the Ministry on"), null=True, blank=True
    )
    press_permit_number = models.CharField(
        _("press permit number"),
        max_length=50,
        blank=True,
        help_text=_("Issued by the Ministry of Foreign Affairs."),
    )
    permit_issued_on = models.DateField(_("permit issued on"), null=True, blank=True)
    guiding_officer = models.CharField(_("guiding officer"), max_length=255, blank=True)
    accompanying_delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("accompanying delegation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_visits",
    )
    local_publication_requested = models.BooleanField(
        _("asks to publish in local media"), default=False
    )
    result_report = _document(_("result report"))
    result_summary = models.TextField(_("summary of the results"), blank=True)
    result_reported_at = models.DateTimeField(
        _("result reported at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("foreign press visit")
        verbose_name_plural = _("foreign press visits")
        ordering = ["-start_date", "-pk"]
        constraints = [_unique_reference("press"), _dates_in_order("press")]

    def search_values(self):
        return [*super().search_values(), self.media_outlet]

    def deadline_kind(self):
        return ActivityKind.PRESS_VISIT

    @property
    def journalist_count(self) -> int:
        return len(self.journalists.all())


class Journalist(Orderable):
    visit = ParentalKey(
        ForeignPressVisit, on_delete=models.CASCADE, related_name="journalists"
    )
    full_name = models.CharField(_("full name"), max_length=255)
    nationality = models.ForeignKey(
        "directory.Country",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=JournalistRole,
        default=JournalistRole.REPORTER,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")

    def __str__(self):
        return self.full_name


# --- deadlines --------------------------------------------------------------------
class DeadlineRule(InForceModel):
    """How long a step may take, counted from an anchor date (docs/affairs.md#
    deadlines). Rules are data: administrators change them when the law changes,
    ending the old rule (``valid_to``) and adding the new one."""

    kind = models.CharField(_("activity"), max_length=20, choices=ActivityKind)
    step = models.CharField(_("step"), max_length=30, choices=DeadlineStep)
    variant = models.CharField(
        _("applies only to"),
        max_length=20,
        choices=ApprovalAuthority,
        blank=True,
        help_text=_(
            "Empty: every record of the activity. A rule for a variant (e.g. "
            "conferences the Prime Minister approves) wins over the general one."
        ),
    )
    anchor = models.CharField(_("counted"), max_length=30, choices=DeadlineAnchor)
    amount = models.PositiveIntegerField(_("amount"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=20, choices=DeadlineUnit)
    legal_basis = models.CharField(
        pgettext_lazy("affairs", "legal basis"),
        max_length=500,
        help_text=_("e.g. Quyết định 06/2020/QĐ-TTg, Điều 5."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Say here when a value is not confirmed by the official text."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind days before"),
        default=3,
        help_text=_(
            "The responsible unit is e-mailed this many days before the deadline."
        ),
    )
    updated_at = models.DateTimeField(
        pgettext_lazy("affairs", "updated at"), auto_now=True
    )

    class Meta(InForceModel.Meta):
        verbose_name = pgettext_lazy("affairs", "deadline rule")
        verbose_name_plural = pgettext_lazy("affairs", "deadline rules")
        ordering = ["kind", "step", "variant", "-valid_from"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.get_step_display()}: {self.summary}"

    @property
    def summary(self) -> str:
        """``30 ngày trước ngày bắt đầu``-style wording of the rule."""
        return f"{self.amount} {self.get_unit_display()} {self.get_anchor_display()}"


class ReminderLog(models.Model):
    """A deadline reminder sent: at most one per record, step, stage and due date
    (the reminder task is idempotent)."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    step = models.CharField(max_length=30, choices=DeadlineStep)
    stage = models.CharField(max_length=10, choices=ReminderStage)
    due_date = models.DateField()
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "step", "stage", "due_date"],
                name="affairs_reminder_once",
            )
        ]

    def __str__(self):
        return f"{self.step} {self.stage} {self.due_date}"
