"""The summary paragraph of a period's delegations, written from the data in the
style of the Sơn La review of 2016 (seed 000):

    Trong năm 2016, tỉnh Sơn La đã tổ chức đón tiếp và làm việc với 154 đoàn
    khách, 932 lượt người, trong đó tiếp đón và làm việc với 54 đoàn, 618 lượt
    người đến từ nước CHDCND Lào. Trong năm, tỉnh đã tổ chức cử 73 đoàn với 409
    lượt cán bộ, công chức, viên chức đi công tác nước ngoài, trong đó có 31 đoàn
    với 341 lượt cán bộ đi công tác tại nước CHDCND Lào.

Written in Vietnamese by default (``language="en"`` gives English).
"""

from django.utils import translation
from django.utils.translation import gettext as _

from ttdn.directory.selectors import serving_province

from .selectors import Period, delegation_stats

# How formal texts write some countries after "nước" (seed 000: "nước CHDCND Lào").
FORMAL_SHORT_NAMES = {"LA": "CHDCND Lào", "KP": "CHDCND Triều Tiên"}


def number(value: int, language: str) -> str:
    """``1.234`` in Vietnamese, ``1,234`` in English."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if language == "vi" else text


def country_name(country, language: str) -> str:
    if language == "vi":
        return FORMAL_SHORT_NAMES.get(country.alpha_2, country.name_vi)
    return country.name_en


def subject_name(*, organisation=None, province=None, language: str) -> str:
    """``tỉnh Sơn La`` (the serving province by default) or the organisation."""
    if organisation is not None:
        return (
            organisation.name_en
            if language == "en" and organisation.name_en
            else (organisation.name)
        )
    if province is None:
        province = serving_province()
    if province is None:
        return _("the province")
    if language == "en" and province.name_en:
        return province.name_en
    return province.name[:1].lower() + province.name[1:]


def period_phrases(period: Period) -> tuple[str, str]:
    """The phrase opening the first sentence and the one opening the second."""
    start, end = f"{period.start:%d/%m/%Y}", f"{period.end:%d/%m/%Y}"
    if period.kind == "year":
        return _("In %(year)s") % {"year": period.year}, _("During the year")
    if period.kind == "half" and period.half == 1:
        return (
            _("In the first half of %(year)s") % {"year": period.year},
            _("In the same period"),
        )
    if period.kind == "half":
        return (
            _("In the second half of %(year)s") % {"year": period.year},
            _("In the same period"),
        )
    if period.kind == "window":
        return (
            _("In the reporting period from %(start)s to %(end)s")
            % {"start": start, "end": end},
            _("In the same period"),
        )
    return (
        _("From %(start)s to %(end)s") % {"start": start, "end": end},
        _("In the same period"),
    )


def delegation_narrative(
    period: Period,
    *,
    country=None,
    organisation=None,
    province=None,
    user=None,
    rollup_on=None,
    language: str = "vi",
    stats: dict | None = None,
) -> str:
    """The paragraph for *period* (with the "of which" part for *country*)."""
    if stats is None:
        filters = {}
        if organisation is not None:
            filters["organisation"] = organisation
        if province is not None:
            filters["province"] = province
        stats = delegation_stats(
            period, country=country, user=user, rollup_on=rollup_on, **filters
        )
    with translation.override(language):
        return _write(period, stats, country, organisation, province, language)


def _write(period, stats, country, organisation, province, language) -> str:
    first, second = period_phrases(period)
    who = subject_name(organisation=organisation, province=province, language=language)
    incoming, outgoing = stats["incoming"], stats["outgoing"]
    country_text = country_name(country, language) if country is not None else ""

    def n(value):
        return number(value, language)

    if incoming["delegations"]:
        sentence = _(
            "%(period)s, %(who)s received and worked with %(delegations)s foreign "
            "delegations with %(persons)s person-visits"
        ) % {
            "period": first,
            "who": who,
            "delegations": n(incoming["delegations"]),
            "persons": n(incoming["persons"]),
        }
        if country is not None:
            part = incoming["of_which"][country.alpha_2]
            if part["delegations"]:
                sentence += _(
                    ", of which %(delegations)s delegations with %(persons)s "
                    "person-visits came from %(country)s"
                ) % {
                    "delegations": n(part["delegations"]),
                    "persons": n(part["persons"]),
                    "country": country_text,
                }
            else:
                sentence += _(", none of them from %(country)s") % {
                    "country": country_text
                }
        sentence += "."
    else:
        sentence = _("%(period)s, %(who)s received no foreign delegation.") % {
            "period": first,
            "who": who,
        }

    if outgoing["delegations"]:
        second_sentence = _(
            "%(period)s, %(who)s sent %(delegations)s delegations with %(persons)s "
            "officials abroad on official business"
        ) % {
            "period": second,
            "who": _("the province") if organisation is None else who,
            "delegations": n(outgoing["delegations"]),
            "persons": n(outgoing["persons"]),
        }
        if country is not None:
            part = outgoing["of_which"][country.alpha_2]
            if part["delegations"]:
                second_sentence += _(
                    ", of which %(delegations)s delegations with %(persons)s "
                    "officials went to %(country)s"
                ) % {
                    "delegations": n(part["delegations"]),
                    "persons": n(part["persons"]),
                    "country": country_text,
                }
            else:
                second_sentence += _(", none of them to %(country)s") % {
                    "country": country_text
                }
        second_sentence += "."
    else:
        second_sentence = _("%(period)s, %(who)s sent no delegation abroad.") % {
            "period": second,
            "who": _("the province") if organisation is None else who,
        }
    return f"{sentence} {second_sentence}"
