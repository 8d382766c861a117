"""Fixtures of the analytics tests: a section with an article, the Redis backend,
readers with distinct browsers."""

import os
import uuid

import pytest

from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0 Safari/537.36"
)


def reader(n: int | str = 0) -> str:
    """A browser User-Agent; different n, different reader."""
    return f"{BROWSER} reader/{n}"


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


@pytest.fixture
def article(section):
    return ArticlePageFactory(
        parent=section, title="Đẩy mạnh công tác đối ngoại", slug="day-manh"
    )


def redis_url() -> str | None:
    """The Redis the tests may use: REDIS_URL (the PostgreSQL + Redis pass), or
    the local one when TTDN_REQUIRE_SERVICES is set; None: skip."""
    from ttdn.settings import env

    if env.REDIS_URL:
        return env.REDIS_URL
    if env.REQUIRE_SERVICES:
        return "redis://127.0.0.1:6379/14"
    return None


@pytest.fixture
def redis_backend(settings):
    """Switch counting to the Redis backend with keys of this test only."""
    url = redis_url()
    if url is None:
        pytest.skip("Redis backend: runs in the PostgreSQL + Redis pass (REDIS_URL)")
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError as error:
        pytest.fail(f"Redis at {url} does not answer: {error}")
    prefix = f"ttdn-test-{os.getpid()}-{uuid.uuid4().hex[:8]}:analytics"
    settings.TTDN_ANALYTICS = {
        **settings.TTDN_ANALYTICS,
        "BACKEND": "redis",
        "REDIS_URL": url,
        "KEY_PREFIX": prefix,
    }
    from ttdn.analytics.backends import get_backend

    backend = get_backend()
    yield backend
    keys = list(client.scan_iter(match="{" + prefix + "}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _fresh_salts():
    """The in-memory salt cache must not outlive the test's database rows."""
    from ttdn.analytics import identity

    identity.forget_salts()
    yield
    identity.forget_salts()
