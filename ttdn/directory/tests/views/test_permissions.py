"""The permission matrix of every directory admin view: anonymous, logged in
without a role, focal point (of this and of another organisation),
foreign-affairs officer, administrator; plus the read-only roles."""

from django.urls import reverse

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.tests.factories import (
    CommuneFactory,
    CountryFactory,
    ForeignPartnerFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN, MISSING = 200, "denied", "login", 404
ACTIONS = ("index", "add", "edit", "inspect", "delete", "history", "usage")

# viewset → role → expected outcome per action (index, add, edit, inspect,
# delete, history, usage)
MATRIX = {
    "directory_units": {
        "focal_point": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "officer": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "administrator": (OK,) * 7,
    },
    "directory_countries": {
        "focal_point": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "officer": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "administrator": (OK,) * 7,
    },
    "directory_organisations": {
        "focal_point": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "officer": (OK, OK, OK, OK, DENIED, OK, OK),
        "administrator": (OK,) * 7,
    },
    "directory_partners": {
        "focal_point": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "officer": (OK,) * 7,
        "administrator": (OK,) * 7,
    },
    "directory_people": {
        "focal_point": (OK, DENIED, DENIED, OK, DENIED, DENIED, DENIED),
        "other_focal_point": (OK, DENIED, DENIED, MISSING, DENIED, DENIED, DENIED),
        "officer": (OK,) * 7,
        "administrator": (OK,) * 7,
    },
}


@pytest.fixture
def world(db):
    organisation = OrganisationFactory(name="Sở Ngoại vụ tỉnh Thử")
    other = OrganisationFactory(name="Sở Y tế tỉnh Thử")
    objects = {
        "directory_units": CommuneFactory(),
        "directory_countries": CountryFactory(),
        "directory_organisations": organisation,
        "directory_partners": ForeignPartnerFactory(),
        "directory_people": PersonFactory(organisation=organisation),
    }
    users = {
        "anonymous": None,
        "no_role": UserFactory(username="khongvaitro"),
        "focal_point": UserFactory(
            username="daumoi", roles=[roles.FOCAL_POINT], organisation=organisation
        ),
        "other_focal_point": UserFactory(
            username="daumoikhac", roles=[roles.FOCAL_POINT], organisation=other
        ),
        "officer": UserFactory(
            username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER]
        ),
        "administrator": UserFactory(username="quantri", roles=[roles.ADMINISTRATOR]),
    }
    return objects, users


def url(viewset, action, obj):
    if action in ("index", "add"):
        return reverse(f"{viewset}:{action}")
    return reverse(f"{viewset}:{action}", args=[obj.pk])


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
def test_permission_matrix(client, world, viewset, role, action, expected):
    objects, users = world
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(url(viewset, action, objects[viewset]))
    assert outcome(response) == expected


@pytest.mark.parametrize(
    "role", [roles.EDITOR, roles.APPROVER, roles.MONITOR, roles.STEERING_MEMBER]
)
def test_read_only_roles_see_the_directory_but_not_people(client, world, role):
    objects, _users = world
    client.force_login(UserFactory(roles=[role]))
    for viewset in (
        "directory_units",
        "directory_organisations",
        "directory_countries",
        "directory_partners",
    ):
        assert client.get(url(viewset, "index", None)).status_code == 200
        assert client.get(url(viewset, "inspect", objects[viewset])).status_code == 200
        assert outcome(client.get(url(viewset, "add", None))) == DENIED
    assert outcome(client.get(url("directory_people", "index", None))) == DENIED
    person = objects["directory_people"]
    assert outcome(client.get(url("directory_people", "inspect", person))) == DENIED


def test_refused_posts_change_nothing(client, world):
    objects, users = world
    organisation = objects["directory_organisations"]
    client.force_login(users["focal_point"])
    response = client.post(
        url("directory_organisations", "edit", organisation),
        {"name": "Tên bị sửa trái phép", "kind": "department"},
    )
    assert outcome(response) == DENIED
    organisation.refresh_from_db()
    assert organisation.name == "Sở Ngoại vụ tỉnh Thử"
    client.force_login(users["officer"])
    unit = objects["directory_units"]
    response = client.post(url("directory_units", "delete", unit))
    assert outcome(response) == DENIED
    unit.refresh_from_db()


@pytest.mark.parametrize(
    ("role", "sees"),
    [("focal_point", True), ("other_focal_point", False), ("officer", True)],
)
def test_people_choosers_are_scoped(client, world, role, sees):
    objects, users = world
    person = objects["directory_people"]
    client.force_login(users[role])
    listing = client.get(reverse("directory_person_chooser:choose"))
    assert listing.status_code == 200
    assert (person.full_name in listing.json()["html"]) is sees
    chosen = client.get(reverse("directory_person_chooser:chosen", args=[person.pk]))
    assert chosen.status_code == (200 if sees else 404)


def test_choosers_need_admin_access(client, world):
    for name in (
        "directory_unit_chooser",
        "directory_organisation_chooser",
        "directory_country_chooser",
        "directory_partner_chooser",
        "directory_person_chooser",
    ):
        response = client.get(reverse(f"{name}:choose"))
        assert outcome(response) == LOGIN


def test_choosers_never_create_entries(client, world):
    _objects, users = world
    client.force_login(users["administrator"])
    for name in (
        "directory_unit_chooser",
        "directory_organisation_chooser",
        "directory_person_chooser",
    ):
        response = client.post(reverse(f"{name}:create"), {"name": "Mới"})
        assert response.status_code == 404
        listing = client.get(reverse(f"{name}:choose")).json()["html"]
        assert 'id="tab-label-create"' not in listing


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("no_role", LOGIN),
        ("focal_point", DENIED),
        ("officer", DENIED),
        ("administrator", OK),
    ],
)
def test_directory_settings_are_for_administrators(client, world, home, role, expected):
    from wagtail.models import Site

    _objects, users = world
    if users[role] is not None:
        client.force_login(users[role])
    site = Site.objects.get(is_default_site=True)
    response = client.get(
        reverse(
            "wagtailsettings:edit", args=["directory", "directorysettings", site.pk]
        )
    )
    assert outcome(response) == expected
