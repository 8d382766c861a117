"""The foreign-affairs section of the activity reports: figures, the delegation
paragraph in the style of the Sơn La 2016 review (seed 000) and the report's
sections, read through the register's selectors and narrative. Imported by
``kinds.collect_affairs`` only when ``ttdn.affairs`` is installed."""

from ttdn.affairs import narrative as affairs_narrative
from ttdn.affairs import selectors as affairs
from ttdn.affairs.choices import Direction
from ttdn.affairs.indicators import affairs_period
from ttdn.core.text import format_cell


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
