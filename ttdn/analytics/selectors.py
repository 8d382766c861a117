"""Reads of the audience statistics: the widget's figures, a page's views."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from . import identity
from .backends import Figures, get_backend
from .models import DailyStats, PageViewTotal


def site_figures(
    *, page_id: int | None = None, now: dt.datetime | None = None
) -> Figures:
    """Total visits (with the starting total), online now, today, yesterday, this
    month and this year — days in GMT+7 — and, with page_id, the page's views."""
    now = now or timezone.now()
    return get_backend().figures(
        today=identity.local_day(now), now_ms=identity.epoch_ms(now), page_id=page_id
    )


def request_figures(request, *, page_id: int | None = None) -> Figures:
    """site_figures() once per request: the article's view count and the widget
    share one read."""
    cached = getattr(request, "_ttdn_figures", None) if request is not None else None
    if cached is not None and (page_id is None or cached.page_views is not None):
        return cached
    figures = site_figures(page_id=page_id)
    if request is not None:
        request._ttdn_figures = figures
    return figures


def daily_stats(
    *, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[DailyStats]:
    queryset = DailyStats.objects.all()
    if start:
        queryset = queryset.filter(day__gte=start)
    if end:
        queryset = queryset.filter(day__lte=end)
    return queryset.order_by("-day")


def article_views() -> QuerySet[PageViewTotal]:
    """Per-page totals with their page, most read first."""
    return PageViewTotal.objects.select_related("page").order_by(
        "-views", "-starting_views"
    )
