"""The reader's search form: query, filters and order, checked."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.text import fold, nfc

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def normalise_query(query: str) -> str:
    """The query as typed, NFC-normalised and trimmed; empty if it has no words."""
    query = " ".join(nfc(query or "").split())[:200]
    return query if any(ch.isalnum() for ch in fold(query)) else ""


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to look for"), required=False, max_length=400)
    section = forms.IntegerField(
        label=pgettext_lazy("search", "Section"), required=False, min_value=1
    )
    date_from = forms.DateField(
        label=_("From date"), required=False, input_formats=DATE_FORMATS
    )
    date_to = forms.DateField(
        label=_("To date"), required=False, input_formats=DATE_FORMATS
    )
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=())
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Most relevant")), ("date", _("Newest"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = [("", "")] + list(
            settings.WAGTAIL_CONTENT_LANGUAGES
        )
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = _(
                "Enter the date as day/month/year, for example 25/12/2025."
            )

    def clean_q(self):
        return normalise_query(self.cleaned_data.get("q", ""))

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "date_to", _("The end date must not be before the start date.")
            )
        return cleaned
