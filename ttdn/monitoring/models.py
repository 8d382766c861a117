"""Information monitoring: sources, collected items grouped into stories, spike
alerts, and incidents of false or distorted information handled against deadlines
(docs/monitoring.md, domain b.9 and c.8).

Models hold data only: every write and state change goes through ``services.py``,
every non-trivial read through ``selectors.py``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.folding import folded
from ttdn.core.periods import InForceModel
from ttdn.core.text import nfc, squash_spaces

from .choices import (
    AlertSubject,
    AlertWindow,
    CountedFrom,
    Falsity,
    FetchOutcome,
    IncidentState,
    ResponseKind,
    Review,
    Severity,
    SourceChannel,
    SourceKind,
    SourceType,
    Step,
    Topic,
)
from .provinces import NATIONAL_LABEL, provinces


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


# --- sources ----------------------------------------------------------------------
class Source(TimestampedModel):
    """A feed, listing page or single page watched for news about the province."""

    name = models.CharField(_("name"), max_length=255)
    source_type = models.CharField(
        _("type"), max_length=10, choices=SourceType.choices, default=SourceType.FEED
    )
    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_("http:// or https:// address of the feed or page."),
    )
    link_selector = models.CharField(
        _("CSS selector of article links"),
        max_length=500,
        blank=True,
        help_text=_(
            "Listing pages only: the links to follow, e.g. “article h3 a” or "
            "“.news-list a.title”."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_(
            "Expected language code (vi, en, lo, zh…). Each item's language is "
            "detected anyway."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.OTHER
    )
    interval_minutes = models.PositiveIntegerField(
        _("polling interval (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(7 * 24 * 60)],
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    # Code of the province a provincial outlet belongs to ("" for national
    # outlets): an item that names no place is about this province.
    home_province = models.CharField(
        _("home province"), max_length=2, blank=True, default=""
    )
    # Health, written by the fetcher only.
    last_fetch_at = models.DateTimeField(_("last fetch"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, editable=False)
    last_error_at = models.DateTimeField(_("last error"), null=True, editable=False)
    last_error = models.TextField(_("last error message"), blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(
        _("consecutive failures"), default=0, editable=False
    )
    next_fetch_at = models.DateTimeField(
        _("next fetch"), null=True, editable=False, db_index=True
    )
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                name="monitoring_source_url_unique",
                violation_error_message=_("Address: another source has it already."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        self.search_text = folded(self.name, self.url)
        super().save(*args, **kwargs)

    @property
    def healthy(self) -> bool:
        """Its last fetch succeeded (or it has never failed)."""
        return self.consecutive_failures == 0

    @property
    def health_display(self) -> str:
        if not self.enabled:
            return str(_("disabled"))
        if self.last_fetch_at is None:
            return str(_("never fetched"))
        if self.consecutive_failures:
            return str(
                _("failing (%(count)s in a row)") % {"count": self.consecutive_failures}
            )
        return str(_("healthy"))


class FetchRun(models.Model):
    """One fetch of a source: what came back, what was stored, what went wrong."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="fetch_runs"
    )
    started_at = models.DateTimeField(_("started at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=FetchOutcome)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True)
    items_new = models.PositiveIntegerField(_("new items"), default=0)
    items_duplicate = models.PositiveIntegerField(_("duplicates"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("fetch")
        verbose_name_plural = _("fetches")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.source} – {self.started_at:%d/%m/%Y %H:%M}"


# --- items and stories --------------------------------------------------------------
class Story(TimestampedModel):
    """Near-duplicate items (one story republished by several outlets)."""

    title = models.CharField(_("title"), max_length=500)
    first_seen_at = models.DateTimeField(_("first seen"))
    last_seen_at = models.DateTimeField(_("last seen"), db_index=True)
    item_count = models.PositiveIntegerField(
        pgettext_lazy("monitoring", "items"), default=0
    )
    source_count = models.PositiveIntegerField(_("sources"), default=0)
    relevant = models.BooleanField(_("concerns the province"), default=False)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-last_seen_at", "-pk"]

    def __str__(self):
        return self.title


class Item(models.Model):
    """One article collected from a source, stored once (by URL and by content)."""

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    url = models.URLField(_("address"), max_length=2000)
    url_hash = models.CharField(max_length=64, unique=True, editable=False)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), db_index=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    story = models.ForeignKey(
        Story,
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    minhash = models.BinaryField(editable=False)
    # Understanding, written by the pipeline.
    relevant = models.BooleanField(_("concerns the province"), default=False)
    province = models.ForeignKey(
        "directory.AdministrativeUnit",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    matched_terms = models.JSONField(_("matched names"), default=list, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, blank=True)
    topic_score = models.FloatField(_("topic score"), null=True, blank=True)
    # Code of the province (of the 34) the item is mainly about; "" = national.
    subject_province = models.CharField(
        _("about province"), max_length=2, blank=True, db_index=True
    )
    foreign_affairs = models.BooleanField(_("foreign affairs"), null=True, blank=True)
    foreign_affairs_score = models.FloatField(
        _("foreign-affairs score"), null=True, blank=True
    )
    # What a monitor said (trains the classifier).
    review = models.CharField(
        _("review"), max_length=20, choices=Review, blank=True, default=""
    )
    topic_label = models.CharField(
        _("topic (labelled)"), max_length=20, choices=Topic, blank=True
    )
    # "" = not corrected; a province code, or NATIONAL_LABEL for national news.
    subject_province_label = models.CharField(
        _("about province (labelled)"), max_length=2, blank=True
    )
    foreign_affairs_label = models.BooleanField(
        _("foreign affairs (labelled)"), null=True, blank=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = pgettext_lazy("monitoring", "item")
        verbose_name_plural = pgettext_lazy("monitoring", "items")
        ordering = ["-fetched_at", "-pk"]
        indexes = [
            models.Index(fields=["relevant", "review", "fetched_at"]),
            models.Index(fields=["topic", "fetched_at"]),
            models.Index(fields=["story", "fetched_at"]),
        ]
        permissions = [("review_item", _("Can label items in the inbox"))]

    def __str__(self):
        return self.title

    @property
    def effective_topic(self) -> str:
        return self.topic_label or self.topic

    @property
    def effective_province(self) -> str:
        """Code of the province the item is about ("" = national)."""
        if self.subject_province_label:
            return (
                ""
                if self.subject_province_label == NATIONAL_LABEL
                else self.subject_province_label
            )
        return self.subject_province

    @property
    def effective_province_name(self) -> str:
        code = self.effective_province
        return provinces()[code].name if code in provinces() else ""

    @property
    def effective_foreign_affairs(self) -> bool | None:
        if self.foreign_affairs_label is not None:
            return self.foreign_affairs_label
        return self.foreign_affairs

    @property
    def excerpt(self) -> str:
        text = squash_spaces(self.text)
        return text if len(text) <= 300 else text[:300].rsplit(" ", 1)[0] + " …"


# --- alerts -------------------------------------------------------------------------
class Alert(models.Model):
    """A spike in the number of items of a story or topic."""

    subject = models.CharField(
        pgettext_lazy("alert", "subject"), max_length=10, choices=AlertSubject
    )
    window = models.CharField(_("window"), max_length=10, choices=AlertWindow)
    story = models.ForeignKey(
        Story,
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, blank=True)
    key = models.CharField(max_length=200, unique=True, editable=False)
    window_end = models.DateTimeField(_("window end"))
    count = models.PositiveIntegerField(_("items in the window"))
    baseline = models.FloatField(_("usual number (mean)"))
    created_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.headline)

    @property
    def subject_display(self) -> str:
        if self.subject == AlertSubject.STORY and self.story_id:
            return str(_("story “%(title)s”") % {"title": self.story.title})
        return str(_("topic “%(topic)s”") % {"topic": self.get_topic_display()})

    @property
    def headline(self) -> str:
        if self.window == AlertWindow.HOUR:
            text = _(
                "Spike in %(subject)s: %(count)s items in the last hour "
                "(usually %(baseline).1f an hour)"
            )
        else:
            text = _(
                "Spike in %(subject)s: %(count)s items in the last day "
                "(usually %(baseline).1f a day)"
            )
        return str(
            text
            % {
                "subject": self.subject_display,
                "count": self.count,
                "baseline": self.baseline,
            }
        )


# --- incidents ----------------------------------------------------------------------
class DeadlineRule(InForceModel, TimestampedModel):
    """How many days a step of incident handling may take, in force from one day to
    another (domain c.8: verify within 5 days, report within 20)."""

    step = models.CharField(_("step"), max_length=10, choices=Step)
    days = models.PositiveSmallIntegerField(
        _("days"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    counted_from = models.CharField(
        _("counted from"),
        max_length=12,
        choices=CountedFrom,
        default=CountedFrom.DETECTION,
    )
    basis = models.CharField(
        _("legal basis"),
        max_length=500,
        blank=True,
        help_text=_("e.g. Quyết định 29/2023/QĐ-UBND tỉnh Nghệ An."),
    )

    class Meta(InForceModel.Meta):
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["step", "valid_from"]

    def __str__(self):
        return str(
            _("%(step)s within %(days)s days")
            % {"step": self.get_step_display(), "days": self.days}
        )


class Incident(TimestampedModel):
    """False or distorted information about the province, handled to closure."""

    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=IncidentState,
        default=IncidentState.DETECTED,
        db_index=True,
    )
    item = models.ForeignKey(
        Item,
        verbose_name=pgettext_lazy("monitoring", "item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
    )
    story = models.ForeignKey(
        Story,
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
    )
    url = models.URLField(_("address of the information"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    source_channel = models.CharField(
        _("channel"), max_length=20, choices=SourceChannel, default=SourceChannel.OTHER
    )
    is_foreign_source = models.BooleanField(_("foreign source"), default=False)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, blank=True)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity, default=Severity.MEDIUM
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="monitoring_incidents",
    )
    detected_at = models.DateTimeField(_("detected at"))
    published_at = models.DateTimeField(
        _("information published at"), null=True, blank=True
    )
    # Verification and the clarification dossier (Circular 02/2019).
    falsity = models.CharField(
        _("verification result"), max_length=10, choices=Falsity, blank=True
    )
    verification_notes = models.TextField(_("verification notes"), blank=True)
    false_content = models.TextField(_("content of the false information"), blank=True)
    developments = models.TextField(_("developments since it appeared"), blank=True)
    impact = models.TextField(_("impact"), blank=True)
    true_facts = models.TextField(_("the true facts"), blank=True)
    reported_to = models.CharField(_("reported to"), max_length=500, blank=True)
    close_note = models.TextField(_("closing note"), blank=True)
    # When each step was done (set by the transitions).
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    verification_started_at = models.DateTimeField(
        _("verification started at"), null=True, blank=True
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    first_response_at = models.DateTimeField(
        _("first response at"), null=True, blank=True
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Deadlines fixed when the incident is opened, from the rules then in force.
    triage_due = models.DateTimeField(_("triage due"), null=True, blank=True)
    verify_due = models.DateTimeField(_("verification due"), null=True, blank=True)
    respond_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    report_due = models.DateTimeField(_("report due"), null=True, blank=True)
    close_due = models.DateTimeField(_("closing due"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-detected_at", "-pk"]
        permissions = [
            (
                "manage_incident",
                _("Can triage, assign, report and close incidents"),
            )
        ]

    def __str__(self):
        return self.title

    DUE_FIELDS = {
        Step.TRIAGE: ("triage_due", "triaged_at"),
        Step.VERIFY: ("verify_due", "verified_at"),
        Step.RESPOND: ("respond_due", "first_response_at"),
        Step.REPORT: ("report_due", "reported_at"),
        Step.CLOSE: ("close_due", "closed_at"),
    }

    def deadlines(self) -> list[dict]:
        """Each step with a deadline: when it is due, when it was done, whether it
        is (or was) late."""
        from django.utils import timezone

        now = timezone.now()
        rows = []
        for step, (due_field, done_field) in self.DUE_FIELDS.items():
            due = getattr(self, due_field)
            if due is None:
                continue
            done = getattr(self, done_field)
            if (
                step == Step.RESPOND
                and done is None
                and self.state
                in (
                    IncidentState.REPORTED,
                    IncidentState.CLOSED,
                )
            ):
                # Closed or reported without a response (verified as true, or
                # dismissed): the step no longer applies.
                continue
            if done is None and self.state == IncidentState.CLOSED:
                continue
            rows.append(
                {
                    "step": step,
                    "label": Step(step).label,
                    "due": due,
                    "done": done,
                    "late": (done or now) > due,
                }
            )
        return rows


class Response(TimestampedModel):
    """What the province did about an incident: a clarification or press release on
    the portal, information supplied to the press, a request to remove."""

    incident = models.ForeignKey(
        Incident,
        verbose_name=_("incident"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ResponseKind)
    article = models.ForeignKey(
        "portal.ArticlePage",
        verbose_name=_("portal article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipient = models.CharField(
        _("recipient"),
        max_length=500,
        blank=True,
        help_text=_("The press agency, platform or website addressed."),
    )
    url = models.URLField(_("address"), max_length=2000, blank=True)
    summary = models.TextField(_("summary"))
    sent_at = models.DateTimeField(_("date"))
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.sent_at:%d/%m/%Y}"

    @property
    def is_portal_kind(self) -> bool:
        return self.kind in (ResponseKind.CLARIFICATION, ResponseKind.PRESS_RELEASE)
