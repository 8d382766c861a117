import datetime as dt

import pytest

from ttdn.accounts import roles
from ttdn.accounts.selectors import (
    has_role,
    sees_all_organisations,
    user_organisation,
    user_roles,
    visible_organisation_ids,
)
from ttdn.accounts.tests.factories import UserFactory
from ttdn.core.scoping import scope_by_organisation
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.models import Organisation, Person
from ttdn.directory.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

END_2025 = dt.date(2025, 6, 30)


def test_user_roles_and_has_role():
    officer = UserFactory(roles=[roles.FOREIGN_AFFAIRS_OFFICER, roles.EDITOR])
    assert user_roles(officer) == {roles.FOREIGN_AFFAIRS_OFFICER, roles.EDITOR}
    assert has_role(officer, roles.EDITOR)
    assert not has_role(officer, roles.FOCAL_POINT)
    root = UserFactory(is_superuser=True)
    assert user_roles(root) == {roles.ADMINISTRATOR}
    assert has_role(root, roles.ADMINISTRATOR)
    inactive = UserFactory(roles=[roles.ADMINISTRATOR], is_active=False)
    assert user_roles(inactive) == frozenset()
    from django.contrib.auth.models import AnonymousUser

    assert user_roles(AnonymousUser()) == frozenset()
    with pytest.raises(ValueError):
        has_role(officer, "chairman")


@pytest.mark.parametrize(
    ("role_keys", "superuser", "expected"),
    [
        ([], True, True),
        ([roles.ADMINISTRATOR], False, True),
        ([roles.FOREIGN_AFFAIRS_OFFICER], False, True),
        ([roles.STEERING_MEMBER], False, True),
        ([roles.MONITOR], False, True),
        ([roles.FOCAL_POINT], False, False),
        ([roles.EDITOR], False, False),
        ([], False, False),
        ([roles.FOCAL_POINT, roles.FOREIGN_AFFAIRS_OFFICER], False, True),
    ],
)
def test_who_sees_every_organisation(role_keys, superuser, expected):
    user = UserFactory(roles=role_keys, is_superuser=superuser)
    assert sees_all_organisations(user) is expected


def test_user_organisation_is_rolled_up_to_today():
    successor = OrganisationFactory(name="Sở Văn hóa, Thể thao và Du lịch")
    old = OrganisationFactory(
        name="Sở Thông tin và Truyền thông", valid_to=END_2025, successors=[successor]
    )
    user = UserFactory(organisation=old)
    assert user.organisation == old
    assert user_organisation(user) == successor
    assert user_organisation(user, on=dt.date(2024, 1, 1)) == old
    assert user_organisation(UserFactory()) is None


@pytest.fixture
def bodies():
    ubnd = OrganisationFactory(
        name="UBND tỉnh Sơn La", kind=OrganisationKind.PEOPLES_COMMITTEE
    )
    commune_pcs = [
        OrganisationFactory(
            name=name,
            kind=OrganisationKind.COMMUNE_PC,
            parent=ubnd,
            valid_from=dt.date(2025, 7, 1),
        )
        for name in ("UBND xã Vân Hồ", "UBND xã Xuân Nha")
    ]
    district_pc = OrganisationFactory(
        name="UBND huyện Vân Hồ",
        kind=OrganisationKind.DISTRICT_PC,
        parent=ubnd,
        valid_to=END_2025,
        successors=commune_pcs,
    )
    renamed = OrganisationFactory(name="Sở Ngoại vụ (tên mới)")
    old_name = OrganisationFactory(
        name="Sở Ngoại vụ (tên cũ)", valid_to=END_2025, successors=[renamed]
    )
    other = OrganisationFactory(name="Sở Y tế")
    return {
        "ubnd": ubnd,
        "communes": commune_pcs,
        "district": district_pc,
        "renamed": renamed,
        "old_name": old_name,
        "other": other,
    }


def test_focal_point_sees_its_organisation_and_what_rolls_up_to_it(bodies):
    focal = UserFactory(roles=[roles.FOCAL_POINT], organisation=bodies["renamed"])
    assert visible_organisation_ids(focal) == {
        bodies["renamed"].pk,
        bodies["old_name"].pk,
    }
    # The split district rolls up to the provincial People's Committee, so its
    # records belong to the province's focal point, not to one commune's.
    commune_focal = UserFactory(
        roles=[roles.FOCAL_POINT], organisation=bodies["communes"][0]
    )
    assert visible_organisation_ids(commune_focal) == {bodies["communes"][0].pk}
    province_focal = UserFactory(roles=[roles.FOCAL_POINT], organisation=bodies["ubnd"])
    assert visible_organisation_ids(province_focal) == {
        bodies["ubnd"].pk,
        bodies["district"].pk,
    }
    assert visible_organisation_ids(UserFactory(roles=[roles.FOCAL_POINT])) == set()
    assert visible_organisation_ids(UserFactory(roles=[roles.MONITOR])) is None


def test_scope_by_organisation(bodies):
    people = {
        key: PersonFactory(organisation=bodies[key])
        for key in ("renamed", "old_name", "other")
    }
    guest = PersonFactory()
    queryset = Person.objects.all()
    focal = UserFactory(roles=[roles.FOCAL_POINT], organisation=bodies["renamed"])
    assert set(scope_by_organisation(queryset, focal)) == {
        people["renamed"],
        people["old_name"],
    }
    officer = UserFactory(roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    assert set(scope_by_organisation(queryset, officer)) == {*people.values(), guest}
    nobody = UserFactory(roles=[roles.FOCAL_POINT])
    assert not scope_by_organisation(queryset, nobody).exists()
    # Any lookup path works.
    organisations = Organisation.objects.all()
    assert set(scope_by_organisation(organisations, focal, field_name="pk")) == {
        bodies["renamed"],
        bodies["old_name"],
    }
