from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    """Types of administrative documents (Decree 30/2020 Art. 7), with the
    abbreviation used in their symbol (KH in 51/KH-UBND)."""

    PLAN = "KH", pgettext_lazy("document type", "Plan")
    DECISION = "QĐ", pgettext_lazy("document type", "Decision")
    DIRECTIVE = "CT", pgettext_lazy("document type", "Directive")
    RESOLUTION = "NQ", pgettext_lazy("document type", "Resolution")
    REGULATION = "QC", pgettext_lazy("document type", "Regulation")
    REPORT = "BC", pgettext_lazy("document type", "Report")
    NOTICE = "TB", pgettext_lazy("document type", "Notice")
    PROGRAMME = "CTr", pgettext_lazy("document type", "Programme")
    SUBMISSION = "TTr", pgettext_lazy("document type", "Submission")
    AGREEMENT = "TTQT", pgettext_lazy("document type", "International agreement")
    LETTER = "CV", pgettext_lazy("document type", "Official letter")
    OTHER = "KHAC", pgettext_lazy("document type", "Other")


class DocumentField(models.TextChoices):
    FOREIGN_AFFAIRS = "foreign_affairs", _("Foreign affairs")
    FOREIGN_INFORMATION = "foreign_information", _("Foreign information")
    INTERNATIONAL_COOPERATION = (
        "international_cooperation",
        _("International cooperation and integration"),
    )
    BORDER = "border", _("Borders and territory")
    CONSULAR = "consular", _("Consular affairs and overseas Vietnamese")
    ADMINISTRATIVE = "administrative", _("Administrative procedures")
    OTHER = "other", _("Other")


class RelationKind(models.TextChoices):
    REPLACES = "replaces", _("replaces")
    AMENDS = "amends", _("amends or supplements")
    IMPLEMENTS = "implements", _("implements")
    REFERS = "refers", _("refers to")


# How a relation reads from the other side ("replaced by").
INVERSE_LABELS = {
    RelationKind.REPLACES: _("replaced by"),
    RelationKind.AMENDS: _("amended or supplemented by"),
    RelationKind.IMPLEMENTS: _("implemented by"),
    RelationKind.REFERS: _("referred to by"),
}
