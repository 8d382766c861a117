"""An issued report is filed in the document library, public or not as the
officer chose; a report that cannot be issued files nothing."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from ttdn.core.indicators import Period
from ttdn.documents.models import OfficialDocument
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db


def _report(world, signer="Nguyễn Văn Thử"):
    today = timezone.localdate()
    return services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=Period(dt.date(today.year, 1, 1), today),
        issuing_organisation=world.sngv,
        signer_name=signer,
    )


def test_an_issued_report_is_filed_in_the_library(world, client, home):
    make_tasks_in_every_status(world)
    report = _report(world)
    services.report_issue(report, user=world.officer, library_public=True)
    report.refresh_from_db()
    entry = report.library_entry
    assert (entry.doc_type, entry.number, entry.issuer, entry.is_public) == (
        "BC",
        "01/BC-SNgV",
        world.sngv,
        True,
    )
    assert entry.summary == report.subject
    assert entry.signer == "Nguyễn Văn Thử"
    row = entry.files.get()
    with report.file.open("rb") as handle:
        assert row.file.file.read() == handle.read()
    assert client.get(f"/van-ban/{entry.pk}/").status_code == 200


def test_not_public_by_default(world, client, home):
    report = _report(world)
    services.report_issue(report, user=world.officer)
    report.refresh_from_db()
    assert report.library_entry.is_public is False
    assert client.get(f"/van-ban/{report.library_entry.pk}/").status_code == 404


def test_a_refused_issue_files_nothing(world):
    report = _report(world, signer="")
    with pytest.raises(ValidationError):
        services.report_issue(report, user=world.officer, library_public=True)
    assert not OfficialDocument.objects.exists()
