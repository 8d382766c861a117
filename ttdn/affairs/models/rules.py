"""Deadline rules and the log of reminders sent."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.periods import InForceModel

from ..choices import (
    ActivityKind,
    ApprovalAuthority,
    DeadlineAnchor,
    DeadlineStep,
    DeadlineUnit,
    ReminderStage,
)


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
