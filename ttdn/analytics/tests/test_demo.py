from io import StringIO

import pytest

from ttdn.analytics import demo, services
from ttdn.analytics.models import AnalyticsSettings, PageViewTotal
from ttdn.portal.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_demo_sets_the_seed_starting_figures_once(settings):
    from ttdn.portal.demo.loader import load_demo as load_portal

    # The loaders run in this order by `manage.py load_demo`.
    assert settings.TTDN_DEMO_LOADERS.index("ttdn.analytics.demo.load") > (
        settings.TTDN_DEMO_LOADERS.index("ttdn.portal.demo.loader.load_demo")
    )
    load_portal(stdout=StringIO())
    assert demo.load(stdout=StringIO()) == 2
    assert AnalyticsSettings.load().starting_visits == 41_466_892
    phu_yen = ArticlePage.objects.get(
        title="Hoạt động thông tin đối ngoại tỉnh Phú Yên năm 2020"
    )
    assert PageViewTotal.objects.get(page_id=phu_yen.pk).starting_views == 3970
    # A second run changes nothing…
    assert demo.load() == 0
    # …and never overrides what an administrator set.
    services.set_starting_visits(visits=5)
    assert demo.load() == 0
    assert AnalyticsSettings.load().starting_visits == 5
