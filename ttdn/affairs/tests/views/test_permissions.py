"""The permission matrix of every register admin view: anonymous, logged in
without a role, focal point of the record's organisation and of another one,
foreign-affairs officer, steering-committee member, administrator."""

from django.urls import reverse

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs.tests.factories import (
    AgreementFactory,
    AidFactory,
    ConferenceFactory,
    DelegationFactory,
    NGOFactory,
    PressVisitFactory,
)

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN, MISSING, BACK = 200, "denied", "login", 404, "back"
RECORD_ACTIONS = (
    "index",
    "add",
    "edit",
    "inspect",
    "delete",
    "history",
    "usage",
    "transition",
)
ROLES = (
    "focal_point",
    "other_focal_point",
    "officer",
    "steering_member",
    "administrator",
)
# Every record viewset, a draft of the focal point's organisation, and an action
# available in its first state.
VIEWSETS = {
    "affairs_delegations": (DelegationFactory, "submit"),
    "affairs_conferences": (ConferenceFactory, "cancel"),
    "affairs_agreements": (AgreementFactory, "cancel"),
    "affairs_aid": (AidFactory, "cancel"),
    "affairs_ngos": (NGOFactory, "submit"),
    "affairs_press": (PressVisitFactory, "cancel"),
}
# role → outcome per action (index, add, edit, inspect, delete, history, usage,
# transition)
RECORD_MATRIX = {
    "focal_point": (OK, OK, OK, OK, OK, OK, OK, OK),
    "other_focal_point": (OK, OK, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
    "officer": (OK,) * 8,
    "steering_member": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED, BACK),
    "administrator": (OK,) * 8,
}
# Pages of the group: role → outcome.
PAGES = {
    "affairs_statistics:index": dict.fromkeys(ROLES, OK),
    "affairs_deadlines:index": dict.fromkeys(ROLES, OK),
    "affairs_delegations:import": {
        "focal_point": DENIED,
        "other_focal_point": DENIED,
        "officer": OK,
        "steering_member": DENIED,
        "administrator": OK,
    },
    "affairs_delegations:import_template": {
        "focal_point": DENIED,
        "other_focal_point": DENIED,
        "officer": OK,
        "steering_member": DENIED,
        "administrator": OK,
    },
    "affairs_rules:index": {
        "focal_point": DENIED,
        "other_focal_point": DENIED,
        "officer": OK,
        "steering_member": DENIED,
        "administrator": OK,
    },
    "affairs_rules:add": {
        "focal_point": DENIED,
        "other_focal_point": DENIED,
        "officer": DENIED,
        "steering_member": DENIED,
        "administrator": OK,
    },
}


@pytest.fixture
def users(
    focal_point, other_focal_point, officer, steering_member, administrator, no_role
):
    return {
        "anonymous": None,
        "no_role": no_role,
        "focal_point": focal_point,
        "other_focal_point": other_focal_point,
        "officer": officer,
        "steering_member": steering_member,
        "administrator": administrator,
    }


def url(viewset, action, record, transition):
    if action in ("index", "add"):
        return reverse(f"{viewset}:{action}")
    if action == "transition":
        return reverse(f"{viewset}:transition", args=[record.pk, transition])
    return reverse(f"{viewset}:{action}", args=[record.pk])


def outcome(response, record=None, viewset=None):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
        if record is not None and location == reverse(
            f"{viewset}:inspect", args=[record.pk]
        ):
            return BACK
        return f"302 {location}"
    return response.status_code


CASES = [
    (viewset, role, action, expected)
    for viewset in VIEWSETS
    for role, outcomes in RECORD_MATRIX.items()
    for action, expected in zip(RECORD_ACTIONS, outcomes, strict=True)
] + [
    (viewset, role, action, LOGIN)
    for viewset in VIEWSETS
    for role in ("anonymous", "no_role")
    for action in RECORD_ACTIONS
]


@pytest.mark.parametrize(("viewset", "role", "action", "expected"), CASES)
def test_record_views(client, users, unit, viewset, role, action, expected):
    factory, transition = VIEWSETS[viewset]
    record = factory(organisation=unit)
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(url(viewset, action, record, transition))
    assert outcome(response, record, viewset) == expected


@pytest.mark.parametrize(
    ("page", "role", "expected"),
    [
        (page, role, expected)
        for page, by_role in PAGES.items()
        for role, expected in by_role.items()
    ]
    + [(page, role, LOGIN) for page in PAGES for role in ("anonymous", "no_role")],
)
def test_pages(client, users, page, role, expected):
    if users[role] is not None:
        client.force_login(users[role])
    assert outcome(client.get(reverse(page))) == expected


@pytest.mark.parametrize("role", [roles.MONITOR, roles.EDITOR, roles.APPROVER])
def test_roles_outside_foreign_affairs_see_nothing(client, unit, role):
    record = DelegationFactory(organisation=unit)
    client.force_login(UserFactory(roles=[role]))
    for address in (
        reverse("affairs_delegations:index"),
        reverse("affairs_delegations:inspect", args=[record.pk]),
        reverse("affairs_statistics:index"),
        reverse("affairs_deadlines:index"),
    ):
        assert outcome(client.get(address)) == DENIED


def test_a_focal_point_cannot_edit_a_submitted_record(client, unit, focal_point):
    record = DelegationFactory(organisation=unit, status="submitted")
    client.force_login(focal_point)
    response = client.get(reverse("affairs_delegations:edit", args=[record.pk]))
    assert outcome(response, record, "affairs_delegations") == BACK
    response = client.post(
        reverse("affairs_delegations:edit", args=[record.pk]), {"title": "Sửa"}
    )
    assert outcome(response, record, "affairs_delegations") == BACK
    record.refresh_from_db()
    assert record.title != "Sửa"


def test_refused_posts_change_nothing(client, unit, other_focal_point, steering_member):
    record = DelegationFactory(organisation=unit)
    for user in (other_focal_point, steering_member):
        client.force_login(user)
        client.post(
            reverse("affairs_delegations:transition", args=[record.pk, "submit"]),
            {"comment": "x"},
        )
        client.post(reverse("affairs_delegations:delete", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == "draft"


def test_the_list_is_scoped(client, unit, other_unit, focal_point):
    own = DelegationFactory(organisation=unit, title="Đoàn của đơn vị mình")
    DelegationFactory(organisation=other_unit, title="Đoàn của đơn vị khác")
    client.force_login(focal_point)
    response = client.get(reverse("affairs_delegations:index"))
    assert list(response.context["object_list"]) == [own]
    export = client.get(reverse("affairs_delegations:index") + "?export=csv")
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Đoàn của đơn vị mình" in content
    assert "Đoàn của đơn vị khác" not in content
