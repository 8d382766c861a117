"""Demo reports (idempotent, through the services): a draft half-year review
(sơ kết) of the latest first half, an issued annual review (tổng kết) of the
previous year with its stored DOCX, and a draft task-status report."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ttdn.accounts.demo import demo_user
from ttdn.core.indicators import Period
from ttdn.directory.models import Organisation

from .. import services
from ..choices import ReportKind
from ..models import Report

SIGNER = "Nguyễn Văn An"  # fictional (the directory demo's deputy director)
RECIPIENTS = (
    "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh\n"
    "Thường trực Tỉnh ủy\n"
    "Thường trực Ủy ban nhân dân tỉnh\n"
    "Các sở, ban, ngành tỉnh"
)
ADDRESSEES = "Ủy ban nhân dân tỉnh Sơn La"
SNGV = "Sở Ngoại vụ tỉnh Sơn La"


def _issuer():
    return Organisation.objects.filter(name=SNGV, valid_to__isnull=True).first()


def _ensure(kind, period, **fields):
    if Report.objects.filter(
        kind=kind, period_start=period.start, period_end=period.end
    ).exists():
        return None
    return services.report_create(
        kind=kind,
        period=period,
        issuing_organisation=_issuer(),
        signer_name=SIGNER,
        recipients=RECIPIENTS,
        addressees=ADDRESSEES,
        drafting_unit="TTĐN",
        user=demo_user("chuyenvien"),
        **fields,
    )


@transaction.atomic
def load_demo(stdout=None) -> int:
    if _issuer() is None:
        return 0
    today = timezone.localdate()
    changed = 0
    h1_year = today.year if today >= dt.date(today.year, 7, 1) else today.year - 1
    if _ensure(ReportKind.TTDN_H1, Period.half(h1_year, 1), copies=5):
        changed += 1
    annual = _ensure(ReportKind.TTDN_ANNUAL, Period.year(today.year - 1), copies=5)
    if annual is not None:
        issued_on = min(today, dt.date(today.year, 1, 15))
        services.report_issue(annual, issued_on=issued_on, user=demo_user("chuyenvien"))
        changed += 1
    if _ensure(ReportKind.TASK_STATUS, Period(dt.date(today.year, 1, 1), today)):
        changed += 1
    if stdout is not None and changed:
        stdout.write(
            f"Báo cáo: {Report.objects.count()} báo cáo (sơ kết 6 tháng, tổng kết "
            "năm đã ban hành, tình hình nhiệm vụ)."
        )
    return changed
