"""International conferences and seminars."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from ..choices import (
    ActivityKind,
    ApprovalAuthority,
    ConferenceFormat,
    ConferenceStatus,
    ForeignRank,
    FundingSource,
    OrganiserKind,
)
from .base import (
    RegisterRecord,
    _dates_in_order,
    _document,
    _organisation,
    _unique_reference,
)


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
