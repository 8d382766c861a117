from django.core.exceptions import ValidationError

import pytest

from ttdn.analytics import selectors, services
from ttdn.analytics.models import AnalyticsSettings, PageViewTotal

pytestmark = pytest.mark.django_db


def test_starting_visits_are_added_to_the_total():
    services.set_starting_visits(visits=41_466_892, note="Cổng cũ")
    row = AnalyticsSettings.load()
    assert (row.starting_visits, row.starting_note) == (41_466_892, "Cổng cũ")
    assert selectors.site_figures().total == 41_466_892


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "Tổng lượt truy cập ban đầu: nhập số nguyên từ 0 trở lên."),
        (10**12 + 1, "Tổng lượt truy cập ban đầu: số quá lớn (tối đa 10¹²)."),
    ],
)
def test_bad_starting_visits_are_refused_and_nothing_changes(value, message):
    services.set_starting_visits(visits=100)
    with pytest.raises(ValidationError) as error:
        services.set_starting_visits(visits=value)
    assert error.value.message_dict == {"starting_visits": [message]}
    assert AnalyticsSettings.load().starting_visits == 100


def test_starting_views_are_added_to_the_article_views(article):
    services.set_starting_views(page=article, views=3970)
    assert selectors.site_figures(page_id=article.pk).page_views == 3970
    services.count_hit(ip="192.0.2.1", user_agent="Mozilla/5.0 a", page_id=article.pk)
    assert selectors.site_figures(page_id=article.pk).page_views == 3971
    # Setting them again replaces the starting figure, keeps the counted views.
    services.set_starting_views(page=article, views=10)
    row = PageViewTotal.objects.get(page_id=article.pk)
    assert (row.views, row.starting_views, row.total) == (1, 10, 11)


def test_bad_starting_views_are_refused_and_nothing_changes(article):
    services.set_starting_views(page=article, views=5)
    with pytest.raises(ValidationError) as error:
        services.set_starting_views(page=article, views=-3)
    assert error.value.message_dict == {
        "starting_views": ["Lượt xem ban đầu: nhập số nguyên từ 0 trở lên."]
    }
    assert PageViewTotal.objects.get(page_id=article.pk).starting_views == 5


def test_starting_views_need_a_page():
    with pytest.raises(ValidationError) as error:
        services.set_starting_views(page=None, views=5)
    assert error.value.message_dict == {"page": ["Trang: chọn tin bài."]}
    assert not PageViewTotal.objects.exists()
