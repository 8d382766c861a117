"""Admin forms of the register: record forms reading dd/mm/yyyy, the transition
form (comment), the import form and the statistics form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from ttdn.directory.forms import DAY_INPUT_FORMATS
from ttdn.directory.models import Country, Organisation
from ttdn.documents.selectors import documents_for

from .selectors import Period

# Child formsets of the record forms, by the field name services use in errors.
FORMSET_FIELDS = {
    "members": "members",
    "countries": "country_links",
    "partners": "partner_links",
    "journalists": "journalists",
}


class RecordForm(WagtailAdminModelForm):
    """Dates as dd/mm/yyyy (the admin date picker's format); links to the
    document library offer the documents the user may see."""

    library_fields = ("decision_entry", "text_entry")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.input_formats = DAY_INPUT_FORMATS
        user = getattr(self, "for_user", None)
        for name in self.library_fields:
            if name in self.fields and user is not None:
                self.fields[name].queryset = documents_for(user)


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=pgettext_lazy("affairs", "Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )

    def __init__(self, *args, comment_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        if comment_required:
            self.fields["comment"].required = True
            self.fields["comment"].error_messages["required"] = _(
                "Comment: give the reason for this action."
            )
            self.fields["comment"].help_text = _("Required: say why.")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Register (XLSX)"),
        help_text=_(
            "An Excel workbook (.xlsx) with one delegation per row and the column "
            "headings of the template."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(
                _("Register (XLSX): choose an Excel .xlsx file (not .xls or .csv).")
            )
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("Register (XLSX): the file is larger than 5 MB."))
        return upload


PERIOD_KINDS = [
    ("year", _("year")),
    ("half", _("half-year")),
    ("window", _("reporting window 15/12 – 14/12")),
    ("range", _("custom range")),
]
BREAKDOWNS = [
    ("country", _("country")),
    ("unit", _("host or sending unit")),
    ("province", pgettext_lazy("affairs", "province")),
]


class StatisticsForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"), choices=PERIOD_KINDS, initial="year", required=False
    )
    year = forms.IntegerField(
        label=_("Year"), min_value=1990, max_value=2100, required=False
    )
    half = forms.ChoiceField(
        label=_("Half-year"),
        choices=[("1", _("first half")), ("2", _("second half"))],
        required=False,
    )
    start = forms.DateField(
        label=pgettext_lazy("affairs", "From"),
        required=False,
        input_formats=DAY_INPUT_FORMATS,
        widget=AdminDateInput,
    )
    end = forms.DateField(
        label=pgettext_lazy("affairs", "To"),
        required=False,
        input_formats=DAY_INPUT_FORMATS,
        widget=AdminDateInput,
    )
    country = forms.ModelChoiceField(
        label=_("Of which: country"),
        queryset=Country.objects.none(),
        required=False,
        help_text=_("Shows the part of the figures for this country."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Only the unit"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_(
            "Counts the records of this unit and of the bodies merged into it."
        ),
    )
    rollup_on = forms.DateField(
        label=_("Units as on"),
        required=False,
        input_formats=DAY_INPUT_FORMATS,
        widget=AdminDateInput,
        help_text=_(
            "Records of units that no longer exist count for their successor "
            "valid on this day (default: the end of the period)."
        ),
    )
    breakdown = forms.ChoiceField(
        label=_("Break down by"), choices=BREAKDOWNS, initial="country", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(
            pk__in=_countries_with_delegations()
        ).order_by("name_vi")
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=_organisations_with_delegations()
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("period") or "year"
        year = cleaned.get("year") or timezone.localdate().year
        if kind == "range":
            start, end = cleaned.get("start"), cleaned.get("end")
            if not (start and end):
                raise ValidationError(_("From, To: a custom range needs both days."))
            if end < start:
                self.add_error("end", _("To: the range ends before it starts."))
                return cleaned
            cleaned["period_obj"] = Period.between(start, end)
        elif kind == "half":
            cleaned["period_obj"] = Period.for_half(year, int(cleaned.get("half") or 1))
        elif kind == "window":
            cleaned["period_obj"] = Period.reporting_window(year)
        else:
            cleaned["period_obj"] = Period.for_year(year)
        return cleaned


def _countries_with_delegations():
    from .models import DelegationCountry

    return DelegationCountry.objects.values("country_id").distinct()


def _organisations_with_delegations():
    from .models import Delegation

    return Delegation.objects.values("organisation_id").distinct()
