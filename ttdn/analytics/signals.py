"""Drop cached figures when an administrator changes a starting figure in the
admin (Wagtail's settings form saves the model directly)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .backends import get_backend
from .models import AnalyticsSettings


@receiver(post_save, sender=AnalyticsSettings)
def _starting_figures_changed(sender, **kwargs):
    backend = get_backend()
    backend.invalidate()
    transaction.on_commit(backend.invalidate)
