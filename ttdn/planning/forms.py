"""Admin forms of planning. They collect input; the rules live in ``services.py``,
whose ``ValidationError`` the views put back next to the fields
(``views.ServiceFormMixin``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from ttdn.core.indicators import registry
from ttdn.directory.models import Organisation
from ttdn.directory.selectors import current

from . import selectors
from .choices import AssignmentGroup, PlanStatus, Recurrence
from .models import Conclusion, ContentArea, Plan, Task, WorkItem


def day_field(label, *, required=False, help_text=""):
    return forms.DateField(
        label=label, required=required, widget=AdminDateInput, help_text=help_text
    )


class PlanningModelForm(WagtailAdminModelForm):
    """Dates are read day first (dd/mm/yyyy) by the project's formats
    (ttdn/core/formats)."""


def _organisation_choices():
    """Current organisations, by name (a task is assigned to bodies valid today
    or on its assignment day; the service checks the day)."""
    return current(Organisation.objects.all()).order_by("name")


class OrganisationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class TaskForm(PlanningModelForm):
    """Task with its schedule and assignments (units and groups)."""

    lead_organisations = OrganisationsField(
        label=_("Lead units"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    lead_groups = forms.MultipleChoiceField(
        label=_("Lead groups"),
        choices=AssignmentGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each unit of the group valid on the assignment day leads the task and "
            "reports on it."
        ),
    )
    support_organisations = OrganisationsField(
        label=_("Supporting units"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    support_groups = forms.MultipleChoiceField(
        label=_("Supporting groups"),
        choices=AssignmentGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source_conclusion = forms.ModelChoiceField(
        queryset=Conclusion.objects.all(), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Task
        fields = [
            "plan",
            "content_area",
            "code",
            "title",
            "description",
            "expected_output",
            "indicator_code",
            "recurrence",
            "due_date",
            "starts_on",
            "ends_on",
            "due_days_after_period",
            "assigned_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = _organisation_choices()
        instance = self.instance
        if instance.pk:
            # Keep units assigned earlier (possibly no longer valid) choosable.
            assigned = Organisation.objects.filter(task_assignments__task=instance)
            organisations = (organisations | assigned).distinct().order_by("name")
        self.fields["lead_organisations"].queryset = organisations
        self.fields["support_organisations"].queryset = organisations
        self.fields["plan"].queryset = Plan.objects.exclude(status=PlanStatus.CLOSED)
        self.fields["plan"].required = False
        self.fields["content_area"].queryset = ContentArea.objects.select_related(
            "plan"
        ).order_by("plan_id", "sort_order")
        self.fields["content_area"].label_from_instance = lambda area: (
            f"{area.plan.document_number or area.plan.title}: {area.title}"
        )
        self.fields["starts_on"].required = False
        self.fields["assigned_on"].required = False
        self.fields["indicator_code"] = forms.ChoiceField(
            label=_("Indicator"),
            choices=[("", "---------"), *indicator_choices()],
            required=False,
            help_text=self.fields["indicator_code"].help_text,
        )
        if instance.pk:
            direct = instance.assignments.filter(via_group="")
            self.initial.setdefault(
                "lead_organisations",
                [a.organisation_id for a in direct if a.role == "lead"],
            )
            self.initial.setdefault(
                "support_organisations",
                [a.organisation_id for a in direct if a.role == "support"],
            )
            self.initial.setdefault("lead_groups", instance.lead_groups)
            self.initial.setdefault("support_groups", instance.support_groups)
            self.initial.setdefault("source_conclusion", instance.source_conclusion_id)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("recurrence") == Recurrence.NONE and cleaned.get("ends_on"):
            cleaned["ends_on"] = None
        return cleaned


def indicator_choices():
    return [(i.code, f"{i.code} — {i.name}") for i in registry.all()]


class WorkItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item: WorkItem):
        return (
            f"{item.task} — {item.assignment.organisation.name} — "
            f"{item.occurrence.label} (hạn {item.due_date:%d/%m/%Y})"
        )


class ProgressReportForm(PlanningModelForm):
    """The work item is limited to what the user may report on."""

    work_item = WorkItemChoiceField(
        label=_("Task and period"), queryset=WorkItem.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        instance = self.instance
        include = instance.work_item_id if instance.pk else None
        self.fields["work_item"].queryset = selectors.reportable_work_items(
            user, include=include
        )
        if instance.pk:
            self.fields["work_item"].disabled = True
        self.fields["period_start"].required = False
        self.fields["period_end"].required = False


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("return", _("Return to the unit"))],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    comment = forms.CharField(
        label=pgettext_lazy("review", "Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when returning the report."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == "return"
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", _("Comment: say why the report is returned."))
        return cleaned


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IssuePlanForm(TransitionForm):
    number = forms.IntegerField(label=_("Document number"), min_value=1)
    issued_on = day_field(_("Date of issue"), required=True)
