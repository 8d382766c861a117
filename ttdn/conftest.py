"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: Redis outlives the test transaction
    (Wagtail caches site root paths, for example)."""
    from django.core.cache import caches

    for cache in caches.all():
        if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
            # Redis: delete this run's keys only; other runs may share the server.
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        else:
            cache.clear()
    from ttdn.pagecache import generation

    generation.forget_local()


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language (a request to /en/ leaves English
    active in the thread)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def home(db):
    """The default-language home page created by portal migration 0002."""
    from ttdn.portal.selectors import default_home

    return default_home()


@pytest.fixture
def en_home(home):
    """The English home page (translation of the default one)."""
    from wagtail.models import Locale

    from ttdn.portal.services import setup_site

    setup_site()
    return home.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def superuser(db):
    from ttdn.accounts.tests.factories import UserFactory

    return UserFactory(is_superuser=True, is_staff=True, username="root")
