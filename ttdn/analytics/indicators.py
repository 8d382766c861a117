"""Indicators of the audience statistics (ttdn.analytics): page views and
visits per day, from its daily aggregates."""

from ttdn.analytics import selectors as analytics
from ttdn.core.indicators import Dimension, Observation, indicator

MONTH = (Dimension("month", "tháng", "month"),)


@indicator(
    code="PORTAL_PAGE_VIEWS",
    name_vi="Lượt xem trang trên Cổng thông tin",
    name_en="Portal page views",
    unit_vi="lượt xem",
    unit_en="page views",
    dimensions=MONTH,
    description_vi="Tổng lượt xem trang của các ngày trong kỳ (giờ Việt Nam).",
    description_en="Page views of the days in the period (GMT+7).",
    app_label="analytics",
)
def portal_page_views(period):
    for day in analytics.daily_stats(start=period.start, end=period.end).order_by(
        "day"
    ):
        yield Observation.of(day, value=day.views, month=f"{day.day:%m/%Y}")


@indicator(
    code="PORTAL_VISITS",
    name_vi="Lượt truy cập Cổng thông tin",
    name_en="Portal visits",
    unit_vi="lượt truy cập",
    unit_en="visits",
    dimensions=MONTH,
    app_label="analytics",
)
def portal_visits(period):
    for day in analytics.daily_stats(start=period.start, end=period.end).order_by(
        "day"
    ):
        yield Observation.of(day, value=day.visits, month=f"{day.day:%m/%Y}")
