from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AffairsConfig(AppConfig):
    name = "ttdn.affairs"
    label = "affairs"
    verbose_name = _("Foreign affairs")

    def ready(self):
        from . import machines  # noqa: F401 - registers the state machines
