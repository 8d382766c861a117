"""Plans (kế hoạch) and their content areas."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ttdn.core.text import nfc

from ..choices import (
    PlanStatus,
    PlanTerm,
)
from .base import (
    TimestampedModel,
    document_code_validator,
    document_number,
    year_validators,
)


# --- plans ----------------------------------------------------------------------
class Plan(ClusterableModel, TimestampedModel):
    """A TTĐN (or foreign-affairs) plan such as ``51/KH-UBND``."""

    title = models.CharField(
        _("subject line"),
        max_length=500,
        help_text=_(
            "The subject line (trích yếu), e.g. Hành động triển khai công tác đối "
            "ngoại tỉnh Sơn La giai đoạn 2017 – 2018."
        ),
    )
    term = models.CharField(_("term"), max_length=10, choices=PlanTerm.choices)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=year_validators
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        validators=year_validators,
        help_text=_("The same as the first year for an annual plan."),
    )
    code = models.CharField(
        _("document code"),
        max_length=30,
        validators=[document_code_validator],
        help_text=_("The type and the issuing body, e.g. KH-UBND in 51/KH-UBND."),
    )
    number = models.PositiveIntegerField(
        _("document number"),
        null=True,
        blank=True,
        help_text=_("Assigned when the plan is issued, e.g. 51 in 51/KH-UBND."),
    )
    issuer = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Usually the provincial People's Committee."),
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("One basis per line (Căn cứ …)."),
    )
    purpose = models.TextField(_("purpose"))
    requirements = models.TextField(_("requirements"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFT,
        editable=False,
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The scanned or signed plan, once issued."),
    )
    issuing_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("issuing document (library)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The plan as filed in the document library, once issued."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-start_year", "-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="planning_plan_year_range",
                violation_error_message=_(
                    "Last year: it cannot be before the first year."
                ),
            ),
        ]

    def __str__(self):
        if self.number is not None:
            return f"{self.document_number} — {self.title}"
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title.strip())
        self.code = self.code.strip()
        super().save(*args, **kwargs)

    @property
    def document_number(self) -> str:
        return document_number(self.number, self.code)

    @property
    def period_display(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year} – {self.end_year}"

    @property
    def period_start(self) -> dt.date:
        return dt.date(self.start_year, 1, 1)

    @property
    def period_end(self) -> dt.date:
        return dt.date(self.end_year, 12, 31)


class ContentArea(Orderable):
    """A content area of a plan (Phú Yên 2020: documents, information provision,
    staffing, training, propaganda, promotion events, coordination, secrecy)."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="content_areas")
    title = models.CharField(_("content area"), max_length=500)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")

    def __str__(self):
        return self.title
