from wagtail import hooks

from .views import ReportsViewSetGroup


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSetGroup()
