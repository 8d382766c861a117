"""What the full-page cache serves, stores and never stores."""

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.pagecache import generation

pytestmark = pytest.mark.django_db


def test_anonymous_page_is_stored_then_served_from_the_cache(client, article):
    first = client.get("/ttdn/tin-bai/")
    assert first["X-Cache"] == "MISS"
    assert (
        "public" in first["Cache-Control"] and "s-maxage=300" in first["Cache-Control"]
    )
    assert first["X-Accel-Expires"] == "300"
    second = client.get("/ttdn/tin-bai/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "vi"


def test_the_cache_really_answers(client, article):
    client.get("/ttdn/tin-bai/")
    type(article).objects.filter(pk=article.pk).update(title="Đổi ngầm")  # no publish
    assert "Tin bài gốc" in client.get("/ttdn/tin-bai/").content.decode()


def test_pagination_is_cached_per_page_but_other_parameters_bypass(client, section):
    assert client.get("/ttdn/?page=2")["X-Cache"] == "MISS"
    assert client.get("/ttdn/?page=2")["X-Cache"] == "HIT"
    assert client.get("/ttdn/?page=1")["X-Cache"] == "MISS"
    tracking = client.get("/ttdn/?utm_source=zalo")
    assert tracking.status_code == 200 and "X-Cache" not in tracking
    search = client.get("/tim-kiem/?q=doi+ngoai")
    assert "X-Cache" not in search


def test_feeds_and_sitemap_are_cached(client, article):
    for url in ("/feed/", "/ttdn/feed/", "/sitemap.xml"):
        assert client.get(url)["X-Cache"] == "MISS", url
        assert client.get(url)["X-Cache"] == "HIT", url


def test_not_found_and_posts_are_not_cached(client, article):
    assert "X-Cache" not in client.get("/khong-co/")
    assert "X-Cache" not in client.get("/khong-co/")
    assert "X-Cache" not in client.post("/ttdn/tin-bai/")


@pytest.mark.parametrize("role", [None, roles.EDITOR])
def test_logged_in_users_get_private_no_store_and_are_never_cached(
    client, article, role
):
    client.get("/ttdn/tin-bai/")  # an anonymous copy is in the cache
    client.force_login(UserFactory(roles=[role] if role else []))
    response = client.get("/ttdn/tin-bai/")
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response
    assert "X-Accel-Expires" not in response


def test_admin_and_previews_are_private_no_store(client, superuser, article):
    client.force_login(superuser)
    for url in (
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/view_draft/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert "X-Cache" not in response
    client.logout()
    assert client.get("/admin/login/")["Cache-Control"] == "private, no-store"


def test_responses_that_set_cookies_are_not_cached(client, article, settings):
    from django.http import HttpResponse
    from django.urls import path

    def with_cookie(request):
        response = HttpResponse("xin chào")
        response.set_cookie("chon", "1")
        return response

    import ttdn.urls

    settings.ROOT_URLCONF = type(
        "Urls",
        (),
        {"urlpatterns": [path("cookie/", with_cookie), *ttdn.urls.urlpatterns]},
    )
    first = client.get("/cookie/")
    assert "X-Cache" not in first and first["Cache-Control"] == "private"
    assert "X-Cache" not in client.get("/cookie/")


def test_a_ttl_of_zero_turns_the_cache_off(client, settings, article):
    settings.TTDN_PAGE_CACHE = {**settings.TTDN_PAGE_CACHE, "TTL": 0}
    assert "X-Cache" not in client.get("/ttdn/tin-bai/")
    assert "X-Cache" not in client.get("/ttdn/tin-bai/")


def test_generation_file_is_shared_between_processes(settings, tmp_path):
    """Without Redis, each process has its own memory cache; the generation in a
    file tells all of them when content changed."""
    settings.TTDN_PAGE_CACHE = {
        **settings.TTDN_PAGE_CACHE,
        "GENERATION_FILE": tmp_path / "generation",
    }
    if generation._shared():
        pytest.skip("the cache is shared (Redis): the generation lives there")
    first = generation.current()
    assert first == generation.current()
    # Another process (the task worker publishing a scheduled page) bumps it:
    (tmp_path / "generation.new").write_text("from-another-process")
    (tmp_path / "generation.new").replace(tmp_path / "generation")
    assert generation.current() == "from-another-process"
    bumped = generation.bump()
    assert bumped not in (first, "from-another-process")
    assert generation.current() == bumped


def test_with_a_shared_cache_a_process_reuses_its_copy_until_a_publish(client, article):
    if not generation._shared():
        pytest.skip("local-memory page cache: every copy is the process's own")
    client.get("/ttdn/tin-bai/")  # rendered and stored in Redis
    assert client.get("/ttdn/tin-bai/")["X-Cache"] == "HIT"  # copied in the process
    (key,) = generation._local
    generation.cache().delete(key)  # Redis no longer holds the page
    assert client.get("/ttdn/tin-bai/")["X-Cache"] == "HIT"
    generation.bump()  # what publishing does
    assert client.get("/ttdn/tin-bai/")["X-Cache"] == "MISS"
