"""Indicators of the public portal (ttdn.portal), registered by reports: the
portal app stays free of reporting code."""

import datetime as dt

from django.conf import settings
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import Page

from ttdn.portal.models import ArticlePage
from ttdn.reports.registry import Dimension, Observation, indicator


def local_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes from the first moment of *start* to the first moment
    after *end*, in GMT+7."""
    zone = timezone.get_default_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def published_articles(start: dt.date, end: dt.date):
    """Live, public articles whose publication time (shown to readers) falls
    within *start*…*end* (GMT+7), oldest first."""
    first, after = local_range(start, end)
    return (
        ArticlePage.objects.live()
        .public()
        .annotate(display_at=Coalesce("published_at", "first_published_at"))
        .filter(display_at__gte=first, display_at__lt=after)
        .select_related("locale")
        .order_by("display_at", "pk")
    )


@indicator(
    code="PORTAL_ARTICLES",
    name_vi="Tin bài đăng trên Cổng thông tin",
    name_en="Articles published on the portal",
    unit_vi="tin bài",
    unit_en="articles",
    dimensions=(
        Dimension("language", "ngôn ngữ", "language"),
        Dimension("section", "chuyên mục", "section"),
    ),
    description_vi=(
        "Tin bài đang xuất bản, công khai, có thời điểm đăng (hiển thị cho bạn "
        "đọc, giờ Việt Nam) trong kỳ."
    ),
    description_en=(
        "Live, public articles whose publication time (as shown to readers, "
        "GMT+7) is within the period."
    ),
    app_label="portal",
)
def portal_articles(period):
    articles = list(published_articles(period.start, period.end))
    parents = {
        page.path: page.title
        for page in Page.objects.filter(
            path__in={a.path[: -Page.steplen] for a in articles}
        )
    }
    languages = settings.KNOWN_LANGUAGES
    for article in articles:
        code = article.locale.language_code
        yield Observation.of(
            article,
            label=f"{article.title} "
            f"({timezone.localtime(article.display_at):%d/%m/%Y})",
            language=languages.get(code, code),
            section=parents.get(article.path[: -Page.steplen], ""),
        )
