import datetime as dt

from django.utils import translation

from ttdn.core.timefmt import VN_TZ, format_publication, format_short


def test_publication_time_in_vietnamese_with_weekday_and_zone():
    value = dt.datetime(2017, 1, 24, 0, 0, tzinfo=dt.UTC)  # 07:00 in GMT+7
    with translation.override("vi"):
        assert format_publication(value) == "Thứ Ba, 24/01/2017 07:00 (GMT+7)"


def test_publication_time_in_english():
    value = dt.datetime(2017, 1, 24, 7, 0, tzinfo=VN_TZ)
    with translation.override("en"):
        assert format_publication(value) == "Tuesday, 24/01/2017 07:00 (GMT+7)"


def test_publication_day_changes_at_local_midnight_not_utc():
    late_utc = dt.datetime(2017, 1, 23, 17, 30, tzinfo=dt.UTC)  # 00:30 on the 24th
    with translation.override("vi"):
        assert format_publication(late_utc) == "Thứ Ba, 24/01/2017 00:30 (GMT+7)"
    assert format_short(late_utc) == "24/01/2017"


def test_date_only_prints_without_time():
    with translation.override("vi"):
        assert format_publication(dt.date(2018, 7, 6)) == "Thứ Sáu, 06/07/2018"
        value = dt.datetime(2018, 7, 6, 0, 0, tzinfo=VN_TZ)
        assert format_publication(value, with_time=False) == "Thứ Sáu, 06/07/2018"


def test_sunday_in_vietnamese():
    with translation.override("vi"):
        assert format_publication(dt.date(2026, 11, 22)) == "Chủ Nhật, 22/11/2026"


def test_empty_values():
    assert format_publication(None) == ""
    assert format_short(None) == ""
