from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import DocumentField, DocumentType


class LibraryFilterForm(forms.Form):
    """The portal listing's filters (GET). A value that is not one of the
    choices is reported next to its field and ignored."""

    q = forms.CharField(
        label=_("Words (number, summary or text)"), required=False, max_length=200
    )
    type = forms.ChoiceField(
        label=pgettext_lazy("library", "Type"),
        required=False,
        choices=[("", _("All types")), *DocumentType.choices],
    )
    field = forms.ChoiceField(
        label=pgettext_lazy("library", "Field"),
        required=False,
        choices=[("", _("All fields")), *DocumentField.choices],
    )
    issuer = forms.TypedChoiceField(
        label=_("Issuing body"), required=False, coerce=int, empty_value=None
    )
    year = forms.TypedChoiceField(
        label=_("Year of issue"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, issuers=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].choices = [
            ("", _("All issuing bodies")),
            *[(o.pk, o.name) for o in issuers],
        ]
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]

    def value(self, name):
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None
