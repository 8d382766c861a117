from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "ttdn.analytics"
    label = "analytics"
    verbose_name = _("Audience statistics")

    def ready(self):
        from . import signals  # noqa: F401  (cache invalidation of the figures)
