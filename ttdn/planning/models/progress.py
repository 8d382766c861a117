"""Progress reports, their figures and attachments, and reminders."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..choices import (
    ReminderKind,
    ReportStatus,
)
from .base import TimestampedModel
from .tasks import WorkItem


# --- progress reports -----------------------------------------------------------
class ProgressReport(ClusterableModel, TimestampedModel):
    """What an assigned unit reports on its work: text, figures, attachments;
    accepted or returned by an officer."""

    work_item = models.ForeignKey(
        WorkItem,
        verbose_name=_("task and period"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    period_start = models.DateField(_("reporting period from"))
    period_end = models.DateField(_("reporting period to"))
    summary = models.TextField(
        _("results"), help_text=_("What was done, with dates and figures.")
    )
    is_final = models.BooleanField(
        _("the work is complete"),
        default=False,
        help_text=_(
            "Tick when this report hands in the result for the period; once "
            "accepted, the work counts as done on the day it was submitted."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.SUBMITTED,
        editable=False,
    )
    submitted_at = models.DateTimeField(
        pgettext_lazy("progress report", "submitted at"), editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(
        _("reviewed at"), null=True, blank=True, editable=False
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    review_comment = models.TextField(_("officer's comment"), blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("review_progressreport", "Can accept or return progress reports")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="planning_report_period",
                violation_error_message=_(
                    "Reporting period to: it cannot be before the first day."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.work_item.task} — {self.work_item.assignment.organisation}"

    @property
    def organisation(self):
        return self.work_item.assignment.organisation


class ProgressFigure(Orderable):
    report = ParentalKey(
        ProgressReport, on_delete=models.CASCADE, related_name="figures"
    )
    label = models.CharField(_("figure"), max_length=255)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit of measure"), max_length=50, blank=True)

    panels = [FieldPanel("label"), FieldPanel("value"), FieldPanel("unit")]

    class Meta(Orderable.Meta):
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()


class ProgressAttachment(Orderable):
    report = ParentalKey(
        ProgressReport, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return str(self.document)


class Reminder(models.Model):
    """A reminder or escalation sent for a work item; each kind is sent once."""

    work_item = models.ForeignKey(
        WorkItem, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("sent at"))
    recipients = models.TextField(_("recipients"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_item", "kind"], name="planning_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.work_item}"
