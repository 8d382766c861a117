"""Single admin pages (ttdn.core.admin_pages) are listed in the menu only for the
users they are for."""

from django.test import RequestFactory

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs.viewsets.pages import StatisticsViewSet
from ttdn.monitoring.views import BoardViewSet, InboxViewSet
from ttdn.reports.views.pages import DashboardViewSet

pytestmark = pytest.mark.django_db


def shown(viewset_class, user) -> bool:
    request = RequestFactory().get("/admin/")
    request.user = user
    return viewset_class().get_menu_item().is_shown(request)


@pytest.mark.parametrize(
    ("viewset_class", "allowed", "refused"),
    [
        (InboxViewSet, roles.MONITOR, roles.FOCAL_POINT),
        (BoardViewSet, roles.MONITOR, roles.EDITOR),
        (StatisticsViewSet, roles.STEERING_MEMBER, roles.EDITOR),
        (DashboardViewSet, roles.STEERING_MEMBER, roles.EDITOR),
    ],
)
def test_menu_lists_the_page_only_for_its_users(viewset_class, allowed, refused):
    assert shown(viewset_class, UserFactory(roles=[allowed]))
    assert not shown(viewset_class, UserFactory(roles=[refused]))
    assert not shown(viewset_class, UserFactory(roles=[]))


def test_menu_item_keeps_its_name_and_url():
    item = InboxViewSet().get_menu_item()
    assert (item.name, item.url) == ("monitoring-inbox", "/admin/monitoring/inbox/")
