from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "ttdn.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals

        signals.connect()
        # A deploy migrates: cached pages, routes and fragments of the old code
        # are dropped with the generation.
        post_migrate.connect(signals.after_migrate, sender=self)
