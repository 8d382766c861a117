"""Admin forms of the monitoring app. They validate what a form can see and leave
the business rules to ``services`` (whose errors are put back on the fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput, AdminPageChooser

from ttdn.directory import selectors as directory
from ttdn.directory.models import Organisation
from ttdn.portal.models import ArticlePage

from . import provinces, services
from .choices import Falsity, ResponseKind, Severity, SourceChannel, Topic
from .models import DeadlineRule, Incident, Source


def home_province_choices():
    return [
        ("", _("— a national outlet —")),
        *((code, p.name) for code, p in sorted(provinces.provinces().items())),
    ]


class SourceForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        home = cleaned.get("home_province") or ""
        if home and home not in provinces.provinces():
            self.add_error(
                "home_province",
                _("Home province: choose one of the 34 provinces or leave it empty."),
            )
        if not self.errors:
            probe = Source(
                url=cleaned.get("url", ""),
                source_type=cleaned.get("source_type", ""),
                link_selector=cleaned.get("link_selector", "") or "",
            )
            for name, messages in services.source_errors(probe).items():
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
        return cleaned


class DeadlineRuleForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        probe = DeadlineRule(
            pk=self.instance.pk,
            step=cleaned.get("step"),
            days=cleaned.get("days"),
            counted_from=cleaned.get("counted_from"),
            valid_from=cleaned.get("valid_from"),
            valid_to=cleaned.get("valid_to"),
            basis=cleaned.get("basis", ""),
        )
        for name, messages in services.deadline_rule_errors(probe).items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        return cleaned


def current_organisations():
    return directory.current(Organisation.objects.all()).order_by("name")


class IncidentCreateForm(forms.Form):
    """An incident opened by hand (e.g. a notice from a ministry)."""

    title = forms.CharField(label=_("Title"), max_length=500)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, required=False)
    url = forms.URLField(
        label=_("Address of the information"), required=False, max_length=2000
    )
    source_channel = forms.ChoiceField(
        label=_("Channel"), choices=SourceChannel.choices
    )
    severity = forms.ChoiceField(
        label=_("Severity"), choices=Severity.choices, initial=Severity.MEDIUM
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", "—"), *Topic.choices], required=False
    )
    detected_at = forms.DateTimeField(
        label=_("Detected at"), widget=AdminDateTimeInput, required=False
    )
    published_at = forms.DateTimeField(
        label=_("Information published at"), widget=AdminDateTimeInput, required=False
    )


class IncidentEditForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = list(services.EDITABLE_FIELDS)
        widgets = {"published_at": AdminDateTimeInput}


class TransitionForm(forms.Form):
    to_state = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=Organisation.objects.none(), required=False
    )
    severity = forms.ChoiceField(
        label=_("Severity"), choices=[("", "—"), *Severity.choices], required=False
    )
    falsity = forms.ChoiceField(
        label=_("Verification result"),
        choices=[("", "—"), *Falsity.choices],
        required=False,
    )
    verification_notes = forms.CharField(
        label=_("Verification notes"), widget=forms.Textarea, required=False
    )
    reported_to = forms.CharField(label=_("Reported to"), required=False)

    def __init__(self, *args, incident: Incident | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = current_organisations()
        if incident is not None:
            self.fields["organisation"].initial = incident.organisation_id
            self.fields["severity"].initial = incident.severity
            self.fields["falsity"].initial = incident.falsity
            self.fields["verification_notes"].initial = incident.verification_notes
            self.fields["reported_to"].initial = incident.reported_to


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ResponseKind.choices)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea)
    sent_at = forms.DateTimeField(
        label=_("Date"), widget=AdminDateTimeInput, required=False
    )
    article = forms.ModelChoiceField(
        label=_("Portal article"),
        queryset=ArticlePage.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage], can_choose_root=False),
        required=False,
        help_text=_("For a clarification or press release published on the portal."),
    )
    recipient = forms.CharField(label=_("Recipient"), required=False)
    url = forms.URLField(label=_("Address"), required=False, max_length=2000)
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea, required=False)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("relevant", "relevant"),
            ("not_relevant", "not_relevant"),
            ("incident", "incident"),
        ]
    )
    topic_label = forms.ChoiceField(
        label=_("Topic"), choices=[("", "—"), *Topic.choices], required=False
    )
