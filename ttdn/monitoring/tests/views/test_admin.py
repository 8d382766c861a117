import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from ttdn.monitoring import services
from ttdn.monitoring.choices import IncidentState, Review, Topic
from ttdn.monitoring.models import DeadlineRule, Incident, Item, Source

from ..factories import ItemFactory, SourceFactory, StoryFactory
from ..http_fixtures import FixtureServer, article

pytestmark = pytest.mark.django_db


def test_inbox_lists_new_relevant_items_and_labels_them(client, users):
    relevant = ItemFactory(title="Tin Sơn La mới", review=Review.UNREVIEWED)
    ItemFactory(title="Tin tỉnh khác", relevant=False, review=Review.UNREVIEWED)
    ItemFactory(title="Tin đã xem", review=Review.RELEVANT)
    client.force_login(users["monitor"])
    response = client.get(reverse("monitoring_inbox:index"))
    assert [i.title for i in response.context["items"]] == ["Tin Sơn La mới"]
    assert "Hộp tin mới" in response.content.decode()
    everything = client.get(reverse("monitoring_inbox:index") + "?all=1")
    assert sorted(i.title for i in everything.context["items"]) == [
        "Tin Sơn La mới",
        "Tin tỉnh khác",
    ]
    response = client.post(
        reverse("monitoring_inbox:review", args=[relevant.pk]),
        {
            "action": "not_relevant",
            "topic_label": Topic.DOMESTIC_OTHER,
            "next": "/admin/monitoring/inbox/",
        },
        follow=True,
    )
    relevant.refresh_from_db()
    assert (relevant.review, relevant.topic_label) == (
        Review.NOT_RELEVANT,
        Topic.DOMESTIC_OTHER,
    )
    assert "Đã đánh dấu “Tin Sơn La mới”: không liên quan." in response.content.decode()
    assert list(response.context["items"]) == []


def test_open_incident_from_inbox(client, users):
    item = ItemFactory(title="Tin đồn vỡ đập", review=Review.UNREVIEWED)
    client.force_login(users["monitor"])
    response = client.post(
        reverse("monitoring_inbox:review", args=[item.pk]),
        {"action": "incident", "topic_label": Topic.DISINFORMATION},
    )
    incident = Incident.objects.get()
    assert response["Location"] == reverse(
        "monitoring_incidents:inspect", args=[incident.pk]
    )
    assert incident.item == item
    assert incident.topic == Topic.DISINFORMATION
    page = client.get(response["Location"]).content.decode()
    assert "Tin đồn vỡ đập" in page
    assert "Chuyển sang “đã phân loại”" in page
    assert "Hạn xử lý" in page or "Thời hạn xử lý" in page


def test_open_incident_from_story(client, users):
    story = StoryFactory(title="Chuỗi tin đập")
    ItemFactory(story=story, title="Bản đầu")
    client.force_login(users["officer"])
    response = client.post(reverse("monitoring_stories:open_incident", args=[story.pk]))
    incident = Incident.objects.get()
    assert (incident.story, incident.item.title) == (story, "Bản đầu")
    assert response["Location"] == reverse(
        "monitoring_incidents:inspect", args=[incident.pk]
    )


def test_transition_and_response_through_the_admin(client, users, organisations):
    incident = services.open_incident(
        user=users["monitor"], title="Tin sai về cửa khẩu"
    )
    client.force_login(users["monitor"])
    url = reverse("monitoring_incidents:transition", args=[incident.pk])
    response = client.post(url, {"to_state": "triaged"}, follow=True)
    assert "Giao cho: chọn cơ quan, đơn vị xử lý sự việc." in response.content.decode()
    client.post(
        url,
        {
            "to_state": "triaged",
            "organisation": organisations["sct"].pk,
            "note": "Giao SCT",
        },
    )
    client.force_login(users["focal_point"])
    client.post(url, {"to_state": "verifying"})
    client.post(
        url,
        {
            "to_state": "responding",
            "falsity": "false",
            "verification_notes": "Đã xác minh.",
        },
    )
    response = client.post(
        reverse("monitoring_incidents:respond", args=[incident.pk]),
        {
            "kind": "removal_request",
            "summary": "Đề nghị gỡ bài",
            "recipient": "Nền tảng X",
            "url": "https://x.example.org/bai",
        },
        follow=True,
    )
    assert "Đã ghi nhận phản hồi." in response.content.decode()
    incident.refresh_from_db()
    assert incident.state == IncidentState.RESPONDING
    assert incident.responses.get().recipient == "Nền tảng X"
    page = client.get(
        reverse("monitoring_incidents:inspect", args=[incident.pk])
    ).content.decode()
    assert "đề nghị gỡ bỏ thông tin" in page.lower()
    assert "Giao SCT" in page


def test_create_incident_form(client, users):
    client.force_login(users["monitor"])
    response = client.post(
        reverse("monitoring_incidents:add"),
        {"title": "", "source_channel": "agency_notice", "severity": "high"},
    )
    assert response.status_code == 200
    assert "This field is required." not in response.content.decode()
    response = client.post(
        reverse("monitoring_incidents:add"),
        {
            "title": "Thông báo của Bộ về tin sai",
            "source_channel": "agency_notice",
            "severity": "high",
            "url": "https://bo.example.org/tb",
        },
    )
    incident = Incident.objects.get()
    assert response["Location"] == reverse(
        "monitoring_incidents:inspect", args=[incident.pk]
    )
    assert (incident.source_channel, incident.severity, incident.created_by) == (
        "agency_notice",
        "high",
        users["monitor"],
    )


def test_edit_incident_dossier(client, users):
    incident = services.open_incident(user=users["monitor"], title="Tin sai")
    client.force_login(users["monitor"])
    data = {
        "title": "Tin sai về đập",
        "summary": "",
        "url": "",
        "language": "vi",
        "source_channel": "social_network",
        "topic": "disinformation",
        "severity": "high",
        "published_at": "",
        "falsity": "fake",
        "verification_notes": "",
        "false_content": "Đập bị nứt.",
        "developments": "",
        "impact": "Gây hoang mang.",
        "true_facts": "Đập an toàn.",
        "reported_to": "",
    }
    response = client.post(
        reverse("monitoring_incidents:edit", args=[incident.pk]), data
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.title, incident.true_facts, incident.falsity) == (
        "Tin sai về đập",
        "Đập an toàn.",
        "fake",
    )


def test_source_admin_validates_through_the_service(client, users):
    client.force_login(users["monitor"])
    response = client.post(
        reverse("monitoring_sources:add"),
        {
            "name": "Cổng tin",
            "source_type": "listing",
            "kind": "official",
            "url": "https://cong.example.org/",
            "link_selector": "",
            "language": "vi",
            "interval_minutes": 30,
            "enabled": "on",
        },
    )
    assert response.status_code == 200
    assert (
        "Bộ chọn CSS của liên kết bài viết: bắt buộc đối với trang danh sách tin."
        in response.content.decode()
    )
    assert Source.objects.count() == 0
    response = client.post(
        reverse("monitoring_sources:add"),
        {
            "name": "Cổng tin",
            "source_type": "listing",
            "kind": "official",
            "url": "https://cong.example.org/",
            "link_selector": ".tin a",
            "language": "vi",
            "interval_minutes": 30,
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    assert Source.objects.get().link_selector == ".tin a"


def test_fetch_now(client, users, province):
    with FixtureServer() as server:
        server.route(
            "/bai.html", article("Tin Sơn La để thử"), content_type="text/html"
        )
        source = SourceFactory(url=server.url("/bai.html"), source_type="page")
        client.force_login(users["monitor"])
        response = client.post(
            reverse("monitoring_sources:fetch", args=[source.pk]), follow=True
        )
    # Enqueued, not fetched by the request (the tests' task backend runs it
    # at once; tests/security/test_ssrf.py checks the queue).
    assert "sẽ được thu thập trong giây lát" in response.content.decode()
    assert Item.objects.get().title == "Tin Sơn La để thử"


def test_deadline_rule_overlap_refused_in_admin(client, users):
    client.force_login(users["administrator"])
    response = client.post(
        reverse("monitoring_deadlines:add"),
        {
            "step": "verify",
            "days": 3,
            "counted_from": "detection",
            "valid_from": "",
            "valid_to": "",
            "basis": "",
        },
    )
    assert response.status_code == 200
    assert "cũng có hiệu lực vào một số ngày trùng" in response.content.decode()
    assert DeadlineRule.objects.filter(step="verify").count() == 1


def test_dashboard_panel(client, users):
    services.open_incident(
        user=users["monitor"],
        title="Sự việc quá hạn",
        detected_at=timezone.now() - dt.timedelta(days=3),
    )
    client.force_login(users["monitor"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sự việc quá hạn" in page
    client.force_login(users["editor"])
    assert (
        "Sự việc quá hạn"
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_inbox_filters_by_province_and_foreign_affairs_and_takes_corrections(
    client, users
):
    laos = ItemFactory(
        title="Sơn La tiếp đoàn Hủa Phăn",
        review=Review.UNREVIEWED,
        subject_province="14",
        foreign_affairs=True,
    )
    ItemFactory(
        title="Lũ ở Lai Châu",
        review=Review.UNREVIEWED,
        subject_province="12",
        foreign_affairs=False,
    )
    client.force_login(users["monitor"])
    url = reverse("monitoring_inbox:index")
    response = client.get(url + "?province=14&fa=yes")
    assert [i.title for i in response.context["items"]] == ["Sơn La tiếp đoàn Hủa Phăn"]
    assert "Tỉnh Sơn La" in response.content.decode()
    assert [i.title for i in client.get(url + "?fa=no").context["items"]] == [
        "Lũ ở Lai Châu"
    ]
    response = client.post(
        reverse("monitoring_inbox:correct", args=[laos.pk]),
        {"subject_province_label": "12", "foreign_affairs_label": "no", "next": url},
    )
    assert response.status_code == 302
    laos.refresh_from_db()
    assert (laos.subject_province_label, laos.foreign_affairs_label) == ("12", False)
    corrected = client.get(url + "?province=12").context["items"]
    assert sorted(i.title for i in corrected) == [
        "Lũ ở Lai Châu",
        "Sơn La tiếp đoàn Hủa Phăn",
    ]
    # A code that is not a province is refused and changes nothing.
    client.post(
        reverse("monitoring_inbox:correct", args=[laos.pk]),
        {"subject_province_label": "99", "next": url},
    )
    laos.refresh_from_db()
    assert laos.subject_province_label == "12"
