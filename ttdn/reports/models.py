"""Reports in the Decree 30/2020 format (docs/reports.md#report-templates).

A :class:`Report` is filled from the data of a period by its kind's template
(``kinds.py``) and has editable narrative sections; it stays a draft until it is
issued. Issuing numbers it, generates the DOCX once and stores it with its
SHA-256 and the figures it used; an issued report never changes.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import ReportKind, ReportStatus, SigningAuthority

code_validator = RegexValidator(
    r"^[^\W\d_]+(?:-[^\W_]+)+$",
    _("Code: the type and the body joined by hyphens, without spaces, e.g. BC-UBND."),
)


def report_upload_to(instance, filename):
    return f"reports/{instance.issued_on:%Y}/{filename}"


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=ReportKind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    subject = models.CharField(
        _("subject line"),
        max_length=500,
        help_text=_(
            "The subject line under “BÁO CÁO”, e.g. Kết quả công tác thông tin đối "
            "ngoại 6 tháng đầu năm 2026."
        ),
    )
    issuing_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    superior_name = models.CharField(
        _("superior body (as printed)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Printed above the issuing body, e.g. UBND TỈNH SƠN LA. Empty: taken "
            "from the directory (the issuing body's governing body)."
        ),
    )
    issuing_name = models.CharField(
        _("issuing body (as printed)"),
        max_length=255,
        blank=True,
        help_text=_("e.g. SỞ NGOẠI VỤ. Empty: taken from the directory."),
    )
    code = models.CharField(
        _("document code"),
        max_length=30,
        validators=[code_validator],
        help_text=_("e.g. BC-UBND in Số: 12/BC-UBND."),
    )
    addressees = models.TextField(
        _("addressed to (Kính gửi)"),
        blank=True,
        help_text=_("One addressee per line; empty when the report has none."),
    )
    intro = models.TextField(
        _("opening paragraph"),
        blank=True,
        help_text=_("Empty: a sentence naming the period and the plans reported on."),
    )
    results = models.TextField(
        _("results"),
        blank=True,
        help_text=_(
            "Narrative on the results (the figures are added from the records). "
            "One paragraph per line."
        ),
    )
    limitations = models.TextField(
        _("limitations and causes"),
        blank=True,
        help_text=_("One paragraph per line."),
    )
    tasks_ahead = models.TextField(
        _("tasks ahead"),
        blank=True,
        help_text=_("One task per line."),
    )
    collective_name = models.CharField(
        _("on behalf of (TM.)"),
        max_length=255,
        blank=True,
        help_text=_(
            "The collective body the head signs for, e.g. ỦY BAN NHÂN DÂN "
            "(printed “TM. ỦY BAN NHÂN DÂN”); empty if none."
        ),
    )
    signing_authority = models.CharField(
        _("signing authority"),
        max_length=5,
        choices=SigningAuthority.choices,
        blank=True,
        default=SigningAuthority.HEAD,
    )
    head_position = models.CharField(
        _("head's position"),
        max_length=100,
        help_text=_("e.g. CHỦ TỊCH, GIÁM ĐỐC."),
    )
    signer_position = models.CharField(
        _("signer's position"),
        max_length=100,
        blank=True,
        help_text=_("When a deputy signs (KT.), e.g. PHÓ CHỦ TỊCH."),
    )
    signer_name = models.CharField(
        _("signer"),
        max_length=100,
        blank=True,
        help_text=_("Full name, without academic titles. Required to issue."),
    )
    recipients = models.TextField(
        _("distribution (Nơi nhận)"),
        blank=True,
        help_text=_("One recipient per line, e.g. Ban Chỉ đạo TTĐN Trung ương."),
    )
    drafting_unit = models.CharField(
        _("drafting unit (abbreviation)"),
        max_length=30,
        blank=True,
        help_text=_("Printed in “Lưu: VT, HTQT.”, e.g. HTQT."),
    )
    copies = models.PositiveSmallIntegerField(
        _("copies"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
    )
    number = models.PositiveIntegerField(
        pgettext_lazy("document", "number"), null=True, editable=False
    )
    issued_on = models.DateField(_("date of issue"), null=True, editable=False)
    place_name = models.CharField(
        _("place name"), max_length=100, blank=True, editable=False
    )
    file = models.FileField(
        _("issued document"),
        upload_to=report_upload_to,
        blank=True,
        editable=False,
        max_length=255,
    )
    library_entry = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("entry in the document library"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    file_size = models.PositiveIntegerField(null=True, editable=False)
    figures = models.JSONField(
        _("figures used"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The data the issued document was generated from."),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, editable=False)
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
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_end", "-pk"]
        permissions = [("issue_report", "Can issue reports")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="reports_report_period",
                violation_error_message=_(
                    "Period to: the last day cannot be before the first day."
                ),
            ),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_issued(self) -> bool:
        return self.status == ReportStatus.ISSUED

    @property
    def period_label(self) -> str:
        return f"{self.period_start:%d/%m/%Y} – {self.period_end:%d/%m/%Y}"

    @property
    def number_label(self) -> str:
        return self.document_number if self.is_issued else ""

    @property
    def document_number(self) -> str:
        if self.number is None:
            return f"…/{self.code}"
        return f"{self.number:02d}/{self.code}"
