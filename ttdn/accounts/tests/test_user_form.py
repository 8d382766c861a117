"""The Wagtail user forms show and save the user's position and organisation."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from ttdn.accounts import roles
from ttdn.accounts.services import role_group
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_administrator_sets_a_focal_points_organisation(client, superuser):
    organisation = OrganisationFactory(name="Sở Y tế tỉnh Sơn La")
    focal = UserFactory(username="daumoi", roles=[roles.FOCAL_POINT])
    client.force_login(superuser)
    url = reverse("wagtailusers_users:edit", args=[focal.pk])
    page = client.get(url).content.decode()
    assert 'name="organisation"' in page and 'name="position"' in page
    response = client.post(
        url,
        {
            "username": "daumoi",
            "email": "daumoi@example.org",
            "first_name": "Đầu",
            "last_name": "Mối",
            "position": "Chuyên viên",
            "organisation": organisation.pk,
            "is_active": "on",
            "groups": [role_group(roles.FOCAL_POINT).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    focal.refresh_from_db()
    assert (focal.organisation, focal.position) == (organisation, "Chuyên viên")


def test_new_user_with_organisation(client, superuser):
    organisation = OrganisationFactory()
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "moi",
            "email": "moi@example.org",
            "first_name": "Người",
            "last_name": "Mới",
            "password1": "mat-khau-dai-hon-10",
            "password2": "mat-khau-dai-hon-10",
            "organisation": organisation.pk,
            "position": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_user_model().objects.get(username="moi").organisation == organisation
