"""Demo documents: plan 51/KH-UBND (public, with its DOCX file) and a decision
that is not public. Idempotent: a second run changes nothing."""

import datetime as dt
import io

from django.db import transaction

import docx

from ttdn.accounts.demo import demo_user
from ttdn.directory.models import Organisation

from .. import services
from ..models import OfficialDocument
from . import content


def _org(name: str) -> Organisation:
    found = Organisation.objects.filter(name=name).order_by("-valid_to", "pk").first()
    if found is None:
        raise LookupError(
            f"Organisation “{name}” is missing: load the directory demo first."
        )
    return found


def build_docx(heading: list[str], paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph(
        "Bản trình diễn, dựng lại từ nội dung đã công bố; không phải bản gốc."
    )
    for line in heading:
        document.add_paragraph(line)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _file(data: dict, issuer: Organisation, user, *, public: bool, paragraphs):
    issued = dt.date(*data["issued_on"])
    existing = OfficialDocument.objects.filter(
        number=data["number"], issuer=issuer, issued_on__year=issued.year
    ).first()
    if existing is not None:
        return existing, False
    heading = [
        issuer.name.upper(),
        f"Số: {data['number']}",
        f"Sơn La, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}",
        data["summary"],
    ]
    upload = services.upload_file(
        title=data["file_title"],
        name=data["file_name"],
        data=build_docx(heading, paragraphs),
        user=user,
    )
    document = services.document_create(
        doc_type=data["doc_type"],
        number=data["number"],
        issuer=issuer,
        issued_on=issued,
        effective_from=dt.date(*data["effective_from"])
        if data.get("effective_from")
        else None,
        summary=data["summary"],
        signer=data["signer"],
        field=data["field"],
        files=[upload],
        is_public=public,
        user=user,
    )
    return document, True


def plan_51() -> OfficialDocument | None:
    """The demo's plan 51/KH-UBND in the library (``None`` before the demo)."""
    return OfficialDocument.objects.filter(
        number=content.PLAN_51["number"], issued_on__year=2017
    ).first()


def decision_125() -> OfficialDocument | None:
    return OfficialDocument.objects.filter(
        number=content.DECISION["number"], issued_on__year=2016
    ).first()


@transaction.atomic
def load_demo(stdout=None) -> int:
    officer = demo_user("chuyenvien")
    ubnd = _org(content.UBND)
    changed = 0
    _doc, created = _file(
        content.PLAN_51,
        ubnd,
        officer,
        public=True,
        paragraphs=content.PLAN_51_PARAGRAPHS,
    )
    changed += created
    _doc, created = _file(
        content.DECISION,
        ubnd,
        officer,
        public=False,
        paragraphs=content.DECISION["paragraphs"],
    )
    changed += created
    if stdout is not None and changed:
        stdout.write(
            "Văn bản: Kế hoạch 51/KH-UBND (công khai, /van-ban/) và Quyết định "
            "125/QĐ-UBND (không công khai)."
        )
    return changed
