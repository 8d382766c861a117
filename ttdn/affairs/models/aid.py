"""Foreign NGO aid and the foreign NGOs."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..choices import (
    ActivityKind,
    AidModality,
    AidStatus,
    ApprovalAuthority,
    Currency,
    NGOStatus,
    RegistrationKind,
)
from .base import (
    MONEY,
    RegisterRecord,
    _dates_in_order,
    _document,
    _organisation,
    _unique_reference,
)


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
