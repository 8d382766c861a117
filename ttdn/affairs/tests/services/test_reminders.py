"""The daily reminder task: e-mails the responsible unit once before a deadline
and once after it, per deadline and stage."""

import datetime as dt

from django.core import mail

import pytest

from ttdn.affairs import services, tasks
from ttdn.affairs.choices import DelegationStatus
from ttdn.affairs.models import ReminderLog
from ttdn.affairs.tests.conftest import at
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.directory import services as directory_services
from ttdn.directory.tests.factories import OrganisationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign_affairs_body(db):
    province = ProvinceFactory(code="14", name="Tỉnh Sơn La")
    body = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Sơn La",
        short_code="SNgV",
        administrative_unit=province,
        email="songoaivu@example.org",
    )
    directory_services.update_directory_settings(
        province=province, foreign_affairs_body=body
    )
    return body


@pytest.fixture
def completed(unit, foreign_affairs_body):
    # Ended Wednesday 04/03/2026: the result report is due 19/03/2026 (15 days).
    return DelegationFactory(
        title="Đoàn Hủa Phăn",
        organisation=unit,
        status=DelegationStatus.COMPLETED,
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
    )


def test_nothing_is_sent_long_before_the_deadline(completed):
    report = services.send_deadline_reminders(today=dt.date(2026, 3, 10))
    assert report.count == 0
    assert mail.outbox == []


def test_reminder_before_the_deadline_goes_to_the_unit_once(completed, unit):
    report = services.send_deadline_reminders(today=dt.date(2026, 3, 16))
    assert report.count == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["svhttdl@example.org"]
    assert message.subject == ("[TTĐN] Hạn 19/03/2026: báo cáo kết quả — Đoàn Hủa Phăn")
    assert "19/03/2026" in message.body
    assert f"/admin/affairs/delegations/inspect/{completed.pk}/" in message.body
    # The next days of the same stage send nothing more.
    assert services.send_deadline_reminders(today=dt.date(2026, 3, 17)).count == 0
    assert services.send_deadline_reminders(today=dt.date(2026, 3, 19)).count == 0
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.get().stage == "before"


def test_reminder_after_the_deadline_once(completed):
    services.send_deadline_reminders(today=dt.date(2026, 3, 16))
    report = services.send_deadline_reminders(today=dt.date(2026, 3, 20))
    assert report.count == 1
    assert mail.outbox[-1].subject == (
        "[TTĐN] Quá hạn từ 19/03/2026: báo cáo kết quả — Đoàn Hủa Phăn"
    )
    assert services.send_deadline_reminders(today=dt.date(2026, 3, 25)).count == 0
    assert sorted(ReminderLog.objects.values_list("stage", flat=True)) == [
        "after",
        "before",
    ]
    assert len(mail.outbox) == 2


def test_done_steps_are_not_reminded(completed):
    completed.status = DelegationStatus.RESULT_REPORTED
    completed.save()
    assert services.send_deadline_reminders(today=dt.date(2026, 3, 20)).count == 0
    assert mail.outbox == []


def test_review_reminders_go_to_the_foreign_affairs_body(unit, foreign_affairs_body):
    DelegationFactory(
        organisation=unit,
        status=DelegationStatus.SUBMITTED,
        submitted_at=at(2026, 3, 2),
    )
    # Seven working days after Monday 02/03/2026: Wednesday 11/03/2026.
    report = services.send_deadline_reminders(today=dt.date(2026, 3, 12))
    assert [r[3] for r in report.sent] == ["songoaivu@example.org"]
    assert mail.outbox[0].to == ["songoaivu@example.org"]


def test_a_unit_without_e_mail_falls_back_to_the_foreign_affairs_body(
    foreign_affairs_body,
):
    silent = OrganisationFactory(name="Sở Thử Không Thư", email="")
    DelegationFactory(
        organisation=silent,
        status=DelegationStatus.COMPLETED,
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
    )
    services.send_deadline_reminders(today=dt.date(2026, 3, 16))
    assert mail.outbox[0].to == ["songoaivu@example.org"]


def test_without_any_address_nothing_is_recorded(unit):
    silent = OrganisationFactory(name="Sở Thử Không Thư", email="")
    DelegationFactory(
        organisation=silent,
        status=DelegationStatus.COMPLETED,
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
    )
    report = services.send_deadline_reminders(today=dt.date(2026, 3, 16))
    assert (report.count, len(report.skipped)) == (0, 1)
    assert not ReminderLog.objects.exists()


def test_the_periodic_task(completed, settings):
    assert "affairs_reminders" in settings.TTDN_PERIODIC_TASKS
    assert (
        settings.TTDN_PERIODIC_TASKS["affairs_reminders"]["task"]
        == "ttdn.affairs.tasks.send_deadline_reminders"
    )
    # Today (the test run) is long after 19/03/2026: one "overdue" reminder.
    result = tasks.send_deadline_reminders.enqueue()
    assert result.return_value == {"sent": 1, "skipped": 0}
    assert mail.outbox[0].to == ["svhttdl@example.org"]
    assert tasks.send_deadline_reminders.enqueue().return_value == {
        "sent": 0,
        "skipped": 0,
    }
