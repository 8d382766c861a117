from wagtail import hooks

from . import actions
from .views import CHOOSERS, DirectoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_directory():
    return DirectoryViewSetGroup()


@hooks.register("register_admin_viewset")
def register_directory_choosers():
    return list(CHOOSERS)


@hooks.register("register_actions")
def register_directory_actions(registry):
    actions.register(registry)
