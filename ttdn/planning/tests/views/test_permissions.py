"""The permission matrix of every planning admin view: anonymous, logged in
without a role, focal point of the assigned organisation, focal point of another
organisation, foreign-affairs officer, steering-committee member, administrator."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from ttdn.planning import services
from ttdn.planning.choices import MeetingKind
from ttdn.planning.models import Conclusion, Meeting, SteeringCommittee, WorkItem
from ttdn.planning.tests.factories import issue, make_plan, make_task

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN, MISSING = 200, "denied", "login", 404
ACTIONS = ("index", "add", "edit", "inspect", "delete", "history", "usage")
ALL = (OK,) * 7
READ = (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED)
NOTHING = (DENIED,) * 7
# Another organisation's focal point: what a focal point may not do is refused;
# what it may do, on a record outside its scope, finds nothing (404).
OUT_OF_SCOPE = (OK, DENIED, DENIED, MISSING, DENIED, DENIED, DENIED)

MATRIX = {
    "planning_plans": {
        "focal": READ,
        "other_focal": OUT_OF_SCOPE,
        "officer": ALL,
        "steering": READ,
        "admin": ALL,
    },
    "planning_tasks": {
        "focal": READ,
        "other_focal": OUT_OF_SCOPE,
        "officer": ALL,
        "steering": READ,
        "admin": ALL,
    },
    "planning_reports": {
        # Progress reports are never deleted (returned or accepted instead).
        "focal": (OK, OK, OK, OK, DENIED, OK, OK),
        "other_focal": (OK, OK, MISSING, MISSING, DENIED, MISSING, MISSING),
        "officer": (OK, OK, OK, OK, DENIED, OK, OK),
        "steering": READ,
        "admin": (OK, OK, OK, OK, DENIED, OK, OK),
    },
    "planning_committees": {
        "focal": NOTHING,
        "other_focal": NOTHING,
        "officer": (OK, OK, OK, OK, DENIED, OK, OK),
        "steering": READ,
        "admin": ALL,
    },
    "planning_meetings": {
        "focal": NOTHING,
        "other_focal": NOTHING,
        "officer": ALL,
        "steering": READ,
        "admin": ALL,
    },
}

# Custom views: (url name, object key, extra args) → outcome per role.
CUSTOM = {
    ("planning_plans:transition", "planning_plans", ("close",)): {
        "focal": DENIED,
        "other_focal": DENIED,
        "officer": OK,
        "steering": DENIED,
        "admin": OK,
    },
    ("planning_reports:review", "planning_reports", ()): {
        "focal": DENIED,
        "other_focal": DENIED,
        "officer": OK,
        "steering": DENIED,
        "admin": OK,
    },
}


@pytest.fixture
def objects(world):
    plan = make_plan(world)
    task = make_task(world, plan, due_date=timezone.localdate() + dt.timedelta(days=9))
    issue(plan)
    report = services.progress_report_submit(
        work_item=WorkItem.objects.get(task=task),
        user=world.focal,
        summary="Đang thực hiện.",
    )
    committee = services.committee_save(
        SteeringCommittee(name="Ban Chỉ đạo thử", established_on=dt.date(2025, 8, 1)),
        user=world.officer,
    )
    meeting = Meeting(
        committee=committee,
        kind=MeetingKind.REGULAR,
        title="Họp thường kỳ",
        held_on=dt.date(2026, 4, 15),
    )
    meeting.conclusions = [Conclusion(text="Tăng cường phối hợp.")]
    services.meeting_save(meeting, user=world.officer)
    return {
        "planning_plans": plan,
        "planning_tasks": task,
        "planning_reports": report,
        "planning_committees": committee,
        "planning_meetings": meeting,
    }


def users(world):
    return {
        "anonymous": None,
        "no_role": world.no_role,
        "focal": world.focal,
        "other_focal": world.other_focal,
        "officer": world.officer,
        "steering": world.steering,
        "admin": world.admin,
    }


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
        return f"302 {location}"
    return response.status_code


def url(viewset, action, obj):
    if action in ("index", "add"):
        return reverse(f"{viewset}:{action}")
    return reverse(f"{viewset}:{action}", args=[obj.pk])


CASES = [
    (viewset, role, action, expected)
    for viewset, by_role in MATRIX.items()
    for role, outcomes in by_role.items()
    for action, expected in zip(ACTIONS, outcomes, strict=True)
] + [
    (viewset, role, action, LOGIN)
    for viewset in MATRIX
    for role in ("anonymous", "no_role")
    for action in ACTIONS
]


@pytest.mark.parametrize(("viewset", "role", "action", "expected"), CASES)
def test_permission_matrix(client, world, objects, viewset, role, action, expected):
    user = users(world)[role]
    if user is not None:
        client.force_login(user)
    assert outcome(client.get(url(viewset, action, objects[viewset]))) == expected


CUSTOM_CASES = [
    (name, key, args, role, expected)
    for (name, key, args), by_role in CUSTOM.items()
    for role, expected in {**by_role, "anonymous": LOGIN, "no_role": LOGIN}.items()
]


@pytest.mark.parametrize(("name", "key", "args", "role", "expected"), CUSTOM_CASES)
def test_custom_views(client, world, objects, name, key, args, role, expected):
    user = users(world)[role]
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(name, args=[objects[key].pk, *args]))
    assert outcome(response) == expected


def test_a_focal_point_lists_only_their_organisations_tasks(client, world, objects):
    other = make_plan(world, title="Kế hoạch khác")
    make_task(world, other, title="Việc của xã", lead_organisations=[world.commune_a])
    issue(other, number=2)

    client.force_login(world.focal)
    listing = client.get(reverse("planning_tasks:index")).content.decode()
    assert "Biên soạn ấn phẩm giới thiệu tỉnh" in listing
    assert "Việc của xã" not in listing

    client.force_login(world.steering)
    listing = client.get(reverse("planning_tasks:index")).content.decode()
    assert "Biên soạn ấn phẩm giới thiệu tỉnh" in listing
    assert "Việc của xã" in listing
