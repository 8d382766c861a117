import datetime as dt

from django.test import RequestFactory

import pytest

from ttdn.analytics import identity
from ttdn.analytics.formatting import format_count

pytestmark = pytest.mark.django_db


def test_visitor_id_is_a_salted_hash_that_hides_the_address():
    a = identity.visitor_id(ip="198.51.100.1", user_agent="Firefox", salt="s1")
    assert len(a) == 32 and "198" not in a
    assert a == identity.visitor_id(ip="198.51.100.1", user_agent="Firefox", salt="s1")
    assert a != identity.visitor_id(ip="198.51.100.2", user_agent="Firefox", salt="s1")
    assert a != identity.visitor_id(ip="198.51.100.1", user_agent="Chrome", salt="s1")
    assert a != identity.visitor_id(ip="198.51.100.1", user_agent="Firefox", salt="s2")


def test_client_ip_uses_the_proxy_header_only_when_configured(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1"
    )
    assert identity.client_ip(request) == "10.0.0.1"
    settings.TTDN_ANALYTICS = {
        **settings.TTDN_ANALYTICS,
        "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    }
    assert identity.client_ip(request) == "203.0.113.9"


def test_local_day_is_gmt7():
    assert identity.local_day(dt.datetime(2026, 1, 1, 16, 59, tzinfo=dt.UTC)) == (
        dt.date(2026, 1, 1)
    )
    assert identity.local_day(dt.datetime(2026, 1, 1, 17, 0, tzinfo=dt.UTC)) == (
        dt.date(2026, 1, 2)
    )


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (41_466_892, "vi", "41.466.892"),
        (41_466_892, "en", "41,466,892"),
        (999, "vi", "999"),
        (1000, "vi", "1.000"),
        (0, "en", "0"),
        (None, "vi", ""),
    ],
)
def test_counts_use_the_languages_thousands_separator(value, language, text):
    assert format_count(value, language) == text
