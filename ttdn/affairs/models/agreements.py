"""International agreements."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..choices import (
    ActivityKind,
    AgreementForm,
    AgreementStatus,
    VietnameseParty,
)
from .base import (
    RegisterRecord,
    _document,
    _library_entry,
    _organisation,
    _unique_reference,
)


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
    text_entry = _library_entry(
        _("signed text (library)"),
        _("The signed text as filed in the document library."),
    )
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
