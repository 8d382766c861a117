"""Creating or editing a monitoring source and editing an incident's fields
leave an audit entry naming who and which fields (issue 11, defect 8)."""

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from ttdn.monitoring import services
from ttdn.monitoring.models import Source

pytestmark = pytest.mark.django_db

SOURCE = {
    "name": "Báo Sơn La",
    "source_type": "feed",
    "kind": "official",
    "url": "https://baosonla.example.org/rss",
    "link_selector": "",
    "language": "vi",
    "interval_minutes": 30,
    "enabled": "on",
}


def _entries(instance):
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(instance.pk), content_type__model=instance._meta.model_name
        )
        .order_by("pk")
        .values_list("action", "user_id", "data")
    )


def test_source_create_and_edit_are_audited(client, users):
    client.force_login(users["monitor"])
    client.post(reverse("monitoring_sources:add"), SOURCE)
    source = Source.objects.get()
    client.post(
        reverse("monitoring_sources:edit", args=[source.pk]),
        {**SOURCE, "name": "Báo Sơn La điện tử", "interval_minutes": 60},
    )
    entries = _entries(source)
    assert [(a, u) for a, u, _d in entries] == [
        ("wagtail.create", users["monitor"].pk),
        ("wagtail.edit", users["monitor"].pk),
    ]
    assert entries[1][2]["fields"] == ["interval_minutes", "name"]


def test_incident_field_edit_is_audited(client, users):
    incident = services.open_incident(user=users["monitor"], title="Tin sai")
    client.force_login(users["officer"])
    response = client.post(
        reverse("monitoring_incidents:edit", args=[incident.pk]),
        {
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
            "false_content": "",
            "developments": "",
            "impact": "",
            "true_facts": "Đập an toàn.",
            "reported_to": "",
        },
    )
    assert response.status_code == 302
    action, user_id, data = _entries(incident)[-1]
    assert (action, user_id) == ("wagtail.edit", users["officer"].pk)
    assert "title" in data["fields"] and "true_facts" in data["fields"]
