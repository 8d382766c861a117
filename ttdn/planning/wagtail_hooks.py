from wagtail import hooks

from .views import PlanningViewSetGroup


@hooks.register("register_admin_viewset")
def register_planning():
    return PlanningViewSetGroup()
