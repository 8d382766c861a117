"""Admin forms of the reports app."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from ttdn.directory.models import Organisation
from ttdn.directory.selectors import current

from .choices import ReportKind
from .models import Report


class PeriodForm(forms.Form):
    """A reporting period (GET): first and last day."""

    start = forms.DateField(label=_("From"), widget=AdminDateInput)
    end = forms.DateField(label=_("To"), widget=AdminDateInput)

    def __init__(self, *args, default=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end",
                _("To: the last day (%(end)s) is before the first day (%(start)s).")
                % {"end": f"{end:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"},
            )
        return cleaned


class ReportCreateForm(WagtailAdminModelForm):
    """Step one: the kind, the period and the issuing body. The draft is then
    filled from the data (with suggested narrative) and opened for editing."""

    class Meta:
        model = Report
        fields = ["kind", "period_start", "period_end", "issuing_organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["kind"].choices = ReportKind.choices
        self.fields["issuing_organisation"].required = False
        self.fields["issuing_organisation"].help_text = _(
            "Empty: the foreign-affairs body of the directory settings."
        )
        self.fields["issuing_organisation"].widget = forms.Select(
            choices=[("", "---------")]
            + [
                (o.pk, o.name)
                for o in current(Organisation.objects.all()).order_by("name")
            ]
        )
        self.initial.setdefault("period_start", dt.date(today.year, 1, 1))
        self.initial.setdefault("period_end", dt.date(today.year, 6, 30))


class ReportForm(WagtailAdminModelForm):
    class Meta:
        model = Report
        fields = [
            "subject",
            "period_start",
            "period_end",
            "issuing_organisation",
            "superior_name",
            "issuing_name",
            "code",
            "addressees",
            "intro",
            "results",
            "limitations",
            "tasks_ahead",
            "collective_name",
            "signing_authority",
            "head_position",
            "signer_position",
            "signer_name",
            "recipients",
            "drafting_unit",
            "copies",
        ]


class IssueForm(forms.Form):
    issued_on = forms.DateField(label=_("Date of issue"), widget=AdminDateInput)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Empty: the next free number of this code this year."),
    )
    library_public = forms.TypedChoiceField(
        label=_("In the document library"),
        choices=[
            ("", _("Filed, not public (back office only)")),
            ("public", _("Filed and public on the portal")),
        ],
        coerce=bool,
        empty_value=False,
        required=False,
        help_text=_("The issued document is filed in the library either way."),
    )
