"""The summary paragraph in the style of seed 000."""

import datetime as dt

import pytest

from ttdn.affairs.narrative import delegation_narrative, number
from ttdn.affairs.selectors import Period
from ttdn.directory.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

STATS = {
    "incoming": {
        "delegations": 154,
        "persons": 932,
        "of_which": {"LA": {"delegations": 54, "persons": 618}},
    },
    "outgoing": {
        "delegations": 73,
        "persons": 409,
        "of_which": {"LA": {"delegations": 31, "persons": 341}},
    },
}


@pytest.fixture
def son_la(db):
    return ProvinceFactory(code="14", name="Tỉnh Sơn La", name_en="Son La Province")


def test_seed_000_style(son_la, laos):
    text = delegation_narrative(
        Period.for_year(2016), country=laos, province=son_la, stats=STATS
    )
    assert text == (
        "Trong năm 2016, tỉnh Sơn La đã tổ chức đón tiếp và làm việc với 154 đoàn "
        "khách, 932 lượt người, trong đó tiếp đón và làm việc với 54 đoàn, 618 lượt "
        "người đến từ nước CHDCND Lào. Trong năm, tỉnh đã tổ chức cử 73 đoàn với 409 "
        "lượt cán bộ, công chức, viên chức đi công tác nước ngoài, trong đó có 31 "
        "đoàn với 341 lượt cán bộ đi công tác tại nước CHDCND Lào."
    )


def test_without_country_and_for_a_half_year(son_la):
    stats = {
        "incoming": {"delegations": 2, "persons": 1200},
        "outgoing": {"delegations": 1, "persons": 3},
    }
    text = delegation_narrative(Period.for_half(2017, 1), province=son_la, stats=stats)
    assert text == (
        "Trong 6 tháng đầu năm 2017, tỉnh Sơn La đã tổ chức đón tiếp và làm việc với "
        "2 đoàn khách, 1.200 lượt người. Cùng kỳ, tỉnh đã tổ chức cử 1 đoàn với 3 "
        "lượt cán bộ, công chức, viên chức đi công tác nước ngoài."
    )


def test_nothing_in_the_period(son_la, laos):
    stats = {
        "incoming": {
            "delegations": 1,
            "persons": 4,
            "of_which": {"LA": {"delegations": 0, "persons": 0}},
        },
        "outgoing": {
            "delegations": 0,
            "persons": 0,
            "of_which": {"LA": {"delegations": 0, "persons": 0}},
        },
    }
    window = Period.reporting_window(2016)
    text = delegation_narrative(window, country=laos, province=son_la, stats=stats)
    assert text == (
        "Trong kỳ báo cáo từ ngày 15/12/2015 đến ngày 14/12/2016, tỉnh Sơn La đã tổ "
        "chức đón tiếp và làm việc với 1 đoàn khách, 4 lượt người, trong đó không có "
        "đoàn nào đến từ nước CHDCND Lào. Cùng kỳ, tỉnh không cử đoàn nào đi công tác "
        "nước ngoài."
    )


def test_custom_range_computed_from_the_data(son_la):
    period = Period.between(dt.date(2016, 3, 1), dt.date(2016, 3, 31))
    assert delegation_narrative(period, province=son_la) == (
        "Từ ngày 01/03/2016 đến ngày 31/03/2016, tỉnh Sơn La không đón tiếp đoàn khách "
        "nước ngoài nào. Cùng kỳ, tỉnh không cử đoàn nào đi công tác nước ngoài."
    )


def test_english(son_la, laos):
    text = delegation_narrative(
        Period.for_year(2016),
        country=laos,
        province=son_la,
        stats=STATS,
        language="en",
    )
    assert text.startswith(
        "In 2016, Son La Province received and worked with 154 foreign delegations "
        "with 932 person-visits, of which 54 delegations with 618 person-visits came "
        "from Laos."
    )


def test_numbers():
    assert (number(1234567, "vi"), number(1234567, "en")) == ("1.234.567", "1,234,567")
