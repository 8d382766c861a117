from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ttdn.reports"
    label = "reports"
    verbose_name = _("Reports and statistics")

    def ready(self):
        from . import machines  # noqa: F401 - registers the state machine
