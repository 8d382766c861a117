"""Writes of the reports app: drafts, issuing, and the documents themselves.

* :func:`report_create` fills a draft from a period's data (with suggested
  narrative the officer edits); :func:`report_save` keeps edits; both refuse an
  issued report.
* :func:`report_issue` numbers the report, generates its DOCX once, stores it
  with its SHA-256 and the data it used — from then on the report never changes
  (:func:`issued_document` checks the hash before serving the file).
* :func:`render_document` / :func:`generate_document` build a DOCX (drafts, the
  ``generate_report`` command) without storing anything.
"""

import datetime as dt
import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.indicators import Period
from ttdn.core.text import fold
from ttdn.core.timefmt import format_short
from ttdn.directory import selectors as directory
from ttdn.directory.choices import OrganisationKind
from ttdn.documents import services as document_services
from ttdn.documents.choices import DocumentField, DocumentType

from .choices import ReportStatus
from .documents.decree30 import Decree30Document, Header, Signature
from .kinds import Narrative, TemplateUnavailable, get_template
from .machines import next_number
from .models import Report
from .xlsx import to_bytes

DOCX_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ABBREVIATIONS = (
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
)
PLACE_WORDS = ("tỉnh", "thành phố", "xã", "phường", "đặc khu")


class ReportFileAltered(Exception):
    """The stored file of an issued report no longer matches its SHA-256."""


# --- defaults from the directory ------------------------------------------------
def default_issuer():
    """The foreign-affairs body (it prepares the reports), else the serving
    province's People's Committee."""
    body = directory.foreign_affairs_body()
    if body is not None:
        return body
    province = directory.serving_province()
    if province is None:
        return None
    return (
        directory.current(
            directory.Organisation.objects.filter(
                administrative_unit=province, kind=OrganisationKind.PEOPLES_COMMITTEE
            )
        )
        .order_by("pk")
        .first()
    )


def abbreviate(name: str) -> str:
    for long, short in ABBREVIATIONS:
        if name.lower().startswith(long.lower()):
            return short + name[len(long) :]
    return name


def _strip_place(name: str, place: str) -> str:
    """``Sở Ngoại vụ tỉnh Sơn La`` → ``Sở Ngoại vụ`` when the superior body's line
    already carries the place."""
    if not place:
        return name
    folded_name, folded_place = fold(name), fold(place)
    for word in PLACE_WORDS:
        suffix = f" {fold(word)} {folded_place}"
        if folded_name.endswith(suffix):
            return name[: len(name) - len(suffix)].rstrip(" ,")
    return name


def header_names(organisation, *, on: dt.date | None = None) -> tuple[str, str]:
    """The superior body and issuing body as printed in the header block
    (Decree 30/2020, cell 2), in capitals: ``("UBND TỈNH SƠN LA", "SỞ NGOẠI
    VỤ")``; a body without a superior prints its name on two lines
    (``"ỦY BAN NHÂN DÂN\\nTỈNH SƠN LA"``)."""
    day = on or timezone.localdate()
    organisation = directory.rollup_organisation(organisation, on=day)
    parent = organisation.parent
    if parent is not None:
        parent = directory.rollup_organisation(parent, on=day)
        place = ""
        if parent.administrative_unit_id:
            place = directory.rollup_unit(parent.administrative_unit, on=day).bare_name
        return (
            abbreviate(parent.name).upper(),
            _strip_place(organisation.name, place).upper(),
        )
    name = organisation.name
    for word in PLACE_WORDS:
        index = fold(name).find(f" {fold(word)} ")
        if index > 0:
            return "", f"{name[:index]}\n{name[index + 1 :]}".upper()
    return "", name.upper()


def place_name(organisation, *, on: dt.date | None = None) -> str:
    """The current name of the unit where the issuing body sits, without its kind
    (Decree 30/2020, cell 4: ``Sơn La``); the serving province otherwise."""
    day = on or timezone.localdate()
    unit = None
    if organisation is not None:
        organisation = directory.rollup_organisation(organisation, on=day)
        unit = organisation.administrative_unit
    if unit is None:
        unit = directory.serving_province()
    if unit is None:
        return ""
    return directory.rollup_unit(unit, on=day).bare_name


def default_signature(organisation) -> dict:
    kind = organisation.kind if organisation is not None else ""
    if kind in (OrganisationKind.PEOPLES_COMMITTEE, OrganisationKind.COMMUNE_PC):
        return {
            "collective_name": "ỦY BAN NHÂN DÂN",
            "signing_authority": "KT.",
            "head_position": "CHỦ TỊCH",
            "signer_position": "PHÓ CHỦ TỊCH",
        }
    if kind == OrganisationKind.PC_OFFICE:
        return {
            "collective_name": "",
            "signing_authority": "KT.",
            "head_position": "CHÁNH VĂN PHÒNG",
            "signer_position": "PHÓ CHÁNH VĂN PHÒNG",
        }
    return {
        "collective_name": "",
        "signing_authority": "KT.",
        "head_position": "GIÁM ĐỐC",
        "signer_position": "PHÓ GIÁM ĐỐC",
    }


def default_code(organisation, type_code: str = "BC") -> str:
    short = (organisation.short_code if organisation is not None else "") or ""
    if not short and organisation is not None:
        short = "".join(
            word[0]
            for word in fold(organisation.name).upper().split()
            if word[0].isalpha()
        )
    return f"{type_code}-{short or 'UBND'}"


# --- drafts ---------------------------------------------------------------------
def _template_or_error(kind: str):
    try:
        template = get_template(kind)
    except KeyError:
        raise ValidationError(
            {"kind": _("Kind: “%(kind)s” is not a kind of report.") % {"kind": kind}}
        ) from None
    try:
        template.check_available()
    except TemplateUnavailable as error:
        raise ValidationError({"kind": str(error.args[0])}) from None
    return template


def _report_errors(report: Report) -> Errors:
    errors = model_errors(
        report,
        exclude=["status", "number", "issued_on", "file", "figures", "place_name"],
    )
    if (
        report.period_start
        and report.period_end
        and report.period_end > (timezone.localdate() + dt.timedelta(days=366))
    ):
        errors.add(
            "period_end",
            _("Period to: %(day)s is more than a year ahead.")
            % {"day": format_short(report.period_end)},
        )
    return errors


@transaction.atomic
def report_create(
    *,
    kind: str,
    period: Period,
    issuing_organisation=None,
    user=None,
    **fields,
) -> Report:
    """A draft of *kind* for *period*, its narrative suggested from the data."""
    template = _template_or_error(kind)
    organisation = issuing_organisation or default_issuer()
    if organisation is None:
        raise ValidationError(
            {
                "issuing_organisation": _(
                    "Issuing body: choose it (the directory settings name no "
                    "foreign-affairs body)."
                )
            }
        )
    data = template.collect(period)
    narrative = template.suggest(data, issuer_name=organisation.name)
    superior, issuing = header_names(organisation)
    values = {
        "kind": kind,
        "period_start": period.start,
        "period_end": period.end,
        "subject": template.default_subject(period),
        "issuing_organisation": organisation,
        "code": default_code(organisation, template.type_code),
        "intro": narrative.intro,
        "results": narrative.results,
        "limitations": narrative.limitations,
        "tasks_ahead": narrative.tasks_ahead,
        "drafting_unit": "",
        **default_signature(organisation),
        **fields,
    }
    report = Report(**values)
    report.created_by = audit.actor(user)
    _report_errors(report).raise_if_any()
    report.save()
    workflow.record_creation(report, user=user)
    audit.log_create(report, user=user)
    return report


@transaction.atomic
def report_save(report: Report, *, user) -> Report:
    """Save a draft's edits (the admin form). An issued report never changes."""
    if report.pk is not None:
        stored = Report.objects.select_for_update().get(pk=report.pk)
        if stored.status == ReportStatus.ISSUED:
            raise ValidationError(
                {
                    "__all__": _(
                        "This report was issued on %(day)s as %(number)s; it can no "
                        "longer change."
                    )
                    % {
                        "day": format_short(stored.issued_on),
                        "number": stored.document_number,
                    }
                }
            )
        report.status = stored.status
        before = audit.snapshot(stored)
    else:
        _template_or_error(report.kind)
        report.created_by = audit.actor(user)
        before = None
    _report_errors(report).raise_if_any()
    report.save()
    if before is None:
        workflow.record_creation(report, user=user)
    audit.log_saved(report, user=user, created=before is None, before=before)
    return report


@transaction.atomic
def report_delete(report: Report, *, user) -> None:
    if report.status == ReportStatus.ISSUED:
        raise ValidationError(
            {"__all__": _("An issued report is kept; it cannot be deleted.")}
        )
    audit.log_delete(report, user=user)
    report.delete()


# --- documents ------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def build_document(
    report: Report,
    data: dict,
    *,
    number: int | None = None,
    issued_on: dt.date | None = None,
    place: str | None = None,
    draft: bool = True,
) -> Decree30Document:
    template = get_template(report.kind)
    superior, issuing = header_names(report.issuing_organisation, on=issued_on)
    document = Decree30Document(
        header=Header(
            superior_name=report.superior_name.strip() or superior,
            issuing_name=report.issuing_name.strip() or issuing,
            number=number,
            code=report.code,
            place=place
            if place is not None
            else place_name(report.issuing_organisation),
            issued_on=issued_on,
            year=(issued_on or timezone.localdate()).year,
            doc_type=template.doc_type,
            subject=report.subject,
            draft=draft,
        ),
        signature=Signature(
            collective_name=report.collective_name,
            authority=report.signing_authority,
            head_position=report.head_position,
            signer_position=report.signer_position,
            signer_name=report.signer_name,
        ),
        recipients=_lines(report.recipients),
        archive=archive_line(report),
        addressees=_lines(report.addressees),
    )
    narrative = Narrative(
        intro=report.intro,
        results=report.results,
        limitations=report.limitations,
        tasks_ahead=report.tasks_ahead,
    )
    template.build(document, data, narrative)
    return document


def archive_line(report: Report) -> str:
    """``Lưu: VT, HTQT.`` or ``Lưu: VT, HTQT, 05b.`` (Decree 30/2020, cell 9b)."""
    parts = ["VT"]
    if report.drafting_unit.strip():
        unit = report.drafting_unit.strip()
        if report.copies:
            unit = f"{unit}, {report.copies:02d}b"
        parts.append(unit)
    elif report.copies:
        parts.append(f"{report.copies:02d}b")
    return "Lưu: " + ", ".join(parts) + "."


def report_data(report: Report) -> dict:
    """The data of an issued report as it was issued; fresh data for a draft."""
    if report.is_issued and report.figures is not None:
        return report.figures
    template = _template_or_error(report.kind)
    return template.collect(Period(report.period_start, report.period_end))


def render_document(report: Report) -> bytes:
    """A draft's DOCX from today's data (marked DỰ THẢO, without number and
    date); an issued report's stored file."""
    if report.is_issued:
        return issued_document(report)
    return build_document(report, report_data(report)).render()


def render_workbook(report: Report) -> bytes | None:
    """The spreadsheet form of the report, when its kind has one (an issued
    report's from the data it was issued with)."""
    template = get_template(report.kind)
    if not template.spreadsheet:
        return None
    # An issued report's workbook is the same file each time: dated when issued.
    stamp = report.issued_at.astimezone(dt.UTC) if report.issued_at else None
    return to_bytes(template.workbook(report_data(report)), timestamp=stamp)


def _filename(report: Report, number: int) -> str:
    slug = slugify(fold(report.subject))[:60].strip("-") or "bao-cao"
    code = re.sub(r"[^A-Za-z0-9-]", "", fold(report.code).upper().replace("Đ", "D"))
    return f"{number:02d}-{code}-{slug}.docx"


def download_name(report: Report, extension: str = "docx") -> str:
    slug = slugify(fold(report.subject))[:60].strip("-") or "bao-cao"
    if report.is_issued:
        return f"{report.number:02d}-{slug}.{extension}"
    return f"du-thao-{slug}.{extension}"


def report_issue(
    report: Report,
    *,
    user,
    issued_on: dt.date | None = None,
    number: int | None = None,
    library_public: bool = False,
) -> Report:
    """Issue a draft (the ``issue`` action of ``machines.REPORT_MACHINE``):
    number it (the next free number of its code that year, unless given),
    generate its DOCX from the period's data, store the file, its SHA-256 and the
    data; the report is then fixed. The issued document is filed in the
    document library (public on the portal when *library_public*)."""
    template = _template_or_error(report.kind)
    stored = []

    def store_document(locked: Report, context) -> None:
        day = locked.issued_on
        locked.number = locked.number or next_number(locked.code, day.year)
        data = template.collect(Period(locked.period_start, locked.period_end))
        place = place_name(locked.issuing_organisation, on=day)
        content = build_document(
            locked, data, number=locked.number, issued_on=day, place=place, draft=False
        ).render()
        locked.place_name = place
        locked.figures = data
        locked.file_sha256 = hashlib.sha256(content).hexdigest()
        locked.file_size = len(content)
        locked.file.save(
            _filename(locked, locked.number), ContentFile(content), save=False
        )
        stored.append(locked.file)
        locked.library_entry = _file_in_library(
            locked, content, public=library_public, user=user
        )

    try:
        workflow.perform_transition(
            report,
            "issue",
            user=user,
            values={"number": number, "issued_on": issued_on or timezone.localdate()},
            before_save=store_document,
        )
    except Exception:
        for file in stored:  # the transaction rolled back: no report owns it
            file.delete(save=False)
        raise
    return report


def _file_in_library(report: Report, content: bytes, *, public: bool, user):
    """The issued report as an entry of the document library, with a copy of
    its DOCX (in the library's restricted collection)."""
    upload = document_services.upload_file(
        title=f"{report.document_number} — {report.subject}"[:255],
        name=_filename(report, report.number),
        data=content,
        user=user,
    )
    return document_services.document_create(
        doc_type=DocumentType.REPORT,
        number=report.document_number,
        issuer=report.issuing_organisation,
        issued_on=report.issued_on,
        summary=report.subject,
        signer=report.signer_name,
        field=DocumentField.FOREIGN_INFORMATION,
        files=[upload],
        is_public=public,
        user=user,
    )


def file_intact(report: Report) -> bool:
    """Whether the stored file of an issued report still has its SHA-256."""
    if not report.is_issued or not report.file:
        return False
    try:
        with report.file.open("rb") as handle:
            content = handle.read()
    except OSError:
        return False
    return hashlib.sha256(content).hexdigest() == report.file_sha256


def issued_document(report: Report) -> bytes:
    """The issued file, after checking its SHA-256."""
    with report.file.open("rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != report.file_sha256:
        raise ReportFileAltered(report.pk)
    return content


def generate_document(
    kind: str, period: Period, *, issuing_organisation=None
) -> tuple[bytes, Report]:
    """A DOCX of *kind* for *period* with the suggested narrative, without saving
    anything (the ``generate_report`` command)."""
    report, data = transient_report(
        kind, period, issuing_organisation=issuing_organisation
    )
    return build_document(report, data).render(), report


def generate_workbook(kind: str, period: Period) -> bytes:
    template = _template_or_error(kind)
    if not template.spreadsheet:
        raise ValidationError(
            {"kind": _("Kind: “%(kind)s” has no spreadsheet form.") % {"kind": kind}}
        )
    return to_bytes(template.workbook(template.collect(period)))


def transient_report(kind: str, period: Period, *, issuing_organisation=None):
    template = _template_or_error(kind)
    organisation = issuing_organisation or default_issuer()
    if organisation is None:
        raise ValidationError(
            {
                "issuing_organisation": _(
                    "Issuing body: none is configured; set the foreign-affairs body "
                    "in the directory settings."
                )
            }
        )
    data = template.collect(period)
    narrative = template.suggest(data, issuer_name=organisation.name)
    report = Report(
        kind=kind,
        period_start=period.start,
        period_end=period.end,
        subject=template.default_subject(period),
        issuing_organisation=organisation,
        code=default_code(organisation, template.type_code),
        intro=narrative.intro,
        results=narrative.results,
        limitations=narrative.limitations,
        tasks_ahead=narrative.tasks_ahead,
        **default_signature(organisation),
    )
    return report, data
