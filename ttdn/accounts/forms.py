"""The Wagtail user forms with the fields the platform adds: position and the
organisation the user works for (scoping, see selectors.py)."""

from wagtail.users.forms import UserCreationForm, UserEditForm

EXTRA_FIELDS = ("position", "organisation")


def _widgets():
    from ttdn.directory.views import organisation_chooser

    return {"organisation": organisation_chooser.widget_class}


class TTDNUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(EXTRA_FIELDS)
        widgets = {**UserCreationForm.Meta.widgets, **_widgets()}


class TTDNUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(EXTRA_FIELDS)
        widgets = {**UserEditForm.Meta.widgets, **_widgets()}
