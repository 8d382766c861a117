"""Delegations in and out, their members, countries and partners."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from ..choices import (
    ActivityKind,
    DelegationStatus,
    Direction,
    FundingSource,
    GuestClass,
    MemberRole,
    PassportType,
)
from .base import (
    MONEY,
    RegisterRecord,
    _dates_in_order,
    _document,
    _library_entry,
    _organisation,
    _unique_reference,
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
    decision_entry = _library_entry(
        _("approval decision (library)"),
        _("The decision as filed in the document library."),
    )
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
