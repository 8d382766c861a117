"""Foreign press visits and their journalists."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from ..choices import (
    ActivityKind,
    JournalistRole,
    PressVisitStatus,
)
from .base import (
    RegisterRecord,
    _dates_in_order,
    _document,
    _organisation,
    _unique_reference,
)
from .delegations import Delegation


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
