from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """Wagtail image whose description (the alt text) is required."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("description (alt text)"),
        help_text=_("What the image shows, for readers who cannot see it. Required."),
    )
    caption = models.CharField(max_length=500, blank=True, verbose_name=_("caption"))
    credit = models.CharField(max_length=255, blank=True, verbose_name=_("credit"))

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(
        PortalImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class TransitionLog(models.Model):
    """One performed transition (or a record's creation) of any record that runs
    on the workflow engine (``ttdn.core.workflow``): the one history table."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    machine = models.CharField(max_length=50)
    action = models.CharField(_("action"), max_length=50)
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField(_("user"), max_length=255, blank=True)
    comment = models.TextField(pgettext_lazy("workflow", "comment"), blank=True)
    performed_at = models.DateTimeField(_("performed at"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow history entry")
        verbose_name_plural = _("workflow history")
        ordering = ["performed_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "performed_at"]),
            models.Index(fields=["machine", "to_state", "performed_at"]),
        ]

    def __str__(self):
        return f"{self.action}: {self.from_state} → {self.to_state}"

    @staticmethod
    def content_type_for(record) -> ContentType:
        return ContentType.objects.get_for_model(record, for_concrete_model=False)
