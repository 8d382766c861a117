"""The portal at size: search, home, section, sitemap, RSS with N articles.

    .venv/bin/python bench/search_scale.py --articles 100000            # SQLite
    .venv/bin/python bench/search_scale.py --articles 100000 \\
        --database postgres://postgres@127.0.0.1:5432/ttdn_search_bench    # PostgreSQL

Builds its own database (SQLite under var/bench/search-scale/, or the given
PostgreSQL database, which it empties), bulk-creates N articles of generated
Vietnamese text in sections under the demo site, builds the search index, then
measures in-process through Django's test client (server time, no network, page
cache off):

  search   the portal search view and its index query, accented and folded
           queries, beside two baselines in the same run: a plain LIKE scan
           (title or body contains the query) and Wagtail's default search
           backend (ttdn.core.search over modelsearch) on the same articles;
  pages    home, a section page, sitemap.xml (index) and one sitemap page, RSS;
  index    publishing one article (incremental index write) at this size;
  memory   the process's peak RSS after all of it.

Never part of `make test`. Prints a table; --json writes the figures.
"""

import argparse
import json
import os
import random
import resource
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCH_QUERIES = [
    "đầu tư",
    "dau tu",
    "lao động",
    "lao dong",
    "hợp tác quốc tế",
    "hop tac quoc te",
    "Vân Nam",
    "van nam",
    "biên giới",
    "bien gioi",
    "du lịch Mộc Châu",
    "du lich moc chau",
    "xuất khẩu nông sản",
    "xuat khau nong san",
    "đoàn",
    "doan",
]

# Words of provincial news; the generator draws from them with a Zipf-like
# frequency so that common words are in many articles and rare ones in few.
WORDS = [
    "tỉnh",
    "Sơn",
    "La",
    "đầu",
    "tư",
    "hợp",
    "tác",
    "quốc",
    "tế",
    "lao",
    "động",
    "việc",
    "làm",
    "biên",
    "giới",
    "Lào",
    "Trung",
    "Quốc",
    "Vân",
    "Nam",
    "du",
    "lịch",
    "Mộc",
    "Châu",
    "xuất",
    "khẩu",
    "nông",
    "sản",
    "đoàn",
    "công",
    "tác",
    "doanh",
    "nghiệp",
    "giai",
    "đoạn",
    "phát",
    "triển",
    "kinh",
    "tế",
    "xã",
    "hội",
    "văn",
    "hóa",
    "thông",
    "tin",
    "đối",
    "ngoại",
    "nhân",
    "dân",
    "hội",
    "nghị",
    "lãnh",
    "đạo",
    "chủ",
    "tịch",
    "ủy",
    "ban",
    "huyện",
    "thành",
    "phố",
    "bản",
    "làng",
    "đồng",
    "bào",
    "dân",
    "tộc",
    "Thái",
    "Mông",
    "Mường",
    "cà",
    "phê",
    "xoài",
    "nhãn",
    "mận",
    "cao",
    "su",
    "thủy",
    "điện",
    "giao",
    "thông",
    "cửa",
    "khẩu",
    "Chiềng",
    "Khương",
    "Lóng",
    "Sập",
    "an",
    "ninh",
    "quốc",
    "phòng",
    "bộ",
    "đội",
    "biên",
    "phòng",
    "trường",
    "học",
    "sinh",
    "viên",
    "giáo",
    "dục",
    "y",
    "tế",
    "bệnh",
    "viện",
    "dịch",
    "bệnh",
    "mưa",
    "lũ",
    "thiên",
    "tai",
    "sạt",
    "lở",
    "khắc",
    "phục",
    "hậu",
    "quả",
    "hỗ",
    "trợ",
    "người",
    "dân",
    "chương",
    "trình",
    "kế",
    "hoạch",
    "triển",
    "khai",
    "thực",
    "hiện",
    "kết",
    "quả",
    "năm",
    "tháng",
    "đẩy",
    "mạnh",
    "tăng",
    "cường",
    "nâng",
    "cao",
    "chất",
    "lượng",
    "hiệu",
    "quả",
    "công",
    "nghệ",
    "cao",
    "chuyển",
    "đổi",
    "số",
    "cải",
    "cách",
    "hành",
    "chính",
    "thủ",
    "tục",
    "dịch",
    "vụ",
    "công",
    "trực",
    "tuyến",
    "thương",
    "mại",
    "xúc",
    "tiến",
    "thị",
    "trường",
    "sản",
    "phẩm",
    "OCOP",
    "hợp",
    "tác",
    "xã",
    "nông",
    "nghiệp",
    "chăn",
    "nuôi",
    "trồng",
    "trọt",
    "rừng",
    "bảo",
    "vệ",
    "môi",
    "trường",
    "nước",
    "sạch",
    "điện",
    "lưới",
    "Hàn",
    "Quốc",
    "Nhật",
    "Bản",
    "Thái",
    "Lan",
    "Campuchia",
    "kiều",
    "bào",
    "ngoại",
    "giao",
    "đại",
    "sứ",
    "tổng",
    "lãnh",
    "sự",
    "ký",
    "kết",
    "thỏa",
    "thuận",
    "ghi",
    "nhớ",
    "giao",
    "lưu",
    "hữu",
    "nghị",
    "truyền",
    "thống",
    "đặc",
    "biệt",
    "toàn",
    "diện",
]

PHRASES = [
    "thu hút đầu tư",
    "xuất khẩu lao động",
    "hợp tác quốc tế",
    "tỉnh Vân Nam",
    "văn hóa miền Nam",
    "bảo vệ biên giới",
    "du lịch Mộc Châu",
    "xuất khẩu nông sản",
    "đoàn công tác",
    "giai đoạn mới",
    "dầu tự nhiên",
    "các tỉnh Bắc Lào",
]


def log(message: str) -> None:
    print(message, flush=True)


def percentile(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def figure(times):
    return {
        "p50": round(percentile(times, 0.5), 1),
        "p95": round(percentile(times, 0.95), 1),
        "n": len(times),
    }


# --- set-up -------------------------------------------------------------------
def configure(args):
    var = Path(
        os.environ.get("BENCH_SEARCH_VAR", ROOT / "var" / "bench" / "search-scale")
    )
    var.mkdir(parents=True, exist_ok=True)
    os.environ["TTDN_VAR_DIR"] = str(var)
    os.environ["TTDN_PAGE_CACHE_TTL"] = "0"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    os.environ.pop("REDIS_URL", None)
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    else:
        os.environ.pop("DATABASE_URL", None)
        db = var / "db.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            if not args.reuse:
                Path(str(db) + suffix).unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.search_settings"
    import django

    django.setup()


def reset_postgres():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


def generate_text(rng, n_words):
    words = []
    while len(words) < n_words:
        if rng.random() < 0.08:
            words.extend(rng.choice(PHRASES).split())
        else:
            # Zipf-like: low indexes far more often.
            index = min(int(rng.paretovariate(0.9)) - 1, len(WORDS) - 1)
            words.append(WORDS[(index * 7) % len(WORDS)])
        if rng.random() < 0.07:
            words[-1] += "."
    return " ".join(words)


def build(n_articles, *, sections=8, batch=2000, seed=16):
    """Bulk-create n articles (pages, article rows, search entries)."""
    import datetime as dt

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils.html import escape

    from wagtail.models import Page

    from ttdn.core.search.vietnamese import document_terms
    from ttdn.core.timefmt import VN_TZ
    from ttdn.portal import services
    from ttdn.portal.models import ArticlePage, SearchEntry, SectionPage
    from ttdn.portal.search.index import facets

    rng = random.Random(seed)
    home = services.setup_site()
    section_pages = []
    for i in range(sections):
        section = SectionPage(title=f"Chuyên mục {i + 1}", slug=f"chuyen-muc-{i + 1}")
        section.show_in_menus = True
        home.add_child(instance=section)
        section.save_revision().publish()
        section_pages.append(Page.objects.get(pk=section.pk))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    local_fields = [
        f for f in ArticlePage._meta.local_concrete_fields if f.name != "page_ptr"
    ]
    columns = ["page_ptr_id"] + [f.column for f in local_fields]
    insert_sql = (
        f"INSERT INTO {ArticlePage._meta.db_table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    start = dt.datetime(2015, 1, 1, tzinfo=VN_TZ)
    span = (dt.datetime(2026, 11, 30, tzinfo=VN_TZ) - start).total_seconds()
    counters = {s.pk: 0 for s in section_pages}
    made = 0
    began = time.perf_counter()
    while made < n_articles:
        size = min(batch, n_articles - made)
        pages, articles, entries = [], [], []
        for j in range(size):
            n = made + j
            section = section_pages[n % sections]
            counters[section.pk] += 1
            title = generate_text(rng, rng.randint(8, 14)).replace(".", "")
            title = title[0].upper() + title[1:]
            paragraphs = [generate_text(rng, rng.randint(60, 110)) for _ in range(3)]
            when = start + dt.timedelta(seconds=rng.random() * span)
            slug = f"bai-{n}"
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale_id=home.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=when,
                last_published_at=when,
                live_revision=None,
                depth=section.depth + 1,
                path=Page._get_path(
                    section.path, section.depth + 1, counters[section.pk]
                ),
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
            )
            article = ArticlePage(
                lead=paragraphs[0][:200],
                body=[("paragraph", f"<p>{escape(p)}</p>") for p in paragraphs],
                published_at=when,
                published_time_known=True,
                author="Phóng viên",
            )
            pages.append(page)
            articles.append(article)
            entries.append(
                {
                    "section_id": section.pk,
                    "display_at": when,
                    "title": title,
                    "terms": document_terms(
                        title=title,
                        body="\n".join(paragraphs),
                        facets=facets(locale_id=home.locale_id, section_id=section.pk),
                    ),
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows = []
            for page, article in zip(pages, articles, strict=True):
                rows.append(
                    [page.pk]
                    + [
                        f.get_db_prep_save(f.pre_save(article, True), connection)
                        for f in local_fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert_sql, rows)
            SearchEntry.objects.bulk_create(
                [
                    SearchEntry(
                        page_id=page.pk,
                        locale_id=home.locale_id,
                        rank_key=SearchEntry.rank_key_for(entry["display_at"], page.pk),
                        **entry,
                    )
                    for page, entry in zip(pages, entries, strict=True)
                ]
            )
        made += size
        rate = made / (time.perf_counter() - began)
        log(f"  {made} articles ({rate:.0f}/s)")
    for section in section_pages:
        Page.objects.filter(pk=section.pk).update(numchild=counters[section.pk])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # SQLite: no ANALYZE, as in a default installation. (With statistics and an
    # empty view-restriction table, SQLite plans Wagtail's restriction query as a
    # scan of every page: docs/performance.md.)
    return home, section_pages


def build_wagtail_index(batch=5000):
    """Wagtail's default backend over the same articles (its own index table)."""
    from wagtail.search.backends import get_search_backend

    from ttdn.portal.models import ArticlePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    ids = list(ArticlePage.objects.values_list("pk", flat=True).order_by("pk"))
    for i in range(0, len(ids), batch):
        objects = list(
            ArticlePage.objects.filter(pk__in=ids[i : i + batch]).prefetch_related(
                "tags"
            )
        )
        index.add_items(ArticlePage, objects)
        log(f"  wagtail index: {min(i + batch, len(ids))}")


# --- measurements -------------------------------------------------------------
def measure(args, home, sections):
    from django.db import connection, reset_queries
    from django.db.models import Q
    from django.test import Client

    from ttdn.portal.models import ArticlePage, SearchEntry
    from ttdn.portal.search import index as search_index
    from ttdn.portal.search import query as search_query

    client = Client()
    figures = {"articles": ArticlePage.objects.count(), "vendor": connection.vendor}
    filters = search_query.Filters(locale_id=home.locale_id)
    repeat = args.repeat

    def accented(q):
        from ttdn.core.search.vietnamese import parse

        return parse(q).accented

    groups = {
        "accented": [q for q in SEARCH_QUERIES if accented(q)],
        "folded": [q for q in SEARCH_QUERIES if not accented(q)],
    }
    for group, queries in groups.items():
        view, selector, like, wagtail = [], [], [], []
        for q in queries:
            client.get("/tim-kiem/", {"q": q})  # warm
            view += timed(lambda q=q: client.get("/tim-kiem/", {"q": q}), repeat)

            def run_selector(q=q):
                results = search_query.search(q, filters=filters)
                if results.matches is not None:
                    list(results.matches[0:10])

            selector += timed(run_selector, repeat)

            def run_like(q=q):
                qs = (
                    ArticlePage.objects.live()
                    .filter(Q(title__icontains=q) | Q(body__icontains=q))
                    .order_by("-published_at")
                )
                qs.count()
                list(qs[:10])

            like += timed(run_like, max(1, repeat // 3))
            if args.wagtail:

                def run_wagtail(q=q):
                    results = ArticlePage.objects.live().search(q, operator="and")
                    results.count()
                    list(results[:10])

                wagtail += timed(run_wagtail, max(1, repeat // 3))
        figures[f"search {group}: view"] = figure(view)
        figures[f"search {group}: index query"] = figure(selector)
        figures[f"search {group}: LIKE scan (baseline)"] = figure(like)
        if wagtail:
            figures[f"search {group}: Wagtail default backend (baseline)"] = figure(
                wagtail
            )

    section = sections[0]
    pages = {
        "home": home.url,
        "section": section.url,
        "section page 50": section.url + "?page=50",
        "sitemap.xml (index)": "/sitemap.xml",
        "sitemap page 1": "/sitemap-pages.xml?p=1",
        "RSS": "/feed/",
        "section RSS": section.url + "feed/",
    }
    for name, url in pages.items():
        response = client.get(url)
        status = response.status_code
        size = len(response.content)
        times = timed(lambda url=url: client.get(url), args.page_repeat)
        figures[name] = {**figure(times), "status": status, "bytes": size}
        if name == "sitemap page 1":
            figures[name]["urls"] = response.content.count(b"<url>")
    reset_queries()

    # Incremental index write: re-index one article (what publishing does).
    article = ArticlePage.objects.order_by("pk")[len(sections) // 2]
    times = timed(lambda: search_index.index_article(article), args.page_repeat)
    figures["index one article"] = figure(times)
    figures["search entries"] = SearchEntry.objects.count()
    figures["peak RSS MB"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", help="postgres://… (default: SQLite)")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--page-repeat", type=int, default=10)
    parser.add_argument(
        "--no-wagtail",
        dest="wagtail",
        action="store_false",
        help="skip the Wagtail default backend baseline (its index takes long)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database built by the previous run (no rebuild)",
    )
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    configure(args)
    from django.core.management import call_command
    from django.db import connection

    if args.reuse:
        from ttdn.portal.models import SectionPage
        from ttdn.portal.selectors import default_home

        home = default_home()
        sections = list(SectionPage.objects.child_of(home).order_by("path"))
        figures = {}
    else:
        if connection.vendor == "postgresql":
            reset_postgres()
        began = time.perf_counter()
        call_command("migrate", verbosity=0)
        log(f"migrated in {time.perf_counter() - began:.0f} s")
        began = time.perf_counter()
        home, sections = build(args.articles)
        figures = {"build s": round(time.perf_counter() - began, 1)}
        log(f"built {args.articles} articles in {figures['build s']} s")
    if args.wagtail and not args.reuse:
        began = time.perf_counter()
        build_wagtail_index()
        figures["wagtail index build s"] = round(time.perf_counter() - began, 1)
    figures.update(measure(args, home, sections))
    width = max(len(k) for k in figures)
    for name, value in figures.items():
        if isinstance(value, dict):
            extra = " ".join(
                f"{k}={v}" for k, v in value.items() if k not in ("p50", "p95")
            )
            p50, p95 = value["p50"], value["p95"]
            log(f"{name:<{width}}  p50 {p50:>8} ms  p95 {p95:>8} ms  {extra}")
        else:
            log(f"{name:<{width}}  {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
