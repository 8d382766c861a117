from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ttdn.monitoring"
    label = "monitoring"
    verbose_name = _("Information monitoring")

    def ready(self):
        from . import machines  # noqa: F401 - registers the state machine
