"""Kinds and states of reports (docs/reports.md). Values are stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    TTDN_H1 = "ttdn_h1", _("TTĐN half-year review (sơ kết 6 tháng)")
    TTDN_ANNUAL = "ttdn_annual", _("TTĐN annual review (tổng kết năm)")
    FOREIGN_AFFAIRS = "foreign_affairs", _("foreign-affairs activity report")
    TASK_STATUS = "task_status", _("task status by unit")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report status", "draft")
    ISSUED = "issued", _("issued")


class SigningAuthority(models.TextChoices):
    """Decree 30/2020 (Annex I, cell 7a): how the signer signs. "TM." (on behalf
    of a collective body) is a separate field: it combines with these."""

    HEAD = "", _("the head signs (no prefix)")
    KT = "KT.", _("KT. — a deputy signs for the head")
    TL = "TL.", _("TL. — signed by order of the head")
    TUQ = "TUQ.", _("TUQ. — signed under authorisation")
    Q = "Q.", _("Q. — acting head")
