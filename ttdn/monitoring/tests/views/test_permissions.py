"""Permission matrix of every monitoring admin view: anonymous, logged in without
a role, monitor, foreign-affairs officer, focal point of the assigned organisation
and of another one, steering-committee member, editor, administrator. Monitors
and officers see everything; focal points only the incidents assigned to their
organisation (others do not exist for them: 404)."""

from django.urls import reverse

import pytest

from ttdn.monitoring import services
from ttdn.monitoring.choices import IncidentState
from ttdn.monitoring.models import Alert, DeadlineRule

from ..factories import ItemFactory, SourceFactory

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN, MISSING = 200, "denied", "login", 404
ROLES = (
    "monitor",
    "officer",
    "focal_point",
    "other_focal_point",
    "steering",
    "editor",
    "administrator",
)

# view → expected outcome per role, in ROLES order
MATRIX = {
    "monitoring_inbox:index": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_board:index": (OK, OK, OK, OK, OK, DENIED, OK),
    "monitoring_incidents:index": (OK, OK, OK, OK, OK, DENIED, OK),
    "monitoring_incidents:add": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_incidents:inspect": (OK, OK, OK, MISSING, OK, DENIED, OK),
    "monitoring_incidents:edit": (OK, OK, OK, MISSING, DENIED, DENIED, OK),
    "monitoring_incidents:delete": (DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_sources:index": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_sources:add": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_sources:edit": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_sources:inspect": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_sources:delete": (DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_items:index": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_items:inspect": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_items:edit": (DENIED,) * 7,
    "monitoring_stories:index": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_stories:inspect": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_alerts:index": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_alerts:inspect": (OK, OK, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_deadlines:index": (OK, OK, OK, OK, DENIED, DENIED, OK),
    "monitoring_deadlines:add": (DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
    "monitoring_deadlines:edit": (DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
}


@pytest.fixture
def objects(users, organisations):
    item = ItemFactory()
    incident = services.open_incident(user=users["monitor"], item=item)
    incident = services.transition(
        incident,
        IncidentState.TRIAGED,
        user=users["monitor"],
        organisation=organisations["sct"],
    )
    alert = Alert.objects.create(
        subject="story",
        window="hour",
        story=item.story,
        key="a",
        window_end=item.fetched_at,
        count=3,
        baseline=0,
    )
    return {
        "monitoring_incidents": incident,
        "monitoring_sources": SourceFactory(),
        "monitoring_items": item,
        "monitoring_stories": item.story,
        "monitoring_alerts": alert,
        "monitoring_deadlines": DeadlineRule.objects.first(),
    }


def url_for(name, objects):
    viewset, action = name.split(":")
    if action in ("index", "add"):
        return reverse(name)
    return reverse(name, args=[objects[viewset].pk])


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
        return f"302 {location}"
    return response.status_code


CASES = [
    (name, role, expected)
    for name, row in MATRIX.items()
    for role, expected in zip(ROLES, row, strict=True)
] + [(name, role, LOGIN) for name in MATRIX for role in ("anonymous", "no_role")]


@pytest.mark.parametrize(("name", "role", "expected"), CASES)
def test_permission_matrix(client, users, objects, name, role, expected):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(url_for(name, objects))
    assert outcome(response) == expected


def test_focal_point_lists_only_own_incidents(client, users, objects):
    services.open_incident(user=users["monitor"], title="Sự việc chưa giao")
    for role, titles in [
        ("focal_point", [objects["monitoring_incidents"].title]),
        ("other_focal_point", []),
        (
            "monitor",
            sorted([objects["monitoring_incidents"].title, "Sự việc chưa giao"]),
        ),
    ]:
        client.force_login(users[role])
        response = client.get(reverse("monitoring_incidents:index"))
        listed = sorted(i.title for i in response.context["object_list"])
        assert listed == sorted(titles), role
        board = client.get(reverse("monitoring_board:index"))
        on_board = sorted(
            c["incident"].title
            for col in board.context["columns"]
            for c in col["cards"]
        )
        assert on_board == sorted(titles), role


def test_post_actions_refused_outside_scope(client, users, objects):
    incident = objects["monitoring_incidents"]
    client.force_login(users["other_focal_point"])
    response = client.post(
        reverse("monitoring_incidents:transition", args=[incident.pk]),
        {"to_state": "verifying"},
    )
    assert response.status_code == 404
    response = client.post(
        reverse("monitoring_incidents:respond", args=[incident.pk]),
        {"kind": "press_information", "summary": "x", "recipient": "Báo"},
    )
    assert response.status_code == 404
    incident.refresh_from_db()
    assert incident.state == IncidentState.TRIAGED
    assert incident.responses.count() == 0
    client.force_login(users["focal_point"])
    response = client.post(
        reverse("monitoring_inbox:review", args=[objects["monitoring_items"].pk]),
        {"action": "relevant"},
    )
    assert outcome(response) == DENIED
    response = client.post(
        reverse("monitoring_sources:fetch", args=[objects["monitoring_sources"].pk])
    )
    assert outcome(response) == DENIED
