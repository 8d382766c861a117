"""Citizens' questions and feedback (Decree 42/2022 Art. 8): asked on the
portal, routed to the responsible organisation with a deadline, answered in the
back office and published as questions and answers once the answer is
approved. The asker's name and contact are never shown on the portal."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ttdn.core.text import nfc

from .choices import QuestionStatus, QuestionTopic


class Question(models.Model):
    code = models.CharField(
        _("tracking code"), max_length=20, unique=True, editable=False
    )
    name = models.CharField(_("full name"), max_length=120)
    contact = models.CharField(
        _("contact"),
        max_length=160,
        help_text=_("E-mail address or telephone number of the person asking."),
    )
    topic = models.CharField(
        _("topic"),
        max_length=30,
        choices=QuestionTopic.choices,
        default=QuestionTopic.FOREIGN_AFFAIRS,
    )
    subject = models.CharField(pgettext_lazy("question", "subject"), max_length=200)
    question = models.TextField(_("question"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("attachment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    language = models.CharField(_("language"), max_length=10, default="vi")
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("answer due on"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=QuestionStatus.choices,
        default=QuestionStatus.RECEIVED,
        editable=False,
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    received_at = models.DateTimeField(_("received at"), editable=False)
    answered_at = models.DateTimeField(
        _("answered at"), null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, editable=False
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("citizen's question")
        verbose_name_plural = _("citizens' questions")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return f"{self.code} — {self.subject}"

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        self.subject = nfc(self.subject.strip())
        self.question = nfc(self.question.strip())
        self.answer = nfc(self.answer.strip())
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == QuestionStatus.PUBLISHED
