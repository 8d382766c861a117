"""The scale-out path: the judged query set through Wagtail's OpenSearch backend
with the analyzer of ttdn/settings/opensearch.py. Runs only when
TTDN_TEST_OPENSEARCH_URL names a reachable OpenSearch 2 server and opensearch-py
is installed; skipped otherwise (docs/deployment.md)."""

import os
import urllib.request

import pytest

from ttdn.portal.search import evaluation
from ttdn.portal.tests.search import judged
from ttdn.settings.opensearch import opensearch_backend

URL = os.environ.get("TTDN_TEST_OPENSEARCH_URL", "")


def _server_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="TTDN_TEST_OPENSEARCH_URL is not set"),
]


@pytest.fixture
def opensearch(settings):
    pytest.importorskip("opensearchpy")
    if not _server_answers(URL):
        pytest.skip(f"no OpenSearch server answers at {URL}")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": opensearch_backend(URL, index="ttdn_test_search")
    }
    settings.TTDN_PORTAL_SEARCH = "wagtail"
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    backend.reset_index()
    yield backend
    backend.reset_index()


def test_judged_queries_on_opensearch(home, opensearch):
    keys = evaluation.load_corpus(home, judged.ARTICLES)
    opensearch.refresh_index()
    scores = evaluation.evaluate(judged.QUERIES, keys, locale_id=home.locale_id)
    means = evaluation.means(scores)
    report = evaluation.report(scores)
    assert means["ndcg@10"] >= 0.9, report
    assert means["precision@10"] >= 0.9, report
