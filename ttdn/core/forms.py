"""Upload forms: the "no state secrets" declaration and the secrecy-stamp check
(``secrecy.py``) on every document uploaded through Wagtail
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``) and images (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from . import audit, secrecy

DECLARATION = _(
    "I declare that this file holds no state secret (Law 29/2018/QH14): it may "
    "be kept on a system connected to the internet."
)


def refusal_message(field_label, stamp) -> str:
    return str(
        _(
            "%(field)s: the file carries the secrecy stamp “%(stamp)s”. State "
            "secrets may not be kept on this internet-facing system; the attempt "
            "has been recorded."
        )
    ) % {"field": field_label, "stamp": stamp}


def refuse_stamped(upload, *, user, field_label):
    """Validate *upload*: a stamped file is refused, and the attempt logged."""
    try:
        secrecy.check_upload(upload)
    except secrecy.SecrecyStamp as found:
        if getattr(user, "pk", None):
            audit.log(
                instance=audit.stored(user),
                action=audit.REFUSED_UPLOAD,
                user=user,
                data={"file": (upload.name or "")[:200], "stamp": found.stamp},
            )
        raise ValidationError(refusal_message(field_label, found.stamp)) from None


class NoSecretsDeclarationMixin(forms.Form):
    def __init__(self, *args, **kwargs):
        self.uploader = kwargs.get("user")
        super().__init__(*args, **kwargs)

    no_state_secrets = forms.BooleanField(
        label=_("No state secrets"),
        help_text=DECLARATION,
        required=True,
        error_messages={
            "required": _(
                "No state secrets: tick the box to declare the file holds none."
            )
        },
    )


class DocumentForm(NoSecretsDeclarationMixin, BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "read") and "file" in self.files:
            refuse_stamped(upload, user=self.uploader, field_label=_("File"))
        return upload


class ImageForm(NoSecretsDeclarationMixin, BaseImageForm):
    pass
