"""Wagtail 8 adds custom user fields through a UserViewSet named by a
WagtailUsersAppConfig subclass; this one replaces "wagtail.users" in
INSTALLED_APPS (label and templates stay Wagtail's)."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "ttdn.accounts.viewsets.UserViewSet"
