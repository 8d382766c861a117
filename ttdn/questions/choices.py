from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("question", "Received")
    ASSIGNED = "assigned", pgettext_lazy("question", "Being answered")
    SUBMITTED = "submitted", pgettext_lazy("question", "Answer awaiting approval")
    PUBLISHED = "published", pgettext_lazy("question", "Answered and published")
    ANSWERED = "answered", pgettext_lazy("question", "Answered privately")
    REJECTED = "rejected", pgettext_lazy("question", "Not accepted")


OPEN_STATUSES = (
    QuestionStatus.RECEIVED,
    QuestionStatus.ASSIGNED,
    QuestionStatus.SUBMITTED,
)


class QuestionTopic(models.TextChoices):
    FOREIGN_AFFAIRS = "foreign_affairs", _("Foreign affairs and delegations")
    CONSULAR = "consular", _("Consular matters, passports and visas")
    NGO = "ngo", _("Foreign non-governmental organisations and aid")
    INVESTMENT = "investment", _("Foreign investment and cooperation")
    BORDER = "border", _("Borders and border areas")
    INFORMATION = "information", _("Information about the province")
    OTHER = "other", _("Other")
