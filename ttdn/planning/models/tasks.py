"""Tasks, their occurrences, assignments and work items."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.text import nfc
from ttdn.core.timefmt import format_short

from ..choices import (
    AssignmentGroup,
    AssignmentRole,
    Recurrence,
    WorkStatus,
)
from ..schedule import classify, occurrence_label
from .base import TimestampedModel
from .plans import ContentArea, Plan


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
