import datetime as dt

import feedparser
import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home):
    ttdn = SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")
    other = SectionPageFactory(parent=home, title="Thông tin cải cách", slug="cc")
    ArticlePageFactory(
        parent=ttdn,
        slug="day-manh",
        title="Đẩy mạnh công tác thông tin đối ngoại",
        lead="154 đoàn khách, 932 lượt người.",
        author="Lê Hồng",
        published_at=dt.datetime(2017, 1, 24, 7, 0, tzinfo=VN_TZ),
        tags=["Lào"],
    )
    ArticlePageFactory(
        parent=other,
        title="Cải cách hành chính",
        published_at=dt.datetime(2017, 2, 1, 9, 0, tzinfo=VN_TZ),
    )
    ArticlePageFactory(parent=ttdn, title="Bản nháp", publish=False)
    return ttdn, other


def test_section_feed_is_valid_rss2_with_its_articles_only(client, sections):
    response = client.get("/ttdn/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Thông tin đối ngoại — Cổng thông tin đối ngoại"
    assert feed.feed.language == "vi"
    assert [e.title for e in feed.entries] == ["Đẩy mạnh công tác thông tin đối ngoại"]
    entry = feed.entries[0]
    assert entry.summary == "154 đoàn khách, 932 lượt người."
    assert entry.link == "http://localhost/ttdn/day-manh/"
    assert entry.published_parsed[:5] == (2017, 1, 24, 0, 0)  # 07:00 GMT+7 in UTC
    assert [t.term for t in entry.tags] == ["Lào"]


def test_site_feed_has_every_section_newest_first(client, sections):
    feed = feedparser.parse(client.get("/feed/").content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [
        "Cải cách hành chính",
        "Đẩy mạnh công tác thông tin đối ngoại",
    ]


def test_english_site_feed_is_english(client, sections, en_home):
    feed = feedparser.parse(client.get("/en/feed/").content)
    assert not feed.bozo
    assert feed.feed.language == "en"
    assert feed.entries == []
