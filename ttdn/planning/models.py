"""Plans, tasks, progress reports, the steering committee and its meetings
(docs/planning.md).

The shape of task tracking:

* a :class:`Task` belongs to a :class:`Plan` (or comes from a steering-committee
  :class:`Conclusion`) and has one or more :class:`TaskOccurrence` — a single due
  date, or one per month, quarter or half-year;
* :class:`TaskAssignment` says which organisations lead or support it (a target
  group such as "all commune-level People's Committees" is expanded to the
  organisations valid on the assignment date);
* a :class:`WorkItem` is one lead unit's work for one occurrence: the unit of the
  four-way status (``schedule.classify``), of progress reports and of reminders.

State changes happen in ``services.py`` only (explicit actions, all or nothing);
reads and scoping by organisation in ``selectors.py``.
"""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ttdn.core.text import nfc
from ttdn.core.timefmt import format_short

from .choices import (
    AssignmentGroup,
    AssignmentRole,
    CommitteeRole,
    MeetingKind,
    PlanStatus,
    PlanTerm,
    Recurrence,
    ReminderKind,
    ReportStatus,
    WorkStatus,
)
from .schedule import classify, occurrence_label

document_code_validator = RegexValidator(
    r"^[^\W\d_]+(?:-[^\W_]+)+$",
    _(
        "Code: letters joined by hyphens without spaces, the document type first, "
        "e.g. KH-UBND."
    ),
)
year_validators = [MinValueValidator(1990), MaxValueValidator(2100)]


def document_number(number: int | None, code: str) -> str:
    """``51/KH-UBND``; numbers below 10 with a leading zero (Decree 30/2020);
    ``…/KH-UBND`` while the number is not assigned."""
    if number is None:
        return f"…/{code}" if code else ""
    return f"{number:02d}/{code}" if code else f"{number:02d}"


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


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


# --- tasks ----------------------------------------------------------------------
class Task(TimestampedModel):
    """A task of a plan, or a follow-up of a steering-committee conclusion."""

    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    content_area = models.ForeignKey(
        ContentArea,
        verbose_name=_("content area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    source_conclusion = models.ForeignKey(
        "Conclusion",
        verbose_name=_("from the conclusion"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    code = models.CharField(
        _("number in the plan"),
        max_length=20,
        blank=True,
        help_text=_("How the plan numbers the task, e.g. II.3."),
    )
    title = models.CharField(pgettext_lazy("planning", "task"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    expected_output = models.TextField(
        _("expected output"),
        blank=True,
        help_text=_("What the unit hands in, e.g. a report, a publication, an event."),
    )
    indicator_code = models.CharField(
        _("indicator"),
        max_length=50,
        blank=True,
        help_text=_("The indicator this task feeds (Reports › Indicators)."),
    )
    recurrence = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=Recurrence.choices,
        blank=True,
        default=Recurrence.NONE,
    )
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("For a one-off task."),
    )
    starts_on = models.DateField(
        _("starts on"),
        help_text=_("First day of the task (of the first period when it recurs)."),
    )
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Last day of the last period of a recurring task."),
    )
    due_days_after_period = models.PositiveSmallIntegerField(
        _("days after each period"),
        default=0,
        validators=[MaxValueValidator(90)],
        help_text=_(
            "A recurring task's result is due this many days after the end of each "
            "period (0: on its last day)."
        ),
    )
    assigned_on = models.DateField(
        _("assigned on"),
        help_text=_(
            "Target groups are expanded to the organisations valid on this day."
        ),
    )
    # Target groups (AssignmentGroup values), expanded into TaskAssignment rows.
    lead_groups = models.JSONField(_("lead groups"), default=list, blank=True)
    support_groups = models.JSONField(_("supporting groups"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = pgettext_lazy("planning", "task")
        verbose_name_plural = pgettext_lazy("planning", "tasks")
        ordering = ["plan_id", "code", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="planning_task_range",
                violation_error_message=_(
                    "Ends on: the last day cannot be before the first day."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def save(self, *args, **kwargs):
        self.title = nfc(self.title.strip())
        super().save(*args, **kwargs)

    @property
    def schedule_display(self) -> str:
        if not self.recurrence:
            return format_short(self.due_date)
        period = f"{format_short(self.starts_on)} – {format_short(self.ends_on)}"
        return f"{self.get_recurrence_display()} ({period})"

    def group_labels(self, groups) -> list[str]:
        return [str(AssignmentGroup(g).label) for g in groups]


class TaskOccurrence(models.Model):
    """One period of a task and its due date (a one-off task has one)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="occurrences")
    sequence = models.PositiveSmallIntegerField(_("number"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_date = models.DateField(_("due date"))

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["task_id", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "sequence"], name="planning_occurrence_unique"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """``Tháng 3/2026``, ``Quý I/2026``, ``hạn 30/06/2026`` in the active
        language."""
        return occurrence_label(self.task.recurrence, self.period_start, self.due_date)


class TaskAssignment(models.Model):
    """An organisation leading or supporting a task, directly or through a group."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="task_assignments",
    )
    role = models.CharField(_("role"), max_length=10, choices=AssignmentRole.choices)
    via_group = models.CharField(
        _("through the group"),
        max_length=20,
        choices=AssignmentGroup.choices,
        blank=True,
    )
    assigned_on = models.DateField(_("assigned on"))

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["task_id", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "organisation"], name="planning_assignment_unique"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class WorkItem(models.Model):
    """One lead unit's work for one occurrence of a task: what is reported,
    accepted, reminded and classified (done on time / done late / not done within
    the deadline / overdue)."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="work_items", editable=False
    )
    assignment = models.ForeignKey(
        TaskAssignment, on_delete=models.CASCADE, related_name="work_items"
    )
    occurrence = models.ForeignKey(
        TaskOccurrence, on_delete=models.CASCADE, related_name="work_items"
    )
    due_date = models.DateField(_("due date"))
    completed_on = models.DateField(
        _("completed on"),
        null=True,
        blank=True,
        help_text=_("The day the accepted final report was submitted."),
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("work item")
        verbose_name_plural = _("work items")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "occurrence"], name="planning_work_item_unique"
            )
        ]

    def __str__(self):
        return f"{self.task} — {self.assignment.organisation} — {self.occurrence}"

    def status_on(self, day: dt.date) -> WorkStatus:
        return classify(
            due_date=self.due_date,
            as_of=day,
            completed_on=self.completed_on,
            accepted_on=self.accepted_on,
        )


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


# --- steering committee ---------------------------------------------------------
class SteeringCommittee(ClusterableModel, TimestampedModel):
    """The provincial TTĐN steering committee (Ban Chỉ đạo công tác thông tin đối
    ngoại), established by the provincial Party Standing Board."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("e.g. Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Sơn La."),
    )
    decision = models.CharField(
        _("establishing decision"),
        max_length=255,
        blank=True,
        help_text=_("Number and date, e.g. Quyết định số 123-QĐ/TU ngày 05/08/2025."),
    )
    established_on = models.DateField(_("established on"))
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    regulation = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("operating regulation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("steering committee")
        verbose_name_plural = _("steering committees")
        ordering = ["-established_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(dissolved_on__gte=F("established_on")),
                name="planning_committee_range",
                violation_error_message=_(
                    "Dissolved on: it cannot be before the day it was established."
                ),
            ),
        ]

    def __str__(self):
        return self.name


class CommitteeMember(Orderable):
    """A person's seat on the committee: role, home organisation and portfolio,
    from one day to another (members change with their posts)."""

    committee = ParentalKey(
        SteeringCommittee, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="committee_seats",
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("home organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh."),
    )
    portfolio = models.TextField(
        _("portfolio"),
        blank=True,
        help_text=_("The field the member is in charge of on the committee."),
    )
    valid_from = models.DateField(_("member from"))
    valid_to = models.DateField(_("member until"), null=True, blank=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("position"),
        FieldPanel("portfolio"),
        FieldPanel("valid_from"),
        FieldPanel("valid_to"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}"

    def is_member_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (
            self.valid_to is None or day <= self.valid_to
        )


class Meeting(ClusterableModel, TimestampedModel):
    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=_("steering committee"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=500)
    held_on = models.DateField(_("date"))
    location = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "directory.Person",
        verbose_name=_("chaired by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agenda = models.TextField(_("agenda"), blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Results, limitations and what was decided."),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({format_short(self.held_on)})"


class MeetingDocument(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=255, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title or str(self.document)


class Conclusion(Orderable):
    """A conclusion of a meeting; follow-ups become tasks
    (``services.conclusion_create_tasks``)."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="conclusions")
    text = models.TextField(_("conclusion"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"


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
