import datetime as dt

import pytest

from ttdn.analytics import services
from ttdn.analytics.models import DailyStats, PageViewTotal
from ttdn.analytics.tests.conftest import reader
from ttdn.analytics.tokens import page_token
from ttdn.analytics.views import PIXEL

pytestmark = pytest.mark.django_db

URL = "/analytics/hit/"


def test_post_counts_and_returns_the_figures_in_the_readers_format(client, article):
    services.set_starting_visits(visits=41_466_892)
    services.set_starting_views(page=article, views=3970)
    response = client.post(
        f"{URL}?p={page_token(article.pk)}&l=vi", HTTP_USER_AGENT=reader()
    )
    assert response.status_code == 200
    data = response.json()
    assert data["counted"] is True
    assert data["figures"] == {
        "total": 41_466_893,
        "online": 1,
        "today": 1,
        "yesterday": 0,
        "month": 1,
        "year": 1,
    }
    assert data["display"]["total"] == "41.466.893"
    assert (data["views"], data["views_display"]) == (3971, "3.971")
    english = client.post(
        f"{URL}?p={page_token(article.pk)}&l=en", HTTP_USER_AGENT=reader()
    ).json()
    assert english["display"]["total"] == "41,466,893"  # same reader: no new visit
    assert english["views_display"] == "3,971"


def test_beacon_is_never_cached_and_sets_no_cookie(client, article):
    response = client.post(
        f"{URL}?p={page_token(article.pk)}", HTTP_USER_AGENT=reader()
    )
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.cookies
    pixel = client.get(f"{URL}?p={page_token(article.pk)}", HTTP_USER_AGENT=reader(2))
    assert "no-store" in pixel["Cache-Control"] and not pixel.cookies


def test_noscript_pixel_counts_and_returns_a_gif(client, article):
    response = client.get(f"{URL}?p={page_token(article.pk)}", HTTP_USER_AGENT=reader())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content == PIXEL
    assert PageViewTotal.objects.get(page_id=article.pk).views == 1


def test_a_forged_page_id_counts_the_visit_but_no_page_view(client, article):
    response = client.post(f"{URL}?p={article.pk}:forged", HTTP_USER_AGENT=reader())
    assert response.status_code == 200
    assert "views" not in response.json()
    row = DailyStats.objects.get()
    assert (row.visits, row.views) == (1, 0)
    assert not PageViewTotal.objects.exists()


def test_a_page_deleted_since_it_was_rendered_counts_the_visit_only(client, article):
    token = page_token(article.pk)
    article.delete()
    response = client.post(f"{URL}?p={token}", HTTP_USER_AGENT=reader())
    assert response.status_code == 200
    row = DailyStats.objects.get()
    assert (row.visits, row.views, row.hits) == (1, 0, 1)


def test_bots_see_the_figures_but_are_not_counted(client, article):
    response = client.post(
        f"{URL}?p={page_token(article.pk)}", HTTP_USER_AGENT="Googlebot/2.1"
    )
    assert response.json()["counted"] is False
    assert response.json()["figures"]["today"] == 0
    assert not DailyStats.objects.exists()


def test_prefetches_are_not_counted(client, article):
    response = client.post(
        f"{URL}?p={page_token(article.pk)}",
        HTTP_USER_AGENT=reader(),
        HTTP_SEC_PURPOSE="prefetch",
    )
    assert response.json()["counted"] is False
    assert not DailyStats.objects.exists()


def test_other_methods_are_refused(client):
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405
    assert not DailyStats.objects.exists()


def test_the_address_behind_a_proxy_comes_from_the_configured_header(
    client, settings, article
):
    settings.TTDN_ANALYTICS = {
        **settings.TTDN_ANALYTICS,
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
    }
    token = page_token(article.pk)
    # Same browser, two readers behind the proxy (REMOTE_ADDR is the proxy).
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.2"):
        client.post(
            f"{URL}?p={token}", HTTP_USER_AGENT=reader(), HTTP_X_REAL_IP=address
        )
    assert DailyStats.objects.get().visitors == 2


def test_figures_use_today_in_gmt7(client, article, settings):
    from ttdn.analytics.identity import local_day
    from ttdn.analytics.tests.factories import DailyStatsFactory

    DailyStatsFactory(day=local_day() - dt.timedelta(days=1), visits=7)
    data = client.post(URL, HTTP_USER_AGENT=reader()).json()
    assert (data["figures"]["yesterday"], data["figures"]["today"]) == (7, 1)
