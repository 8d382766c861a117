"""The library of official documents (văn bản): plans, decisions, reports,
letters… with their files, their relations to one another and whether the
public may read them. Records of the other apps point at these entries
(a plan at its issuing document, a delegation at its decision)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ttdn.core.text import nfc

from .choices import DocumentField, DocumentType, RelationKind

number_validator = RegexValidator(
    r"^[0-9]+[a-z]?(/[0-9]{4})?/[^\s/]+$",
    _(
        "Number and symbol: a number, a slash and the symbol without spaces, "
        "e.g. 51/KH-UBND or 08/2022/NĐ-CP."
    ),
)


class OfficialDocument(ClusterableModel):
    """One document in the library, e.g. plan 51/KH-UBND of 27/03/2017."""

    doc_type = models.CharField(
        _("document type"), max_length=10, choices=DocumentType.choices
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=60,
        validators=[number_validator],
        help_text=_("As printed on the document, e.g. 51/KH-UBND."),
    )
    issuer = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer = models.CharField(
        _("signed by"),
        max_length=255,
        blank=True,
        help_text=_(
            "Position and name, e.g. KT. Chủ tịch – Phó Chủ tịch Cầm Ngọc Minh."
        ),
    )
    issued_on = models.DateField(_("date of issue"))
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    summary = models.TextField(
        _("summary"),
        help_text=_("The subject line (trích yếu) as printed on the document."),
    )
    field = models.CharField(
        _("field"),
        max_length=40,
        choices=DocumentField.choices,
        default=DocumentField.FOREIGN_AFFAIRS,
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Shown in the portal's document library with its files. Documents "
            "that are not public stay in the back office."
        ),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["is_public", "-issued_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(effective_from__isnull=True)
                | models.Q(expires_on__gte=models.F("effective_from")),
                name="documents_officialdocument_validity",
                violation_error_message=_(
                    "Expires on: the date cannot be before the effective date."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.number} — {self.summary[:120]}"

    def save(self, *args, **kwargs):
        self.number = nfc(self.number.strip())
        self.summary = nfc(self.summary.strip())
        self.signer = nfc(self.signer.strip())
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        """How the document is named in lists: type, number and date."""
        return f"{self.get_doc_type_display()} {self.number}"


class DocumentFile(Orderable):
    """A file of a document (the signed PDF, a DOCX, an annex), with the text
    read from it for search."""

    document = ParentalKey(
        OfficialDocument, on_delete=models.CASCADE, related_name="files"
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(
        _("label"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Văn bản đã ký, Phụ lục 1. The file's title when empty."),
    )
    text = models.TextField(editable=False, blank=True, default="")
    # The file_hash the text was read from (read again when the file changes).
    text_hash = models.CharField(max_length=40, editable=False, blank=True, default="")

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or self.file.title

    @property
    def extension(self) -> str:
        return self.file.file_extension.upper()


class DocumentRelation(Orderable):
    """This document replaces, amends, implements or refers to another one."""

    document = ParentalKey(
        OfficialDocument, on_delete=models.CASCADE, related_name="relations"
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        OfficialDocument,
        verbose_name=pgettext_lazy("library", "document"),
        on_delete=models.CASCADE,
        related_name="related_from",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")

    def __str__(self):
        return f"{self.get_kind_display()} {self.target.number}"
