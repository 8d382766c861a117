"""Demo data of the monitoring app, loaded through the services. Idempotent: a
second run changes nothing.

No network: the demo sources are *disabled* and point at example.org; their items
are imported from the shipped fixture files (``data/dedupe_fixtures.json`` — the
same story republished by several outlets — and part of the labelled set), each
rendered as an article page with the site's navigation and footer and read by the
same extractor and pipeline as fetched pages. Incidents are opened from items and
stories and moved through several states, with responses.
"""

import datetime as dt
import json

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from ttdn.accounts.demo import demo_user
from ttdn.core.text import fold
from ttdn.directory.models import Organisation
from ttdn.directory.selectors import serving_province

from .. import classifier, extraction, services
from ..choices import (
    Falsity,
    IncidentState,
    ResponseKind,
    Severity,
    SourceKind,
    SourceType,
)
from ..evaluation import DEDUPE_FIXTURES
from ..models import Incident, Item, Source, Story
from ..pipeline import Pipeline

DEMO_NOTE = (
    "Dữ liệu trình diễn: nguồn tin đã tắt, không lấy tin qua mạng; các tin được "
    "nạp từ tệp mẫu đi kèm phần mềm (ttdn/monitoring/data)."
)

SOURCES = [
    {
        "key": "baosonla",
        "name": "Báo Sơn La điện tử (trình diễn)",
        "source_type": SourceType.FEED,
        "url": "https://baosonla.example.org/rss/tin-moi.rss",
        "kind": SourceKind.DOMESTIC_PRESS,
        "language": "vi",
        "home_province": "14",  # Tỉnh Sơn La: "UBND tỉnh …" means Sơn La
    },
    {
        "key": "cong",
        "name": "Cổng thông tin điện tử tỉnh – Tin tức (trình diễn)",
        "source_type": SourceType.LISTING,
        "url": "https://cong.example.org/tin-tuc/",
        "link_selector": ".news-list h3 a",
        "kind": SourceKind.OFFICIAL,
        "language": "vi",
        "home_province": "14",
    },
    {
        "key": "thoisu",
        "name": "Báo Thời sự Quốc gia (trình diễn)",
        "source_type": SourceType.FEED,
        "url": "https://thoisu.example.org/rss.xml",
        "kind": SourceKind.DOMESTIC_PRESS,
        "language": "vi",
    },
    {
        "key": "english",
        "name": "Vietnam News Example (demo)",
        "source_type": SourceType.FEED,
        "url": "https://news-en.example.org/feed/",
        "kind": SourceKind.FOREIGN_PRESS,
        "language": "en",
    },
    {
        "key": "blog",
        "name": "Trang tin nước ngoài (trình diễn)",
        "source_type": SourceType.PAGE,
        "url": "https://blog.example.org/bai-viet/son-la/",
        "kind": SourceKind.FOREIGN_PRESS,
        "language": "vi",
    },
]
HOSTS = {s["key"]: s["url"].split("/")[2] for s in SOURCES}

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="article:published_time" content="{published}"></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a>
<a href="/kinh-te/">Kinh tế</a> <a href="/van-hoa/">Văn hóa</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside><h2>Tin liên quan</h2><ul><li><a href="/tin-khac-1.html">Tin khác</a></li>
</ul></aside></main>
<footer><p>© {site}. Giấy phép hoạt động báo chí điện tử (trình diễn).</p></footer>
</body></html>"""

# (story, version) → source key and age of the item (hours before the load).
STORY_PLAN = {
    "s1": [("baosonla", 0.3), ("thoisu", 0.5), ("cong", 0.8)],
    "s2": [("cong", 30), ("baosonla", 29), ("thoisu", 26)],
    "s3": [("baosonla", 50), ("thoisu", 49), ("cong", 47)],
    "s4": [("cong", 70), ("baosonla", 68), ("thoisu", 60)],
    "s5": [("baosonla", 90), ("cong", 88), ("thoisu", 80)],
    "s6": [("cong", 120), ("baosonla", 118), ("thoisu", 110)],
    "s7": [("english", 0.6), ("blog", 0.4)],
    "s8": [("baosonla", 20), ("thoisu", 15)],
    "n1": [("cong", 10)],
    "n2": [("baosonla", 12)],
    "n3": [("cong", 14)],
}
# Every fourth labelled item, plus the ones the demo incidents start from.
LABELLED_IDS = sorted({f"t{n:03d}" for n in range(1, 209, 4)} | {"t152", "t171"})


def _page(title: str, text: str, *, site: str, published: dt.datetime, lang: str):
    paragraphs = "".join(
        f"<p>{escape(sentence.strip())}.</p>"
        for sentence in text.rstrip(".").split(". ")
        if sentence.strip()
    )
    return PAGE.format(
        title=escape(title),
        site=escape(site),
        published=published.isoformat(timespec="seconds"),
        paragraphs=paragraphs,
        lang=lang,
    )


def _url(source_key: str, title: str, ident: str) -> str:
    slug = slugify(fold(title))[:80] or "bai-viet"
    return f"https://{HOSTS[source_key]}/bai-viet/{slug}-{ident}.html"


def _documents(now: dt.datetime) -> list[dict]:
    fixtures = json.loads(DEDUPE_FIXTURES.read_text(encoding="utf-8"))["stories"]
    documents = []
    for story in fixtures:
        plan = STORY_PLAN[story["story"]]
        for number, (document, (source, hours)) in enumerate(
            zip(story["documents"], plan, strict=True), 1
        ):
            documents.append(
                {
                    "id": f"{story['story']}-{number}",
                    "story": story["story"],
                    "source": source,
                    "title": document["title"],
                    "text": document["text"],
                    "at": now - dt.timedelta(hours=hours),
                    "lang": "en" if source == "english" else "vi",
                }
            )
    labelled = {
        row["id"]: row
        for row in json.loads(classifier.LABELLED_SET.read_text("utf-8"))["items"]
    }
    keys = ["baosonla", "cong", "thoisu"]
    for number, ident in enumerate(LABELLED_IDS):
        row = labelled[ident]
        documents.append(
            {
                "id": ident,
                "story": None,
                "source": keys[number % 3],
                "title": row["title"],
                "text": row["text"],
                "at": now - dt.timedelta(hours=6 + number * 5),
                "lang": "vi",
            }
        )
    return documents


def _ensure_sources(counter: list) -> dict[str, Source]:
    sources = {}
    for spec in SOURCES:
        fields = {k: v for k, v in spec.items() if k not in ("key", "url")}
        source = Source.objects.filter(url=spec["url"]).first()
        if source is None:
            source = Source(url=spec["url"], enabled=False, notes=DEMO_NOTE, **fields)
            services.save_source(source, user=demo_user("theodoi"))
            counter[0] += 1
        sources[spec["key"]] = source
    return sources


def _organisation(short_code: str):

    province = serving_province()
    if province is None:
        return None
    return (
        Organisation.objects.filter(
            short_code=short_code, valid_to__isnull=True, administrative_unit=province
        )
        .order_by("pk")
        .first()
    )


def _item(url_ident: str) -> Item | None:
    return Item.objects.filter(url__endswith=f"-{url_ident}.html").first()


def _incidents(now: dt.datetime, counter: list) -> None:
    plans = [
        {
            "title": "Tin đồn đập thủy điện Sơn La có nguy cơ vỡ",
            "item": "s1-1",
            "organisation": "SCT",
            "detected_hours": 0.2,
            "severity": Severity.HIGH,
            "steps": [
                (IncidentState.TRIAGED, 0.15, {}),
                (IncidentState.VERIFYING, 0.1, {}),
                (IncidentState.RESPONDING, 0.05, {"falsity": Falsity.FAKE}),
            ],
            "responses": [
                {
                    "kind": ResponseKind.PRESS_INFORMATION,
                    "recipient": "Báo Sơn La (trình diễn)",
                    "summary": "Cung cấp số liệu quan trắc an toàn đập và văn bản "
                    "khẳng định của Sở Công Thương cho phóng viên.",
                    "hours": 0.04,
                }
            ],
        },
        {
            "title": "Trang tin nước ngoài đưa tin sai về an toàn đập thủy điện",
            "item": "s7-2",
            "organisation": "SNgV",
            "detected_hours": 0.3,
            "severity": Severity.HIGH,
            "steps": [
                (IncidentState.TRIAGED, 0.25, {}),
                (IncidentState.VERIFYING, 0.2, {}),
            ],
        },
        {
            "title": "Trang web giả mạo Cổng thông tin điện tử tỉnh",
            "item": "s6-1",
            "organisation": "VP",
            "detected_hours": 119,
            "severity": Severity.MEDIUM,
            "steps": [
                (IncidentState.TRIAGED, 116, {}),
                (IncidentState.VERIFYING, 115, {}),
                (IncidentState.RESPONDING, 100, {"falsity": Falsity.FAKE}),
            ],
            "responses": [
                {
                    "kind": ResponseKind.REMOVAL_REQUEST,
                    "recipient": "Nhà cung cấp tên miền (trình diễn)",
                    "url": "https://cong-gia.example.org/",
                    "summary": "Đề nghị tạm dừng tên miền giả mạo cổng thông tin.",
                    "outcome": "Tên miền đã bị tạm dừng.",
                    "hours": 96,
                }
            ],
            "after": [
                (
                    IncidentState.REPORTED,
                    72,
                    {
                        "reported_to": "Ban Chỉ đạo công tác thông tin đối ngoại "
                        "tỉnh; Công an tỉnh"
                    },
                ),
                (IncidentState.CLOSED, 48, {"note": "Đã xử lý xong."}),
            ],
        },
        {
            "title": "Tin giả về việc cấm xe máy du khách lên Mộc Châu",
            "item": "t171",
            "organisation": "SVHTTDL",
            "detected_hours": 7 * 24,
            "severity": Severity.MEDIUM,
            "steps": [
                (IncidentState.TRIAGED, 6 * 24, {}),
                (IncidentState.VERIFYING, 6 * 24 - 2, {}),
            ],
        },
        {
            "title": "Thông tin xoài Sơn La nhiễm hóa chất",
            "item": "t152",
            "organisation": "SNNMT",
            "detected_hours": 30,
            "severity": Severity.MEDIUM,
            "steps": [(IncidentState.TRIAGED, 26, {})],
        },
        {
            "title": "Thông tin học sinh Sốp Cộp bỏ học đi làm thuê",
            "item": None,
            "organisation": None,
            "detected_hours": 50,
            "severity": Severity.LOW,
            "steps": [],
        },
    ]
    # The demo's monitor (ttdn.accounts.demo) records every step.
    monitor = demo_user("theodoi")
    for plan in plans:
        if Incident.objects.filter(title=plan["title"]).exists():
            continue
        organisation = (
            _organisation(plan["organisation"]) if plan["organisation"] else None
        )
        item = _item(plan["item"]) if plan["item"] else None
        incident = services.open_incident(
            user=monitor,
            item=item,
            title=plan["title"],
            summary=(item.excerpt if item else "Thông báo của Sở Giáo dục và Đào tạo."),
            severity=plan["severity"],
            detected_at=now - dt.timedelta(hours=plan["detected_hours"]),
            note="Dữ liệu trình diễn.",
        )
        counter[0] += 1
        if plan["steps"] and organisation is None:
            continue
        for state, hours, extra in plan["steps"]:
            incident = services.transition(
                incident,
                state,
                user=monitor,
                organisation=organisation,
                at=now - dt.timedelta(hours=hours),
                **extra,
            )
        for response in plan.get("responses", []):
            services.add_response(
                incident,
                user=monitor,
                kind=response["kind"],
                summary=response["summary"],
                recipient=response.get("recipient", ""),
                url=response.get("url", ""),
                outcome=response.get("outcome", ""),
                sent_at=now - dt.timedelta(hours=response["hours"]),
            )
        for state, hours, extra in plan.get("after", []):
            incident = services.transition(
                incident,
                state,
                user=monitor,
                at=now - dt.timedelta(hours=hours),
                **extra,
            )


@transaction.atomic
def load_demo(stdout=None) -> int:
    now = timezone.now()
    counter = [0]
    sources = _ensure_sources(counter)
    pipeline = None
    for document in _documents(now):
        url = _url(document["source"], document["title"], document["id"])
        if Item.objects.filter(url=url).exists():
            continue
        pipeline = pipeline or Pipeline(now=now)
        source = sources[document["source"]]
        html = _page(
            document["title"],
            document["text"],
            site=source.name,
            published=document["at"] - dt.timedelta(minutes=20),
            lang=document["lang"],
        )
        article = extraction.extract_article(html, url=url, now=now)
        if article is None:
            continue
        result = pipeline.ingest(source, article, fetched_at=document["at"])
        counter[0] += int(result.created)
    if counter[0]:
        # Alerts for the demo's republished rumour (no e-mail during a load).
        counter[0] += len(services.detect_spikes(now=now, notify=False))
    _incidents(now, counter)
    if stdout is not None:
        stdout.write(
            f"Theo dõi thông tin: {Source.objects.count()} nguồn tin, "
            f"{Item.objects.count()} tin, {Story.objects.count()} chuỗi tin, "
            f"{Incident.objects.count()} sự việc ({counter[0]} thay đổi)."
        )
    return counter[0]
