"""Indicators of the foreign-affairs register (ttdn.affairs), read through its
selectors (found by the indicator registry, ttdn/core/indicators).

Delegations to or from several countries count once, under the list of their
countries ("Lào, Thái Lan"), so that the breakdown by country adds up to the
total.
"""

from ttdn.affairs import selectors as affairs
from ttdn.affairs.choices import Direction
from ttdn.core.indicators import Dimension, Observation, indicator

NOT_RECORDED = "(chưa ghi quốc gia)"
COUNTRY = Dimension("country", "quốc gia", "country")
UNIT = Dimension("unit", "cơ quan, đơn vị", "organisation")


def affairs_period(period) -> "affairs.Period":
    return affairs.Period.between(period.start, period.end)


def _delegations(period, direction):
    records = (
        affairs.delegations_in(affairs_period(period), direction=direction)
        .select_related("organisation")
        .prefetch_related("country_links__country")
        .order_by("start_date", "pk")
    )
    for record in records:
        countries = sorted(str(link.country) for link in record.country_links.all())
        yield record, ", ".join(countries) or NOT_RECORDED


def _label(record) -> str:
    return f"{record.title} ({record.start_date:%d/%m/%Y})"


def _register(code, name_vi, name_en, unit_vi, unit_en, direction, persons):
    @indicator(
        code=code,
        name_vi=name_vi,
        name_en=name_en,
        unit_vi=unit_vi,
        unit_en=unit_en,
        dimensions=(COUNTRY, UNIT),
        app_label="affairs",
        description_vi=(
            "Đoàn đã thực hiện (không tính đoàn bị hủy, bị từ chối) có ngày bắt "
            "đầu trong kỳ."
        ),
        description_en=(
            "Delegations that took place (not cancelled or rejected) and started "
            "within the period."
        ),
    )
    def observe(period):
        for record, countries in _delegations(period, direction):
            yield Observation.of(
                record,
                value=record.person_count if persons else 1,
                label=_label(record),
                country=countries,
                unit=record.organisation.name,
            )

    observe.__name__ = code.lower()
    return observe


_register(
    "DELEG_IN_COUNT",
    "Đoàn nước ngoài vào làm việc",
    "Incoming foreign delegations",
    "đoàn",
    "delegations",
    Direction.INCOMING,
    False,
)
_register(
    "DELEG_IN_PERSONS",
    "Lượt người của các đoàn vào",
    "Person-visits of incoming delegations",
    "lượt người",
    "person-visits",
    Direction.INCOMING,
    True,
)
_register(
    "DELEG_OUT_COUNT",
    "Đoàn đi công tác nước ngoài",
    "Outgoing delegations",
    "đoàn",
    "delegations",
    Direction.OUTGOING,
    False,
)
_register(
    "DELEG_OUT_PERSONS",
    "Lượt cán bộ, công chức, viên chức đi công tác nước ngoài",
    "Officials in outgoing delegations",
    "lượt người",
    "persons",
    Direction.OUTGOING,
    True,
)


@indicator(
    code="CONFERENCES",
    name_vi="Hội nghị, hội thảo quốc tế đã tổ chức",
    name_en="International conferences held",
    unit_vi="hội nghị",
    unit_en="conferences",
    dimensions=(UNIT,),
    app_label="affairs",
)
def conferences(period):
    for record in affairs.conference_figure(
        affairs_period(period)
    ).records.select_related("organisation"):
        yield Observation.of(
            record, label=_label(record), unit=record.organisation.name
        )


@indicator(
    code="CONFERENCE_FOREIGN_PARTICIPANTS",
    name_vi="Đại biểu nước ngoài dự hội nghị, hội thảo quốc tế",
    name_en="Foreign participants in international conferences",
    unit_vi="người",
    unit_en="people",
    dimensions=(UNIT,),
    app_label="affairs",
)
def conference_participants(period):
    for record in affairs.conference_figure(
        affairs_period(period)
    ).records.select_related("organisation"):
        yield Observation.of(
            record,
            value=record.foreign_participants or 0,
            label=_label(record),
            unit=record.organisation.name,
        )


@indicator(
    code="AGREEMENTS_SIGNED",
    name_vi="Thỏa thuận quốc tế đã ký kết",
    name_en="International agreements signed",
    unit_vi="thỏa thuận",
    unit_en="agreements",
    dimensions=(UNIT,),
    app_label="affairs",
)
def agreements(period):
    for record in affairs.agreement_figure(
        affairs_period(period)
    ).records.select_related("organisation"):
        yield Observation.of(
            record,
            label=f"{record.title} ({record.signing_date:%d/%m/%Y})",
            unit=record.organisation.name,
        )


@indicator(
    code="AID_APPROVED",
    name_vi="Khoản viện trợ phi chính phủ nước ngoài được phê duyệt",
    name_en="Foreign NGO aid packages approved",
    unit_vi="khoản viện trợ",
    unit_en="aid packages",
    dimensions=(Dimension("currency", "loại tiền", "currency"), UNIT),
    app_label="affairs",
)
def aid(period):
    for record in affairs.aid_figure(affairs_period(period)).records.select_related(
        "organisation"
    ):
        yield Observation.of(
            record,
            label=f"{record.title} ({record.decision_date:%d/%m/%Y})",
            currency=record.currency,
            unit=record.organisation.name,
        )


@indicator(
    code="PRESS_VISITS",
    name_vi="Đoàn phóng viên nước ngoài được hướng dẫn",
    name_en="Foreign press groups guided",
    unit_vi="đoàn",
    unit_en="groups",
    dimensions=(UNIT,),
    app_label="affairs",
)
def press_visits(period):
    for record in affairs.press_visit_figure(
        affairs_period(period)
    ).records.select_related("organisation"):
        yield Observation.of(
            record, label=_label(record), unit=record.organisation.name
        )


@indicator(
    code="PRESS_JOURNALISTS",
    name_vi="Phóng viên nước ngoài được hướng dẫn",
    name_en="Foreign journalists guided",
    unit_vi="người",
    unit_en="people",
    dimensions=(UNIT,),
    app_label="affairs",
)
def press_journalists(period):
    records = (
        affairs.press_visit_figure(affairs_period(period))
        .records.select_related("organisation")
        .prefetch_related("journalists")
    )
    for record in records:
        yield Observation.of(
            record,
            value=len(record.journalists.all()),
            label=_label(record),
            unit=record.organisation.name,
        )
