"""Admin: who may read the figures and set starting figures.

The statistics are installation-wide (no organisation owns them), so the matrix
is anonymous / logged in without a role / a role without statistics rights
(monitor) / reader roles (editor, approver, steering member) / administrator.
"""

from django.urls import reverse

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.analytics.models import AnalyticsSettings, DailyStats, PageViewTotal
from ttdn.analytics.tests.factories import DailyStatsFactory

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = 200, "denied", "login"


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
        return f"302 {location}"
    return response.status_code


@pytest.fixture
def users(db):
    return {
        "anonymous": None,
        "no_role": UserFactory(username="khongvaitro"),
        "monitor": UserFactory(username="theodoi", roles=[roles.MONITOR]),
        "editor": UserFactory(username="bientap", roles=[roles.EDITOR]),
        "approver": UserFactory(username="duyet", roles=[roles.APPROVER]),
        "steering": UserFactory(username="bcd", roles=[roles.STEERING_MEMBER]),
        "administrator": UserFactory(username="quantri", roles=[roles.ADMINISTRATOR]),
    }


@pytest.fixture
def objects(article):
    day = DailyStatsFactory(visits=12)
    views = PageViewTotal.objects.create(page_id=article.pk, views=4)
    return {"daily_stats": day, "article_views": views}


def url(name, action, obj=None):
    if obj is None:
        return reverse(f"{name}:{action}")
    return reverse(f"{name}:{action}", args=[obj.pk])


READERS = ("editor", "approver", "steering")
MATRIX = {
    # (viewset, action): expected per role
    ("daily_stats", "index"): {
        "monitor": DENIED,
        **dict.fromkeys(READERS, OK),
        "administrator": OK,
    },
    ("daily_stats", "inspect"): {
        "monitor": DENIED,
        **dict.fromkeys(READERS, OK),
        "administrator": OK,
    },
    # Counted figures are never typed in or deleted, not even by administrators.
    ("daily_stats", "add"): dict.fromkeys(
        ("monitor", *READERS, "administrator"), DENIED
    ),
    ("daily_stats", "edit"): dict.fromkeys(
        ("monitor", *READERS, "administrator"), DENIED
    ),
    ("daily_stats", "delete"): dict.fromkeys(
        ("monitor", *READERS, "administrator"), DENIED
    ),
    ("article_views", "index"): {
        "monitor": DENIED,
        **dict.fromkeys(READERS, OK),
        "administrator": OK,
    },
    ("article_views", "add"): {
        "monitor": DENIED,
        **dict.fromkeys(READERS, DENIED),
        "administrator": OK,
    },
    ("article_views", "edit"): {
        "monitor": DENIED,
        **dict.fromkeys(READERS, DENIED),
        "administrator": OK,
    },
    ("article_views", "delete"): dict.fromkeys(
        ("monitor", *READERS, "administrator"), DENIED
    ),
}
CASES = [
    (name, action, role, expected)
    for (name, action), by_role in MATRIX.items()
    for role, expected in {
        "anonymous": LOGIN,
        "no_role": LOGIN,
        **by_role,
    }.items()
]


@pytest.mark.parametrize(("name", "action", "role", "expected"), CASES)
def test_permission_matrix(client, users, objects, name, action, role, expected):
    if users[role] is not None:
        client.force_login(users[role])
    obj = None if action in ("index", "add") else objects[name]
    assert outcome(client.get(url(name, action, obj))) == expected


def test_nobody_can_delete_counted_figures_by_post(client, users, objects):
    client.force_login(users["administrator"])
    client.post(url("daily_stats", "delete", objects["daily_stats"]))
    client.post(url("article_views", "delete", objects["article_views"]))
    assert DailyStats.objects.count() == 1
    assert PageViewTotal.objects.get().views == 4


def test_daily_figures_list_and_export(client, users, objects):
    client.force_login(users["steering"])
    html = client.get(url("daily_stats", "index")).content.decode()
    assert "<title>Thống kê theo ngày - Wagtail</title>" in html
    export = client.get(url("daily_stats", "index") + "?export=csv")
    assert export.status_code == 200
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].lower().startswith("ngày")
    assert lines[1].split(",")[1] == "12"


def test_administrator_sets_starting_views_through_the_admin(
    client, users, objects, article
):
    client.force_login(users["administrator"])
    response = client.post(
        url("article_views", "edit", objects["article_views"]),
        {"starting_views": "3970"},
    )
    assert response.status_code == 302
    row = PageViewTotal.objects.get(page_id=article.pk)
    assert (row.views, row.starting_views) == (4, 3970)


def test_adding_starting_views_for_an_article_with_counts_updates_it(
    client, users, objects, article
):
    client.force_login(users["administrator"])
    response = client.post(
        url("article_views", "add"), {"page": article.pk, "starting_views": "25"}
    )
    assert response.status_code == 302
    row = PageViewTotal.objects.get(page_id=article.pk)
    assert (row.views, row.starting_views) == (4, 25)


def test_negative_starting_views_are_refused_in_vietnamese(
    client, users, objects, article
):
    client.force_login(users["administrator"])
    response = client.post(
        url("article_views", "edit", objects["article_views"]),
        {"starting_views": "-1"},
    )
    assert response.status_code == 200
    assert "Lượt xem ban đầu: nhập số nguyên từ 0 trở lên." in response.content.decode()
    assert PageViewTotal.objects.get(page_id=article.pk).starting_views == 0


SETTINGS_URL = "/admin/settings/analytics/analyticssettings/"


def settings_url():
    return f"{SETTINGS_URL}{AnalyticsSettings.load().pk}/"


def test_only_administrators_edit_the_starting_total(client, users):
    for role in ("editor", "approver", "steering", "monitor"):
        client.force_login(users[role])
        assert outcome(client.get(settings_url())) == DENIED, role
    client.force_login(users["administrator"])
    assert client.get(settings_url()).status_code == 200


def test_starting_total_set_in_the_admin_shows_on_the_site(client, users, home):
    client.force_login(users["administrator"])
    response = client.post(
        settings_url(), {"starting_visits": "41466892", "starting_note": "Cổng cũ"}
    )
    assert response.status_code == 302
    assert AnalyticsSettings.load().starting_visits == 41_466_892
    client.logout()
    html = client.get("/").content.decode()
    assert '<dd data-stat="total">41.466.892</dd>' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "Tổng lượt truy cập ban đầu: nhập số nguyên từ 0 trở lên."),
        ("1000000000001", "Tổng lượt truy cập ban đầu: số quá lớn (tối đa 10¹²)."),
        ("nhiều", "Tổng lượt truy cập ban đầu: nhập một số nguyên."),
    ],
)
def test_bad_starting_total_is_refused_in_vietnamese(client, users, value, message):
    client.force_login(users["administrator"])
    response = client.post(settings_url(), {"starting_visits": value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AnalyticsSettings.load().starting_visits == 0
