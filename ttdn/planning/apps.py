from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "ttdn.planning"
    label = "planning"
    verbose_name = _("Plans, tasks and the steering committee")

    def ready(self):
        from . import machines  # noqa: F401 - registers the state machines
