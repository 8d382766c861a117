"""Audience statistics: per-day aggregates, per-page view totals, and the short-lived
state that decides what one "view" and one "visit" are (docs/analytics.md).

Only aggregates are kept for long. The per-visitor state holds a salted hash of the
visitor (IP address + browser), never the address itself; the salt changes every
day (GMT+7) and is deleted with that day's state.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .forms import AnalyticsSettingsForm

# An administrator types the old portal's figure; 10^12 is far above any portal.
STARTING_TOTAL_MAX = 10**12


class DailyStats(models.Model):
    """What happened on one calendar day in GMT+7."""

    day = models.DateField(_("day"), unique=True)
    visits = models.PositiveBigIntegerField(_("visits"), default=0, db_default=0)
    visitors = models.PositiveBigIntegerField(_("visitors"), default=0, db_default=0)
    views = models.PositiveBigIntegerField(_("page views"), default=0, db_default=0)
    hits = models.PositiveBigIntegerField(
        _("hits"),
        default=0,
        db_default=0,
        help_text=_("Every counted page load, before repeated views are merged."),
    )

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily statistics")
        verbose_name_plural = _("daily statistics")

    def __str__(self):
        return f"{self.day:%d/%m/%Y}"


class PageViewDaily(models.Model):
    """Views of one page on one day (GMT+7)."""

    day = models.DateField(_("day"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    views = models.PositiveBigIntegerField(_("views"), default=0, db_default=0)

    class Meta:
        ordering = ["-day", "-views"]
        constraints = [
            models.UniqueConstraint(fields=["day", "page"], name="analytics_page_day")
        ]
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")

    def __str__(self):
        return f"{self.page_id} {self.day:%d/%m/%Y}"


class PageViewTotal(models.Model):
    """All-time views of a page: counted here plus a starting figure an
    administrator carried over from the old portal."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("page"),
    )
    views = models.PositiveBigIntegerField(
        _("views counted here"), default=0, db_default=0
    )
    starting_views = models.PositiveBigIntegerField(
        _("starting views"),
        default=0,
        db_default=0,
        validators=[
            MinValueValidator(
                0, message=_("Starting views: enter a whole number of 0 or more.")
            ),
            MaxValueValidator(
                STARTING_TOTAL_MAX,
                message=_("Starting views: the number is too large (at most 10¹²)."),
            ),
        ],
        help_text=_("Views the article had on the old portal; the count adds to it."),
    )

    class Meta:
        ordering = ["-views"]
        verbose_name = _("article views")
        verbose_name_plural = _("article views")

    def __str__(self):
        return str(self.page_id)

    @property
    def total(self) -> int:
        return self.views + self.starting_views


class VisitorDay(models.Model):
    """One visitor's activity on one day. Times are Unix milliseconds so that the
    counting SQL is the same on SQLite and PostgreSQL. Deleted after the day."""

    day = models.DateField()
    visitor = models.CharField(max_length=32)
    first_seen = models.BigIntegerField()
    last_seen = models.BigIntegerField(db_index=True)
    hits = models.PositiveIntegerField(default=1, db_default=1)
    # The hit number that started the current visit: a hit started a new visit
    # exactly when, after it, visit_hit == hits.
    visit_hit = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "visitor"], name="analytics_visitor_day"
            )
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.visitor[:8]}…"


class PageViewMark(models.Model):
    """When a visitor's view of a page was last counted (repeat views inside the
    window are not counted again). Deleted after the day."""

    day = models.DateField()
    visitor = models.CharField(max_length=32)
    page_id = models.BigIntegerField()
    counted_at = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=1, db_default=1)
    counted_hit = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "visitor", "page_id"], name="analytics_view_mark"
            )
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.visitor[:8]}… {self.page_id}"


class DailySalt(models.Model):
    """The random salt of one day's visitor hashes; deleted after the day, which
    makes the hashes of past days impossible to link to anyone."""

    day = models.DateField(unique=True)
    value = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.day:%d/%m/%Y}"


class FlushBatch(models.Model):
    """A batch of Redis counters written to the daily tables (written once only)."""

    batch = models.CharField(max_length=64, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.batch


@register_setting(icon="table")
class AnalyticsSettings(BaseGenericSetting):
    """Figures carried over from the portal this one replaces."""

    starting_visits = models.PositiveBigIntegerField(
        _("starting total visits"),
        default=0,
        db_default=0,
        validators=[
            MinValueValidator(
                0,
                message=_("Starting total visits: enter a whole number of 0 or more."),
            ),
            MaxValueValidator(
                STARTING_TOTAL_MAX,
                message=_(
                    "Starting total visits: the number is too large (at most 10¹²)."
                ),
            ),
        ],
        help_text=_(
            "Total visits of the old portal when this one went live. The "
            "“Total visits” figure adds the visits counted here to it."
        ),
    )
    starting_note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Where the starting figure comes from, e.g. the old portal."),
    )

    panels = [FieldPanel("starting_visits"), FieldPanel("starting_note")]
    base_form_class = AnalyticsSettingsForm

    class Meta:
        verbose_name = _("starting visit figures")
