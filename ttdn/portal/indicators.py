"""Indicators of the public portal (ttdn.portal): published articles (found
by the indicator registry, ttdn/core/indicators)."""

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from ttdn.core.indicators import Dimension, Observation, indicator

from .selectors import published_articles


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
