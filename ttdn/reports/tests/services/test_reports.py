"""Drafts, issuing and the immutability of issued reports; every figure of a
generated report equals the selectors'."""

import datetime as dt
import hashlib
import io

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
from docx import Document

from ttdn.core.indicators import Period
from ttdn.planning import selectors as planning
from ttdn.reports import services
from ttdn.reports.choices import ReportKind, ReportStatus
from ttdn.reports.models import Report
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db


def _period():
    today = timezone.localdate()
    return Period(dt.date(today.year, 1, 1), today)


def _texts(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    return [p.text for p in document.paragraphs]


def _tables(content: bytes):
    document = Document(io.BytesIO(content))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def test_a_draft_is_filled_with_a_suggested_narrative(world):
    plan = make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS, period=_period(), issuing_organisation=world.sngv
    )

    assert report.status == ReportStatus.DRAFT
    assert report.code == "BC-SNgV"
    assert (report.signing_authority, report.head_position, report.signer_position) == (
        "KT.",
        "GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    assert report.intro == (
        f"Thực hiện Kế hoạch số 18/KH-UBND ngày {plan.issued_on:%d/%m/%Y} về kế "
        f"hoạch thông tin đối ngoại năm {plan.start_year}, Sở Ngoại vụ tỉnh Thử "
        f"Nghiệm báo cáo kết quả thực hiện {'từ ngày'} {_period().start:%d/%m/%Y} "
        f"đến ngày {_period().end:%d/%m/%Y} như sau:"
    )
    assert report.limitations == (
        "Còn 1 lượt nhiệm vụ chưa hoàn thành và đã quá hạn, tại: Ủy ban nhân dân "
        "phường Hòa Bình.\n1 lượt nhiệm vụ hoàn thành nhưng chậm so với thời hạn "
        "được giao."
    )
    due = timezone.localdate() + dt.timedelta(days=20)
    assert report.tasks_ahead == (
        f"Tuyên truyền biên giới (chủ trì: Ủy ban nhân dân xã Bình An; hạn "
        f"{due:%d/%m/%Y})."
    )


def test_every_figure_of_the_task_report_is_the_selectors(world):
    make_tasks_in_every_status(world)
    period = _period()
    report = services.report_create(
        kind=ReportKind.TASK_STATUS, period=period, issuing_organisation=world.sngv
    )
    items, _as_of = planning.work_items_in_period(period.start, period.end)
    items = list(items)
    expected_rows = [
        [
            row.organisation.name,
            str(row.total),
            *(str(row.counts[s]) for s in planning.STATUS_ORDER),
        ]
        for row in planning.status_by_unit(items)
    ]
    counts = planning.status_counts(items)

    tables = _tables(services.render_document(report))
    unit_table = tables[1]
    assert [row[1:] for row in unit_table[1:-1]] == expected_rows
    assert unit_table[-1][1:] == [
        "Tổng cộng",
        str(len(items)),
        *(str(counts[s]) for s in planning.STATUS_ORDER),
    ]
    assert counts == {
        "done_on_time": 1,
        "done_late": 1,
        "within_deadline": 1,
        "overdue": 1,
    }
    open_table = tables[2]
    assert [row[2] for row in open_table[1:]] == [
        "Ủy ban nhân dân phường Hòa Bình",
        "Ủy ban nhân dân xã Bình An",
    ]
    texts = _texts(services.render_document(report))
    assert (
        "Tổng số 4 lượt nhiệm vụ (mỗi đơn vị chủ trì, mỗi kỳ thực hiện là một lượt), "
        f"tình hình đến ngày {period.end:%d/%m/%Y}: hoàn thành đúng hạn 1 (25%); hoàn "
        "thành quá hạn 1 (25%); chưa hoàn thành nhưng còn hạn 1 (25%); chưa hoàn thành "
        "và quá hạn 1 (25%)."
    ) in texts


def test_the_review_counts_published_articles_like_the_indicator(world, home):
    from ttdn.core.timefmt import VN_TZ
    from ttdn.portal.selectors import published_articles
    from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

    section = SectionPageFactory(parent=home)
    today = timezone.localdate()
    for day in (dt.date(today.year, 1, 5), dt.date(today.year, 2, 5)):
        ArticlePageFactory(
            parent=section,
            published_at=dt.datetime.combine(day, dt.time(8), tzinfo=VN_TZ),
        )
    ArticlePageFactory(
        parent=section,
        published_at=dt.datetime(today.year - 1, 12, 31, 23, 30, tzinfo=VN_TZ),
    )
    period = Period.year(today.year)
    report = services.report_create(
        kind=ReportKind.TTDN_ANNUAL, period=period, issuing_organisation=world.sngv
    )
    expected = published_articles(period.start, period.end).count()
    assert expected == 2
    texts = _texts(services.render_document(report))
    assert any(
        t.startswith(f"Trong kỳ, Cổng thông tin đã đăng tải {expected} tin bài")
        for t in texts
    )


def test_issuing_numbers_the_report_and_stores_its_file_with_a_hash(world):
    make_tasks_in_every_status(world)
    first = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=_period(),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    second = services.report_create(
        kind=ReportKind.TTDN_H1,
        period=Period.half(timezone.localdate().year, 1),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    today = timezone.localdate()

    services.report_issue(first, user=world.officer)
    services.report_issue(second, user=world.officer)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert (first.document_number, first.issued_on, first.place_name) == (
        "01/BC-SNgV",
        today,
        "Thử Nghiệm",
    )
    with first.file.open("rb") as handle:
        content = handle.read()
    assert hashlib.sha256(content).hexdigest() == first.file_sha256
    assert first.file_size == len(content)
    assert first.figures["tasks"]["total"] == 4
    assert first.issued_by == world.officer


def test_an_issued_report_keeps_its_file_when_the_data_change(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=_period(),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    services.report_issue(report, user=world.officer)
    report.refresh_from_db()
    before = services.render_document(report)
    workbook_before = services.render_workbook(report)

    # Afterwards the open work of commune A is reported and accepted.
    from ttdn.planning import services as planning_services
    from ttdn.planning.models import WorkItem

    item = WorkItem.objects.get(assignment__organisation=world.commune_a)
    late = planning_services.progress_report_submit(
        work_item=item, user=world.officer, summary="Xong.", is_final=True
    )
    planning_services.progress_report_accept(late, user=world.officer)
    fresh = services.report_create(
        kind=ReportKind.TASK_STATUS, period=_period(), issuing_organisation=world.sngv
    )
    assert any(
        "hoàn thành đúng hạn 2 (50%)" in t
        for t in _texts(services.render_document(fresh))
    )

    assert services.file_intact(report)
    assert services.render_document(report) == before
    assert services.render_workbook(report) == workbook_before
    assert hashlib.sha256(before).hexdigest() == report.file_sha256


def test_a_tampered_file_is_detected_and_not_served(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=_period(),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    services.report_issue(report, user=world.officer)
    report.refresh_from_db()
    with open(report.file.path, "ab") as handle:
        handle.write(b"tampered")

    assert services.file_intact(report) is False
    with pytest.raises(services.ReportFileAltered):
        services.render_document(report)


def test_an_issued_report_cannot_change_or_be_deleted(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=_period(),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    services.report_issue(report, issued_on=dt.date(2026, 1, 5), user=world.officer)
    report.refresh_from_db()
    original = report.results
    report.results = "Sửa sau khi ban hành"

    with pytest.raises(ValidationError) as caught:
        services.report_save(report, user=world.officer)
    assert caught.value.messages == [
        "Báo cáo đã ban hành ngày 05/01/2026, số 01/BC-SNgV; không thể sửa nữa."
    ]
    with pytest.raises(ValidationError):
        services.report_delete(report, user=world.officer)
    with pytest.raises(ValidationError):
        services.report_issue(report, user=world.officer)
    stored = Report.objects.get(pk=report.pk)
    assert (stored.results, stored.number) == (original, 1)


def test_issuing_needs_a_signer_and_a_free_number(world):
    make_tasks_in_every_status(world)
    report = services.report_create(
        kind=ReportKind.TASK_STATUS, period=_period(), issuing_organisation=world.sngv
    )
    with pytest.raises(ValidationError) as caught:
        services.report_issue(report, user=world.officer)
    assert caught.value.message_dict == {
        "signer_name": ["Người ký: nhập họ và tên người ký."]
    }
    report.signer_name = "Nguyễn Văn Thử"
    services.report_save(report, user=world.officer)
    other = services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=_period(),
        issuing_organisation=world.sngv,
        signer_name="Nguyễn Văn Thử",
    )
    services.report_issue(other, number=7, user=world.officer)
    with pytest.raises(ValidationError) as caught:
        services.report_issue(report, number=7, user=world.officer)
    assert caught.value.message_dict["number"] == [
        f"Số: 07/BC-SNgV đã được dùng trong năm {timezone.localdate().year}."
    ]
    report.refresh_from_db()
    assert (report.status, report.number, bool(report.file)) == ("draft", None, False)


def test_the_foreign_affairs_report_needs_the_register(world, settings):
    from ttdn.core.indicators import registry

    if "DELEG_IN_COUNT" in registry:
        pytest.skip("the foreign-affairs register provides its indicators")
    with pytest.raises(ValidationError) as caught:
        services.report_create(
            kind=ReportKind.FOREIGN_AFFAIRS,
            period=_period(),
            issuing_organisation=world.sngv,
        )
    assert list(caught.value.message_dict) == ["kind"]
