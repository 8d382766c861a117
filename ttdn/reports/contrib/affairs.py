"""Indicators and report sections of the foreign-affairs register (ttdn.affairs),
read through its selectors and its seed-000-style narrative; the register itself
carries no reporting code. Imported by ``ttdn/reports/indicators.py`` only when
``ttdn.affairs`` is installed.

Delegations to or from several countries count once, under the list of their
countries ("Lào, Thái Lan"), so that the breakdown by country adds up to the
total.
"""

from ttdn.affairs import narrative as affairs_narrative
from ttdn.affairs import selectors as affairs
from ttdn.affairs.choices import Direction
from ttdn.reports.documents.decree30 import format_cell
from ttdn.reports.registry import Dimension, Observation, indicator

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


# --- report sections ------------------------------------------------------------
def _n(value) -> str:
    return format_cell(int(value))


def _country_table(rows) -> dict:
    return {
        "columns": ["TT", "Quốc gia", "Số đoàn", "Lượt người"],
        "rows": [
            [index, row.label, row.delegations, row.persons]
            for index, row in enumerate(rows, start=1)
        ]
        + [
            [
                "",
                "Tổng cộng",
                sum(r.delegations for r in rows),
                sum(r.persons for r in rows),
            ]
        ],
        "widths_cm": [1.2, 8.3, 3.5, 3.5],
        "numeric": [2, 3],
        "bold_last_row": True,
    }


def collect(period) -> dict:
    """Figures, the delegation paragraph in the style of the Sơn La 2016 review
    (seed 000) and the sections of the foreign-affairs activity report, all in
    Vietnamese (JSON-serialisable: kept with an issued report)."""
    span = affairs_period(period)
    incoming = affairs.delegation_breakdown(
        span, direction=Direction.INCOMING, by="country"
    )
    outgoing = affairs.delegation_breakdown(
        span, direction=Direction.OUTGOING, by="country"
    )
    # "… of which N delegations from <the country with most incoming delegations>"
    main_country = next((row.key for row in incoming if row.key is not None), None)
    paragraph = affairs_narrative.delegation_narrative(
        span, country=main_country, language="vi"
    )
    conferences = affairs.conference_figure(span)
    agreements = affairs.agreement_figure(span)
    aid_figure = affairs.aid_figure(span)
    press = affairs.press_visit_figure(span)
    aid_amounts = [
        f"{format_cell(float(values['grant']))} {currency}"
        for currency, values in aid_figure.extra.get("amounts", {}).items()
    ]
    tables = []
    if incoming:
        tables.append(
            {**_country_table(incoming), "caption": "Các đoàn vào theo quốc gia"}
        )
    if outgoing:
        tables.append(
            {**_country_table(outgoing), "caption": "Các đoàn ra theo quốc gia"}
        )
    sections = [
        {
            "title": "Công tác đoàn ra, đoàn vào",
            "lines": [paragraph],
            "tables": tables,
        },
        {
            "title": "Hội nghị, hội thảo quốc tế",
            "lines": [
                f"Trong kỳ, trên địa bàn tỉnh đã tổ chức {_n(conferences.count)} hội "
                f"nghị, hội thảo quốc tế với {_n(conferences.total)} đại biểu nước "
                "ngoài tham dự."
            ],
        },
        {
            "title": "Ký kết và thực hiện thỏa thuận quốc tế",
            "lines": [f"Trong kỳ đã ký kết {_n(agreements.count)} thỏa thuận quốc tế."],
        },
        {
            "title": "Vận động, tiếp nhận viện trợ phi chính phủ nước ngoài",
            "lines": [
                f"Trong kỳ đã phê duyệt {_n(aid_figure.count)} khoản viện trợ phi "
                "chính phủ nước ngoài"
                + (
                    f", giá trị viện trợ {', '.join(aid_amounts)}"
                    if aid_amounts
                    else ""
                )
                + "."
            ],
        },
        {
            "title": "Quản lý hoạt động của phóng viên nước ngoài",
            "lines": [
                f"Trong kỳ đã tiếp đón, hướng dẫn {_n(press.count)} đoàn với "
                f"{_n(press.total)} phóng viên nước ngoài đến hoạt động báo chí tại "
                "tỉnh."
            ],
        },
    ]
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "narrative": [paragraph],
        "sections": sections,
        "figures": {
            "incoming": [
                {"country": r.label, "delegations": r.delegations, "persons": r.persons}
                for r in incoming
            ],
            "outgoing": [
                {"country": r.label, "delegations": r.delegations, "persons": r.persons}
                for r in outgoing
            ],
            "conferences": conferences.count,
            "conference_participants": int(conferences.total),
            "agreements": agreements.count,
            "aid": aid_figure.count,
            "press_groups": press.count,
            "journalists": int(press.total),
        },
    }
