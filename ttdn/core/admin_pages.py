"""A single admin page in a menu group (a statistics page, a dashboard, a board),
listed in the menu only for the users it is for. The view checks access itself;
the menu item only hides what a user could not open."""

from django.urls import path
from django.utils.functional import cached_property

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class AdminPageViewSet(ViewSet):
    view_class = None
    extra_urls: tuple = ()

    def shown_to(self, user) -> bool:
        """Whether the menu lists the page for this user."""
        return True

    @cached_property
    def menu_item_class(self):
        viewset = self

        class AdminPageMenuItem(MenuItem):
            def is_shown(self, request):
                return viewset.shown_to(request.user)

        return AdminPageMenuItem

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index"), *self.extra_urls]
