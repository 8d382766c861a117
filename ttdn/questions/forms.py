"""The portal's question form: every message names its field; spam is kept
out by a honeypot field, a signed time stamp (a form sent within seconds of
being shown, or hours later, is refused) and the per-address limit
(``throttle.py``)."""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .choices import QuestionTopic

SALT = "ttdn.questions.form"
PHONE = re.compile(r"^\+?[0-9 .()-]{9,20}$")


def started_token(now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


class QuestionForm(forms.Form):
    name = forms.CharField(
        label=_("Full name"),
        max_length=120,
        error_messages={
            "required": _("Full name: enter your name."),
            "max_length": _("Full name: at most %(limit_value)d characters."),
        },
    )
    contact = forms.CharField(
        label=_("E-mail or telephone"),
        max_length=160,
        help_text=_("Used only to reach you about this question; never published."),
        error_messages={"required": _("E-mail or telephone: enter one of them.")},
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=QuestionTopic.choices,
        initial=QuestionTopic.FOREIGN_AFFAIRS,
        error_messages={"invalid_choice": _("Topic: choose one of the list.")},
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={
            "required": _("Subject: say in a few words what the question is about."),
            "max_length": _("Subject: at most %(limit_value)d characters."),
        },
    )
    question = forms.CharField(
        label=_("Question"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={
            "required": _("Question: write your question."),
            "max_length": _("Question: at most %(limit_value)d characters."),
        },
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, DOCX, JPG or PNG, at most 5 MB."),
    )
    # Spam protection: people leave "website" empty (it is hidden from them);
    # "started" says when the form was shown (signed).
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, now: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now if now is not None else time.time()
        self.is_spam = False
        self.expired = False
        if not self.is_bound:
            self.initial["started"] = started_token(self.now)

    def clean_name(self):
        value = self.cleaned_data["name"].strip()
        if len(value) < 2:
            raise forms.ValidationError(_("Full name: enter your name."))
        return value

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("E-mail or telephone: “%(value)s” is not a valid e-mail address.")
                    % {"value": value}
                ) from None
            return value
        if not PHONE.match(value) or len(re.sub(r"\D", "", value)) < 9:
            raise forms.ValidationError(
                _(
                    "E-mail or telephone: enter an e-mail address or a telephone "
                    "number of at least 9 digits."
                )
            )
        return value

    def clean_question(self):
        value = self.cleaned_data["question"].strip()
        if len(value) < 10:
            raise forms.ValidationError(_("Question: write at least 10 characters."))
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        config = settings.TTDN_QUESTIONS
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in config["ATTACHMENT_EXTENSIONS"]:
            raise forms.ValidationError(
                _("Attachment: only PDF, DOCX, JPG or PNG files are accepted.")
            )
        if upload.size > config["ATTACHMENT_MAX_BYTES"]:
            raise forms.ValidationError(
                _("Attachment: the file is larger than %(size)d MB.")
                % {"size": config["ATTACHMENT_MAX_BYTES"] // (1024 * 1024)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        config = settings.TTDN_QUESTIONS
        if cleaned.get("website"):
            self.is_spam = True
        # The stamp is the time the form was shown, signed (a robot cannot
        # make one up); judged here against the form's own clock.
        try:
            started = int(signing.loads(cleaned.get("started") or "", salt=SALT))
        except (signing.BadSignature, TypeError, ValueError):
            self.is_spam = True
        else:
            elapsed = self.now - started
            if elapsed < config["MIN_SECONDS"]:
                self.is_spam = True
            elif elapsed > config["MAX_FORM_AGE"]:
                self.expired = True
                raise forms.ValidationError(
                    _(
                        "The form was open too long and has expired: your text is "
                        "kept below, send it again."
                    )
                )
        if self.is_spam:
            raise forms.ValidationError(
                _("The question could not be sent. Please check it and send it again.")
            )
        return cleaned

    def with_new_stamp(self) -> None:
        """After an expired form: show it again with a fresh time stamp (the
        errors found stay)."""
        self.errors  # noqa: B018 - validate before the data change
        self.data = self.data.copy()
        self.data["started"] = started_token(self.now)


class LookupForm(forms.Form):
    ma = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        error_messages={"required": _("Tracking code: enter the code you were given.")},
    )
