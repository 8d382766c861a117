"""The planning app's site settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


# --- settings -------------------------------------------------------------------
@register_setting(icon="time")
class PlanningSettings(BaseSiteSetting):
    """When reminders and escalations are sent (docs/planning.md#reminders)."""

    reminder_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before the deadline"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    escalation_days_after = models.PositiveSmallIntegerField(
        _("escalate this many days after the deadline"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    escalation_email = models.EmailField(
        _("escalations also go to"),
        blank=True,
        help_text=_(
            "e.g. the foreign-affairs body's address; foreign-affairs officers "
            "with an e-mail address always receive them."
        ),
    )

    panels = [
        FieldPanel("reminder_days_before"),
        FieldPanel("escalation_days_after"),
        FieldPanel("escalation_email"),
    ]

    class Meta:
        verbose_name = _("task reminders")
