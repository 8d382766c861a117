"""The search index follows every article: publish, unpublish, move, view
restriction, delete; it is complete after load_demo and imports without a
worker, and a rebuild gives the same entries."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from ttdn.core.search.vietnamese import document_terms
from ttdn.portal.models import ArticlePage, SearchEntry
from ttdn.portal.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Đối ngoại", slug="doi-ngoai")


def entries():
    return sorted(
        SearchEntry.objects.values_list("page_id", "section_id", "locale_id", "title")
    )


def test_publishing_indexes_the_article_with_its_section_and_terms(section):
    article = ArticlePageFactory(
        parent=section,
        title="Đầu tư",
        lead="",
        body=paragraphs("Thủ tục."),
        author="",
        tags=["Lào"],
    )
    entry = SearchEntry.objects.get()
    assert (entry.page_id, entry.section_id, entry.locale_id, entry.title) == (
        article.pk,
        section.pk,
        section.locale_id,
        "Đầu tư",
    )
    assert entry.display_at == article.published_at
    assert entry.terms == document_terms(
        title="Đầu tư",
        body="Thủ tục.\nLào",
        facets=[f"_l{section.locale_id}", f"_s{section.pk}"],
    )
    assert entry.rank_key == int(article.published_at.timestamp()) * 2**24 + article.pk


def test_drafts_are_not_indexed_and_unpublishing_removes(section):
    ArticlePageFactory(parent=section, title="Nháp", publish=False)
    article = ArticlePageFactory(parent=section, title="Bài đăng")
    assert [e[0] for e in entries()] == [article.pk]
    article.unpublish()
    assert entries() == []


def test_deleting_and_moving_follow_the_page(home, section):
    other = SectionPageFactory(parent=home, title="Kinh tế", slug="kinh-te")
    first = ArticlePageFactory(parent=section, title="Một")
    second = ArticlePageFactory(parent=section, title="Hai")
    first.move(other, pos="last-child")
    assert entries() == [
        (first.pk, other.pk, home.locale_id, "Một"),
        (second.pk, section.pk, home.locale_id, "Hai"),
    ]
    second.delete()
    assert [e[0] for e in entries()] == [first.pk]


def test_view_restriction_takes_the_section_out_and_back(
    section, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=section, title="Nội bộ")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type="password", password="x"
        )
    assert entries() == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert [e[0] for e in entries()] == [article.pk]


def test_rebuild_gives_the_same_entries_and_drops_stale_ones(section):
    for n in range(3):
        ArticlePageFactory(parent=section, title=f"Bài {n}", tags=["Lào"])
    before = list(SearchEntry.objects.order_by("pk").values())
    SearchEntry.objects.filter(pk=before[0]["page_id"]).update(terms="cu")
    out = StringIO()
    call_command("update_portal_search", stdout=out)
    assert out.getvalue().endswith("Portal search index rebuilt: 3 articles.\n")
    assert list(SearchEntry.objects.order_by("pk").values()) == before


def test_index_is_complete_after_load_demo_without_a_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("load_demo", stdout=StringIO())
    searchable = set(ArticlePage.objects.live().public().values_list("pk", flat=True))
    assert searchable
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == searchable


def test_index_is_complete_after_an_import_without_a_worker(
    settings, section, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    path = tmp_path / "bai.txt"
    path.write_text(
        "Thu hút đầu tư vào Sơn La\n\nNgày 05/03/2024\n\nTỉnh thu hút đầu tư.\n",
        encoding="utf-8",
    )
    call_command(
        "import_articles", str(path), "--section", section.slug, stdout=StringIO()
    )
    article = ArticlePage.objects.get()
    assert list(SearchEntry.objects.values_list("page_id", "title")) == [
        (article.pk, article.title)
    ]


def test_migrate_fills_an_empty_index_once(section):
    article = ArticlePageFactory(parent=section, title="Có từ trước")
    SearchEntry.objects.all().delete()
    from ttdn.portal.search import index

    assert index.rebuild_if_empty() == 1
    assert [e[0] for e in entries()] == [article.pk]
    assert index.rebuild_if_empty() == 0
