"""The Wagtail user admin with our user forms (see wagtail_users.py)."""

from django.utils.functional import cached_property

from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import TTDNUserCreationForm, TTDNUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        if for_update:
            return TTDNUserEditForm
        return TTDNUserCreationForm

    @cached_property
    def create_template_name(self):
        return "accounts/users/create.html"

    @cached_property
    def edit_template_name(self):
        return "accounts/users/edit.html"
