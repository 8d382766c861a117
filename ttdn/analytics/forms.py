"""Admin forms: errors name the field and the problem, in the reader's language."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class StartingFigureFormMixin:
    """The model's validators give the messages; the form field adds only the
    "not a number" one, with the field's name."""

    starting_fields = {
        "starting_visits": _("Starting total visits: enter a whole number."),
        "starting_views": _("Starting views: enter a whole number."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, invalid in self.starting_fields.items():
            field = self.fields.get(name)
            if field is None:
                continue
            # Range checks are the model field's (with the field's name in them).
            field.validators = []
            field.error_messages["invalid"] = invalid
            field.error_messages["required"] = invalid
            field.widget.attrs.update({"min": 0, "step": 1})


class AnalyticsSettingsForm(StartingFigureFormMixin, WagtailAdminModelForm):
    pass
