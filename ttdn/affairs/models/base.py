"""What every register record has (``RegisterRecord``) and the field helpers
the record types share."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.documents import get_document_model_string

from modelcluster.models import ClusterableModel

from ttdn.core.folding import folded
from ttdn.core.timefmt import format_short

from ..choices import (
    DeadlineAnchor,
)

DOCUMENT_MODEL = get_document_model_string()
MONEY = {"max_digits": 18, "decimal_places": 2}


def _document(verbose_name, help_text=""):
    return models.ForeignKey(
        DOCUMENT_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def _library_entry(verbose_name, help_text=""):
    """A link to an entry of the document library (``ttdn.documents``)."""
    return models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=help_text,
    )


# --- common to every record -------------------------------------------------------
class RegisterRecord(ClusterableModel):
    """Fields every register record has. Concrete models add ``status`` (with
    their own choices) and their own fields."""

    reference = models.CharField(
        _("reference"),
        max_length=50,
        blank=True,
        help_text=_(
            "The record's number in the unit's register, e.g. 12/2026/ĐV. "
            "Unique when given."
        ),
    )
    title = models.CharField(_("title"), max_length=500)
    decision_number = models.CharField(
        _("decision number"),
        max_length=50,
        blank=True,
        help_text=_("Number of the approval decision or letter, e.g. 125/QĐ-UBND."),
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer = models.CharField(
        _("signed by"),
        max_length=255,
        blank=True,
        help_text=_("Position and name of the signer, e.g. Chủ tịch UBND tỉnh."),
    )
    submitted_at = models.DateTimeField(
        _("submitted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the record is (re)submitted."),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_historic = models.BooleanField(
        _("entered after the fact"),
        default=False,
        editable=False,
        help_text=_(
            "Recorded from a register after it took place (import or historic "
            "entry), without going through the approval workflow here."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(
        pgettext_lazy("affairs", "created at"), auto_now_add=True
    )
    updated_at = models.DateTimeField(
        pgettext_lazy("affairs", "updated at"), auto_now=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    # Set by concrete models: the ActivityKind of their deadline rules.
    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def search_values(self) -> list:
        return [self.title, self.reference]

    def save(self, *args, **kwargs):
        self.search_text = folded(*self.search_values())
        super().save(*args, **kwargs)

    def deadline_kind(self) -> str:
        raise NotImplementedError

    def deadline_variants(self) -> list[str]:
        """Rule variants to try before the general rule (``""``)."""
        return []

    def anchor_date(self, anchor: str) -> dt.date | None:
        """The date a deadline counted from *anchor* starts from (``None``: not
        known yet)."""
        from django.utils import timezone

        def local(value):
            return timezone.localdate(value) if value else None

        return {
            DeadlineAnchor.BEFORE_START: getattr(self, "start_date", None),
            DeadlineAnchor.AFTER_END: getattr(self, "end_date", None),
            DeadlineAnchor.AFTER_SUBMISSION: local(self.submitted_at),
            DeadlineAnchor.AFTER_CONSULTATION: local(
                getattr(self, "consultation_started_at", None)
            ),
            DeadlineAnchor.AFTER_DECISION: self.decision_date,
            DeadlineAnchor.AFTER_SIGNING: getattr(self, "signing_date", None),
            DeadlineAnchor.AFTER_ISSUE: getattr(self, "issued_on", None),
            DeadlineAnchor.BEFORE_EXPIRY: getattr(self, "expires_on", None),
        }.get(anchor)

    @property
    def period_display(self) -> str:
        start, end = getattr(self, "start_date", None), getattr(self, "end_date", None)
        if start and end and start != end:
            return f"{format_short(start)} – {format_short(end)}"
        return format_short(start or end)


def _unique_reference(model_name: str):
    return models.UniqueConstraint(
        fields=["reference"],
        condition=~Q(reference=""),
        name=f"affairs_{model_name}_reference_unique",
        violation_error_message=_("Reference: another record already has it."),
    )


def _dates_in_order(model_name: str):
    return models.CheckConstraint(
        condition=Q(start_date__isnull=True)
        | Q(end_date__isnull=True)
        | Q(end_date__gte=models.F("start_date")),
        name=f"affairs_{model_name}_dates_in_order",
        violation_error_message=_("End date: it cannot be before the start date."),
    )


def _organisation(verbose_name, help_text=""):
    return models.ForeignKey(
        "directory.Organisation",
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=help_text,
    )
