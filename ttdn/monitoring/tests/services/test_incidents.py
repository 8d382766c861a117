"""The incident state machine, deadlines as data, responses and the history."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from ttdn.core import workflow
from ttdn.core.models import TransitionLog
from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.monitoring import selectors, services
from ttdn.monitoring.choices import (
    CountedFrom,
    Falsity,
    IncidentState,
    ResponseKind,
    Review,
    SourceChannel,
    SourceKind,
    Step,
)
from ttdn.monitoring.models import DeadlineRule, Incident, Response
from ttdn.portal.tests.factories import ArticlePageFactory

from ..factories import ItemFactory, SourceFactory

pytestmark = pytest.mark.django_db

S = IncidentState


@pytest.fixture
def item(province):
    return ItemFactory(
        title="Tin đồn đập thủy điện Sơn La bị nứt",
        source=SourceFactory(kind=SourceKind.FOREIGN_PRESS),
        published_at=timezone.now() - dt.timedelta(days=1),
        review=Review.UNREVIEWED,
    )


def open_(users, item, **kwargs):
    return services.open_incident(user=users["monitor"], item=item, **kwargs)


def test_default_rules_from_migration():
    assert sorted(DeadlineRule.objects.values_list("step", "days", "counted_from")) == [
        ("report", 20, "publication"),
        ("respond", 7, "detection"),
        ("triage", 1, "detection"),
        ("verify", 5, "publication"),
    ]


def test_open_from_item(users, item):
    detected = timezone.now() - dt.timedelta(hours=2)
    incident = open_(users, item, detected_at=detected)
    assert incident.state == S.DETECTED
    assert incident.title == item.title
    assert incident.url == item.url
    assert incident.story == item.story
    assert incident.source_channel == SourceChannel.FOREIGN_PRESS
    assert incident.is_foreign_source is True
    assert incident.topic == item.topic
    assert incident.triage_due == detected + dt.timedelta(days=1)
    assert incident.respond_due == detected + dt.timedelta(days=7)
    # verification and report count from publication (the item's)
    assert incident.verify_due == item.published_at + dt.timedelta(days=5)
    assert incident.report_due == item.published_at + dt.timedelta(days=20)
    assert incident.close_due is None
    step = workflow.history(incident).get()
    assert (step.from_state, step.to_state, step.user, step.user_name) == (
        "",
        S.DETECTED,
        users["monitor"],
        users["monitor"].get_full_name(),
    )
    item.refresh_from_db()
    assert item.review == Review.RELEVANT


def test_rules_with_effective_dates(users, item):
    DeadlineRule.objects.filter(step=Step.VERIFY).update(valid_to=dt.date(2026, 6, 30))
    services.save_deadline_rule(
        DeadlineRule(
            step=Step.VERIFY,
            days=3,
            counted_from=CountedFrom.DETECTION,
            valid_from=dt.date(2026, 7, 1),
        ),
        user=users["monitor"],
    )
    old = open_(
        users,
        None,
        title="Sự việc cũ",
        detected_at=dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC),
    )
    new = open_(
        users,
        None,
        title="Sự việc mới",
        detected_at=dt.datetime(2026, 8, 1, 9, 0, tzinfo=dt.UTC),
    )
    assert old.verify_due == dt.datetime(2026, 3, 6, 9, 0, tzinfo=dt.UTC)
    assert new.verify_due == dt.datetime(2026, 8, 4, 9, 0, tzinfo=dt.UTC)


def test_overlapping_rule_refused(users):
    with pytest.raises(ValidationError) as error:
        services.save_deadline_rule(
            DeadlineRule(step=Step.VERIFY, days=2, valid_from=dt.date(2026, 1, 1)),
            user=users["monitor"],
        )
    assert error.value.message_dict["valid_from"][0].startswith(
        "Có hiệu lực từ: “xác minh trong 5 ngày” (mọi lúc) cũng có hiệu lực vào "
        "một số ngày trùng"
    )
    assert DeadlineRule.objects.filter(step=Step.VERIFY).count() == 1


def walk(users, incident, organisations):
    monitor, focal = users["monitor"], users["focal_point"]
    incident = services.transition(
        incident,
        S.TRIAGED,
        user=monitor,
        organisation=organisations["sct"],
        note="Giao Sở Công Thương",
    )
    incident = services.transition(incident, S.VERIFYING, user=focal)
    incident = services.transition(
        incident,
        S.RESPONDING,
        user=focal,
        falsity=Falsity.FAKE,
        verification_notes="Số liệu quan trắc bình thường.",
    )
    services.add_response(
        incident,
        user=focal,
        kind=ResponseKind.PRESS_INFORMATION,
        recipient="Báo Sơn La",
        summary="Cung cấp số liệu quan trắc.",
    )
    incident = services.transition(
        incident, S.REPORTED, user=focal, reported_to="Ban Chỉ đạo công tác TTĐN tỉnh"
    )
    return services.transition(incident, S.CLOSED, user=monitor)


def test_full_walk_records_every_step(users, item, organisations):
    incident = walk(users, open_(users, item), organisations)
    assert incident.state == S.CLOSED
    assert list(
        workflow.history(incident).values_list(
            "from_state", "to_state", "user__username"
        )
    ) == [
        ("", "detected", "theodoi"),
        ("detected", "triaged", "theodoi"),
        ("triaged", "verifying", "daumoi"),
        ("verifying", "responding", "daumoi"),
        ("responding", "reported", "daumoi"),
        ("reported", "closed", "theodoi"),
    ]
    assert (
        workflow.history(incident).get(to_state="triaged").comment
        == "Giao Sở Công Thương"
    )
    for field in (
        "triaged_at",
        "verification_started_at",
        "verified_at",
        "first_response_at",
        "reported_at",
        "closed_at",
    ):
        assert getattr(incident, field) is not None, field
    assert incident.organisation == organisations["sct"]
    assert incident.falsity == Falsity.FAKE
    assert incident.reported_to == "Ban Chỉ đạo công tác TTĐN tỉnh"


def assert_refused(call, field, message, incident):
    before = Incident.objects.get(pk=incident.pk)
    count = TransitionLog.objects.count()
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.message_dict[field] == [message]
    after = Incident.objects.get(pk=incident.pk)
    assert (after.state, after.organisation_id, after.falsity) == (
        before.state,
        before.organisation_id,
        before.falsity,
    )
    assert TransitionLog.objects.count() == count


def test_skipping_a_state_refused(users, item):
    incident = open_(users, item)
    assert_refused(
        lambda: services.transition(incident, S.RESPONDING, user=users["monitor"]),
        "__all__",
        "Không thể “Phản hồi” khi hồ sơ đang ở trạng thái “phát hiện”; thao tác này "
        "áp dụng cho: đang xác minh.",
        incident,
    )


def test_triage_needs_an_organisation(users, item):
    incident = open_(users, item)
    assert_refused(
        lambda: services.transition(incident, S.TRIAGED, user=users["monitor"]),
        "organisation",
        "Giao cho: chọn cơ quan, đơn vị xử lý sự việc.",
        incident,
    )


def test_triage_refuses_an_ended_organisation(users, item):
    ended = OrganisationFactory(name="Sở cũ", valid_to=dt.date(2025, 6, 30))
    incident = open_(users, item)
    assert_refused(
        lambda: services.transition(
            incident, S.TRIAGED, user=users["monitor"], organisation=ended
        ),
        "organisation",
        "Giao cho: “Sở cũ” không còn tồn tại; hãy chọn cơ quan kế thừa.",
        incident,
    )


def test_responding_needs_a_false_verdict(users, item, organisations):
    incident = open_(users, item)
    incident = services.transition(
        incident, S.TRIAGED, user=users["monitor"], organisation=organisations["sct"]
    )
    incident = services.transition(incident, S.VERIFYING, user=users["monitor"])
    assert_refused(
        lambda: services.transition(incident, S.RESPONDING, user=users["monitor"]),
        "falsity",
        "Kết quả xác minh: chỉ phản hồi đối với tin giả hoặc tin sai sự thật; hãy ghi kết quả xác minh trước.",
        incident,
    )


def test_true_information_reported_without_response(users, item, organisations):
    incident = open_(users, item)
    incident = services.transition(
        incident, S.TRIAGED, user=users["monitor"], organisation=organisations["sct"]
    )
    incident = services.transition(incident, S.VERIFYING, user=users["monitor"])
    incident = services.transition(
        incident,
        S.REPORTED,
        user=users["monitor"],
        falsity=Falsity.VERIFIED,
        reported_to="Ban Chỉ đạo",
    )
    assert incident.state == S.REPORTED
    assert incident.verified_at is not None
    assert incident.first_response_at is None
    assert [row["step"] for row in incident.deadlines()] == [
        "triage",
        "verify",
        "report",
    ]


def test_reporting_needs_a_response(users, item, organisations):
    incident = open_(users, item)
    for target, extra in [
        (S.TRIAGED, {"organisation": organisations["sct"]}),
        (S.VERIFYING, {}),
        (S.RESPONDING, {"falsity": Falsity.FALSE}),
    ]:
        incident = services.transition(incident, target, user=users["monitor"], **extra)
    assert_refused(
        lambda: services.transition(
            incident, S.REPORTED, user=users["monitor"], reported_to="Ban Chỉ đạo"
        ),
        "__all__",
        "Cần ghi nhận ít nhất một phản hồi trước khi báo cáo sự việc.",
        incident,
    )


def test_early_close_needs_a_note(users, item):
    incident = open_(users, item)
    assert_refused(
        lambda: services.transition(incident, S.CLOSED, user=users["monitor"]),
        "note",
        "Ghi chú: nêu lý do kết thúc sự việc khi chưa báo cáo.",
        incident,
    )
    closed = services.transition(
        incident, S.CLOSED, user=users["monitor"], note="Không phải thông tin sai lệch."
    )
    assert closed.close_note == "Không phải thông tin sai lệch."
    assert closed.deadlines() == []
    with pytest.raises(ValidationError):
        services.update_incident(closed, user=users["monitor"], title="Khác")


def test_permissions_of_transitions(users, item, organisations):
    incident = open_(users, item)
    # Triage is for monitors and officers, not focal points.
    with pytest.raises(workflow.TransitionRefused):
        services.transition(
            incident,
            S.TRIAGED,
            user=users["focal_point"],
            organisation=organisations["sct"],
        )
    incident = services.transition(
        incident, S.TRIAGED, user=users["officer"], organisation=organisations["sct"]
    )
    # A focal point of another organisation does not see it.
    with pytest.raises(workflow.TransitionRefused):
        services.transition(incident, S.VERIFYING, user=users["other_focal_point"])
    with pytest.raises(workflow.TransitionRefused):
        services.transition(incident, S.VERIFYING, user=users["steering"])
    assert Incident.objects.get(pk=incident.pk).state == S.TRIAGED
    assert services.allowed_transitions(incident, users["focal_point"]) == [S.VERIFYING]
    assert services.allowed_transitions(incident, users["monitor"]) == [
        S.VERIFYING,
        S.CLOSED,
    ]
    assert services.allowed_transitions(incident, users["steering"]) == []


def triaged_verifying(users, item, organisations):
    incident = open_(users, item)
    incident = services.transition(
        incident, S.TRIAGED, user=users["monitor"], organisation=organisations["sct"]
    )
    return services.transition(incident, S.VERIFYING, user=users["monitor"])


def test_portal_response_links_article(users, item, organisations, home):
    incident = triaged_verifying(users, item, organisations)
    article = ArticlePageFactory(
        parent=home, title="Thông tin làm rõ về an toàn đập thủy điện"
    )
    sent = timezone.now() - dt.timedelta(hours=1)
    response = services.add_response(
        incident,
        user=users["focal_point"],
        kind=ResponseKind.CLARIFICATION,
        article=article,
        summary="Đăng tin làm rõ trên cổng thông tin.",
        sent_at=sent,
    )
    incident.refresh_from_db()
    assert incident.first_response_at == sent
    assert response.article == article
    assert services.article_status(article) == (
        "published" if article.live else "draft"
    )


def test_response_validation(users, item, organisations):
    incident = triaged_verifying(users, item, organisations)
    cases = [
        (
            {"kind": ResponseKind.CLARIFICATION},
            "article",
            "Tin bài trên cổng thông tin: chọn tin làm rõ hoặc thông cáo báo chí đã đăng trên cổng thông tin.",
        ),
        (
            {"kind": ResponseKind.PRESS_INFORMATION},
            "recipient",
            "Nơi nhận: ghi rõ cơ quan báo chí được cung cấp thông tin.",
        ),
        (
            {"kind": ResponseKind.REMOVAL_REQUEST, "recipient": "Nền tảng X"},
            "url",
            "Địa chỉ: ghi địa chỉ của nội dung cần gỡ bỏ.",
        ),
        (
            {
                "kind": ResponseKind.PRESS_INFORMATION,
                "recipient": "Báo",
                "sent_at": timezone.now() + dt.timedelta(days=1),
            },
            "sent_at",
            "Ngày: không được ở tương lai.",
        ),
    ]
    for kwargs, field, message in cases:
        with pytest.raises(ValidationError) as error:
            services.add_response(
                incident, user=users["monitor"], summary="x", **kwargs
            )
        assert error.value.message_dict[field] == [message]
    assert Response.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.add_response(
            incident,
            user=users["other_focal_point"],
            kind=ResponseKind.PRESS_INFORMATION,
            recipient="Báo",
            summary="x",
        )


def test_overdue_list(users, item, organisations):
    now = timezone.now()
    late = open_(
        users, None, title="Chưa phân loại", detected_at=now - dt.timedelta(days=2)
    )
    fresh = open_(users, None, title="Mới", detected_at=now - dt.timedelta(hours=1))
    verifying = open_(
        users, None, title="Xác minh chậm", detected_at=now - dt.timedelta(days=6)
    )
    verifying = services.transition(
        verifying,
        S.TRIAGED,
        user=users["monitor"],
        organisation=organisations["sct"],
        at=now - dt.timedelta(days=6),
    )
    verifying = services.transition(
        verifying,
        S.VERIFYING,
        user=users["monitor"],
        at=now - dt.timedelta(days=5, hours=12),
    )
    closed = open_(
        users, None, title="Đã đóng", detected_at=now - dt.timedelta(days=30)
    )
    services.transition(closed, S.CLOSED, user=users["monitor"], note="Trùng lặp.")
    overdue = list(selectors.overdue_incidents(users["monitor"], now=now))
    assert [i.title for i in overdue] == ["Xác minh chậm", "Chưa phân loại"]
    assert selectors.overdue_steps(verifying, now=now) == ["xác minh"]
    assert selectors.overdue_steps(late, now=now) == ["phân loại"]
    assert selectors.overdue_steps(fresh, now=now) == []
    # The focal point sees only the one assigned to their organisation.
    assert [
        i.title for i in selectors.overdue_incidents(users["focal_point"], now=now)
    ] == ["Xác minh chậm"]
    assert list(selectors.overdue_incidents(users["other_focal_point"], now=now)) == []
