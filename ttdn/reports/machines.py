"""The life of a report, declared on the one workflow engine
(``ttdn.core.workflow``): a draft is edited, then issued once under a number —
from then on it never changes (``services.report_issue`` stores its file)."""

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ttdn.core.errors import Errors
from ttdn.core.timefmt import format_short
from ttdn.core.workflow import (
    Guard,
    StateMachine,
    Transition,
    register,
    stamp,
    stamp_user,
)

from . import selectors
from .choices import ReportStatus
from .models import Report


def next_number(code: str, year: int) -> int:
    """The next free number of *code* in *year*."""
    found = Report.objects.filter(
        status=ReportStatus.ISSUED, code=code, issued_on__year=year
    ).aggregate(Max("number"))["number__max"]
    return (found or 0) + 1


def _ready_to_issue(report: Report, context) -> Errors:
    """A date not in the future, the signature filled in, and a free number
    (when one is given; otherwise the next free one is taken)."""
    errors = Errors()
    day = report.issued_on
    if day is None:
        errors.add("issued_on", _("Date of issue: enter the day the report is signed."))
    elif day > timezone.localdate():
        errors.add(
            "issued_on",
            _("Date of issue: %(day)s is in the future.") % {"day": format_short(day)},
        )
    if not report.signer_name.strip():
        errors.add(
            "signer_name", _("Signer: enter the full name of the person who signs.")
        )
    if not report.head_position.strip():
        errors.add("head_position", _("Head's position: enter it, e.g. GIÁM ĐỐC."))
    if report.signing_authority in ("KT.", "TL.", "TUQ.") and not (
        report.signer_position.strip()
    ):
        errors.add(
            "signer_position",
            _(
                "Signer's position: enter it when signing %(authority)s, e.g. PHÓ "
                "GIÁM ĐỐC."
            )
            % {"authority": report.signing_authority},
        )
    number = report.number
    if number is not None and day is not None:
        if number < 1:
            errors.add("number", _("Number: enter a whole number from 1."))
        elif (
            Report.objects.filter(
                status=ReportStatus.ISSUED,
                code=report.code,
                number=number,
                issued_on__year=day.year,
            )
            .exclude(pk=report.pk)
            .exists()
        ):
            errors.add(
                "number",
                _("Number: %(number)02d/%(code)s is already used in %(year)s.")
                % {"number": number, "code": report.code, "year": day.year},
            )
    return errors


REPORT_MACHINE = StateMachine(
    "report",
    states=ReportStatus,
    initial=ReportStatus.DRAFT,
    owner_field=None,
    scope=selectors.reports_for,
    transitions=[
        Transition(
            "issue",
            _("Issue"),
            sources=[ReportStatus.DRAFT],
            target=ReportStatus.ISSUED,
            permissions=["reports.issue_report"],
            fields=["number", "issued_on"],
            guards=[Guard(_ready_to_issue, _("Signed, dated, numbered."), True)],
            effects=[stamp("issued_at"), stamp_user("issued_by")],
        ),
    ],
)

register(Report, REPORT_MACHINE)
