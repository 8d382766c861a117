"""Countries from pycountry (ISO 3166-1) with official Vietnamese names (ADR 0002).

pycountry's Vietnamese translations are poor ("Cộng hoà Nam Hàn", "Nhật",
"Phi-li-pi-nợ"), so the countries a Vietnamese province deals with are named from
:data:`CURATED` — the short and full names used in Vietnamese official documents,
and the other ways documents write them. Other countries get pycountry's
translation. Matching ignores diacritics, case, spaces and punctuation
(:func:`ttdn.directory.rules.country_key`), so "Cộng hòa" and "Cộng hoà", "Ca-na-đa"
and "Canada" need no separate aliases.

A load creates missing countries, refreshes what ISO owns (codes, English names),
fills empty Vietnamese names and adds missing aliases; it never overwrites a
Vietnamese name or removes an alias an administrator edited, unless
``refresh_names`` is set.
"""

import gettext
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Country, CountryAlias
from ..rules import country_key

# alpha-2 → (short name, full name, aliases)
CURATED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # Neighbours and ASEAN
    "LA": (
        "Lào",
        "Cộng hòa Dân chủ Nhân dân Lào",
        (
            "CHDCND Lào",
            "CHDND Lào",
            "Cộng hòa DCND Lào",
            "Nước CHDCND Lào",
            "Laos",
            "Lao PDR",
            "Lao",
        ),
    ),
    "CN": (
        "Trung Quốc",
        "Cộng hòa Nhân dân Trung Hoa",
        ("CHND Trung Hoa", "Trung Hoa", "China", "PRC"),
    ),
    "KH": (
        "Campuchia",
        "Vương quốc Campuchia",
        ("Cam-pu-chia", "Căm-pu-chia", "Cambodia", "Kampuchea"),
    ),
    "TH": ("Thái Lan", "Vương quốc Thái Lan", ("Thailand",)),
    "MM": (
        "Myanmar",
        "Cộng hòa Liên bang Myanmar",
        ("Mi-an-ma", "Miến Điện", "Burma"),
    ),
    "MY": ("Malaysia", "Malaysia", ("Ma-lai-xi-a", "Mã Lai")),
    "SG": ("Singapore", "Cộng hòa Singapore", ("Xin-ga-po", "Xinh-ga-po")),
    "ID": ("Indonesia", "Cộng hòa Indonesia", ("In-đô-nê-xi-a", "Nam Dương")),
    "PH": ("Philippines", "Cộng hòa Philippines", ("Phi-líp-pin", "Philippin")),
    "BN": ("Brunei", "Brunei Darussalam", ("Bru-nây",)),
    "TL": (
        "Timor-Leste",
        "Cộng hòa Dân chủ Timor-Leste",
        ("Đông Timor", "Đông Ti-mo", "East Timor"),
    ),
    "VN": (
        "Việt Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ("CHXHCN Việt Nam", "Vietnam"),
    ),
    # East and South Asia
    "KR": (
        "Hàn Quốc",
        "Đại Hàn Dân Quốc",
        ("South Korea", "Republic of Korea", "Nam Hàn", "Nam Triều Tiên"),
    ),
    "KP": (
        "Triều Tiên",
        "Cộng hòa Dân chủ Nhân dân Triều Tiên",
        ("CHDCND Triều Tiên", "North Korea", "Bắc Triều Tiên", "Bắc Hàn"),
    ),
    "JP": ("Nhật Bản", "Nhật Bản", ("Japan", "Nhật")),
    "MN": ("Mông Cổ", "Mông Cổ", ("Mongolia",)),
    "TW": ("Đài Loan (Trung Quốc)", "", ("Đài Loan", "Taiwan")),
    "HK": (
        "Hồng Kông (Trung Quốc)",
        "Đặc khu hành chính Hồng Kông",
        ("Hồng Kông", "Hong Kong", "Hương Cảng"),
    ),
    "MO": (
        "Ma Cao (Trung Quốc)",
        "Đặc khu hành chính Ma Cao",
        ("Ma Cao", "Macao", "Macau"),
    ),
    "IN": ("Ấn Độ", "Cộng hòa Ấn Độ", ("India",)),
    "BD": ("Bangladesh", "Cộng hòa Nhân dân Bangladesh", ("Băng-la-đét",)),
    "PK": ("Pakistan", "Cộng hòa Hồi giáo Pakistan", ("Pa-ki-xtan",)),
    "LK": (
        "Sri Lanka",
        "Cộng hòa Xã hội chủ nghĩa Dân chủ Sri Lanka",
        ("Xri Lan-ca",),
    ),
    "NP": ("Nepal", "Nepal", ("Nê-pan",)),
    "BT": ("Bhutan", "Vương quốc Bhutan", ("Bu-tan",)),
    "MV": ("Maldives", "Cộng hòa Maldives", ("Man-đi-vơ",)),
    "AF": ("Afghanistan", "", ("Áp-ga-ni-xtan",)),
    # Central and West Asia
    "KZ": ("Kazakhstan", "Cộng hòa Kazakhstan", ("Ca-dắc-xtan",)),
    "UZ": ("Uzbekistan", "Cộng hòa Uzbekistan", ("U-dơ-bê-ki-xtan",)),
    "KG": ("Kyrgyzstan", "Cộng hòa Kyrgyzstan", ("Cư-rơ-gư-xtan",)),
    "TJ": ("Tajikistan", "Cộng hòa Tajikistan", ("Tát-gi-ki-xtan",)),
    "TM": ("Turkmenistan", "Turkmenistan", ("Tuốc-mê-ni-xtan",)),
    "TR": ("Thổ Nhĩ Kỳ", "Cộng hòa Thổ Nhĩ Kỳ", ("Turkey", "Türkiye")),
    "IR": ("Iran", "Cộng hòa Hồi giáo Iran", ("I-ran",)),
    "IQ": ("Iraq", "Cộng hòa Iraq", ("I-rắc",)),
    "SY": ("Syria", "Cộng hòa Ả Rập Syria", ("Xy-ri",)),
    "JO": ("Jordan", "Vương quốc Hashemite Jordan", ("Gioóc-đa-ni",)),
    "LB": ("Liban", "Cộng hòa Liban", ("Lebanon", "Li-băng")),
    "IL": ("Israel", "Nhà nước Israel", ("I-xra-en",)),
    "PS": ("Palestine", "Nhà nước Palestine", ("Pa-le-xtin",)),
    "SA": ("Ả Rập Xê Út", "Vương quốc Ả Rập Xê Út", ("Saudi Arabia", "Arab Saudi")),
    "AE": (
        "Các Tiểu vương quốc Ả Rập Thống nhất",
        "Các Tiểu vương quốc Ả Rập Thống nhất",
        ("UAE", "United Arab Emirates"),
    ),
    "QA": ("Qatar", "Nhà nước Qatar", ("Ca-ta",)),
    "KW": ("Kuwait", "Nhà nước Kuwait", ("Cô-oét",)),
    "OM": ("Oman", "Vương quốc Oman", ("Ô-man",)),
    # Europe
    "RU": ("Nga", "Liên bang Nga", ("LB Nga", "Russia")),
    "FR": ("Pháp", "Cộng hòa Pháp", ("France",)),
    "DE": ("Đức", "Cộng hòa Liên bang Đức", ("CHLB Đức", "Germany")),
    "GB": (
        "Anh",
        "Vương quốc Liên hiệp Anh và Bắc Ai-len",
        (
            "Vương quốc Anh",
            "Liên hiệp Vương quốc Anh và Bắc Ireland",
            "United Kingdom",
            "UK",
            "Great Britain",
            "Britain",
        ),
    ),
    "IT": ("Ý", "Cộng hòa I-ta-li-a", ("I-ta-li-a", "Italia", "Italy")),
    "NL": ("Hà Lan", "Vương quốc Hà Lan", ("Netherlands", "Holland", "Hòa Lan")),
    "BE": ("Bỉ", "Vương quốc Bỉ", ("Belgium",)),
    "LU": ("Luxembourg", "Đại Công quốc Luxembourg", ("Lúc-xăm-bua",)),
    "SE": ("Thụy Điển", "Vương quốc Thụy Điển", ("Sweden",)),
    "CH": ("Thụy Sĩ", "Liên bang Thụy Sĩ", ("Thụy Sỹ", "Switzerland")),
    "AT": ("Áo", "Cộng hòa Áo", ("Austria",)),
    "DK": ("Đan Mạch", "Vương quốc Đan Mạch", ("Denmark",)),
    "NO": ("Na Uy", "Vương quốc Na Uy", ("Norway",)),
    "FI": ("Phần Lan", "Cộng hòa Phần Lan", ("Finland",)),
    "IS": ("Iceland", "Iceland", ("Ai-xơ-len",)),
    "IE": ("Ireland", "Ireland", ("Ai-len",)),
    "ES": ("Tây Ban Nha", "Vương quốc Tây Ban Nha", ("Spain",)),
    "PT": ("Bồ Đào Nha", "Cộng hòa Bồ Đào Nha", ("Portugal",)),
    "GR": ("Hy Lạp", "Cộng hòa Hy Lạp", ("Greece",)),
    "PL": ("Ba Lan", "Cộng hòa Ba Lan", ("Poland",)),
    "CZ": ("Séc", "Cộng hòa Séc", ("Czechia", "Czech Republic")),
    "SK": ("Slovakia", "Cộng hòa Slovakia", ("Xlô-va-ki-a",)),
    "HU": ("Hungary", "Hungary", ("Hung-ga-ri",)),
    "RO": ("Romania", "Romania", ("Ru-ma-ni",)),
    "BG": ("Bulgaria", "Cộng hòa Bulgaria", ("Bun-ga-ri",)),
    "RS": ("Serbia", "Cộng hòa Serbia", ("Xéc-bi-a",)),
    "HR": ("Croatia", "Cộng hòa Croatia", ("Crô-a-ti-a",)),
    "SI": ("Slovenia", "Cộng hòa Slovenia", ("Xlô-ve-ni-a",)),
    "EE": ("Estonia", "Cộng hòa Estonia", ("E-xtô-ni-a",)),
    "LV": ("Latvia", "Cộng hòa Latvia", ("Lát-vi-a",)),
    "LT": ("Litva", "Cộng hòa Litva", ("Lithuania", "Lít-va")),
    "UA": ("Ukraine", "Ukraine", ("U-crai-na",)),
    "BY": ("Belarus", "Cộng hòa Belarus", ("Bê-la-rút",)),
    "VA": ("Tòa Thánh Vatican", "Tòa Thánh", ("Vatican", "Holy See")),
    # Americas
    "US": (
        "Hoa Kỳ",
        "Hợp chúng quốc Hoa Kỳ",
        ("Mỹ", "USA", "United States", "Hoa Kì"),
    ),
    "CA": ("Ca-na-đa", "Ca-na-đa", ()),
    "CU": ("Cu-ba", "Cộng hòa Cu-ba", ()),
    "MX": ("Mexico", "Hợp chúng quốc Mexico", ("Mê-hi-cô",)),
    "BR": ("Brazil", "Cộng hòa Liên bang Brazil", ("Bra-xin", "Brasil")),
    "AR": ("Argentina", "Cộng hòa Argentina", ("Ác-hen-ti-na",)),
    "CL": ("Chile", "Cộng hòa Chile", ("Chi-lê",)),
    "PE": ("Peru", "Cộng hòa Peru", ("Pê-ru",)),
    "CO": ("Colombia", "Cộng hòa Colombia", ("Cô-lôm-bi-a",)),
    "VE": ("Venezuela", "Cộng hòa Bolivar Venezuela", ("Vê-nê-xu-ê-la",)),
    "NI": ("Nicaragua", "Cộng hòa Nicaragua", ("Ni-ca-ra-goa",)),
    # Oceania
    "AU": ("Úc", "Ô-xtrây-li-a", ("Australia", "Ô-xtrây-li-a")),
    "NZ": ("Niu Di-lân", "Niu Di-lân", ("New Zealand", "Tân Tây Lan")),
    "PG": ("Papua New Guinea", "Nhà nước Độc lập Papua New Guinea", ()),
    "FJ": ("Fiji", "Cộng hòa Fiji", ("Phi-gi",)),
    # Africa
    "EG": ("Ai Cập", "Cộng hòa Ả Rập Ai Cập", ("Egypt",)),
    "ZA": ("Nam Phi", "Cộng hòa Nam Phi", ("South Africa",)),
    "NG": ("Nigeria", "Cộng hòa Liên bang Nigeria", ("Ni-giê-ri-a",)),
    "DZ": ("Algeria", "Cộng hòa Dân chủ Nhân dân Algeria", ("An-giê-ri",)),
    "MA": ("Maroc", "Vương quốc Maroc", ("Morocco", "Ma-rốc")),
    "MZ": ("Mozambique", "Cộng hòa Mozambique", ("Mô-dăm-bích",)),
    "AO": ("Angola", "Cộng hòa Angola", ("Ăng-gô-la",)),
    "KE": ("Kenya", "Cộng hòa Kenya", ("Kê-ni-a",)),
    "ET": ("Ethiopia", "Cộng hòa Dân chủ Liên bang Ethiopia", ("Ê-ti-ô-pi-a",)),
    "TZ": ("Tanzania", "Cộng hòa Thống nhất Tanzania", ("Tan-da-ni-a",)),
    "CI": ("Côte d'Ivoire", "Cộng hòa Côte d'Ivoire", ("Bờ Biển Ngà",)),
    "CD": (
        "Cộng hòa Dân chủ Congo",
        "Cộng hòa Dân chủ Congo",
        ("CHDC Congo", "CHDC Công-gô"),
    ),
    "CG": ("Cộng hòa Congo", "Cộng hòa Congo", ("Công-gô",)),
}


@dataclass
class CountryReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_added: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.aliases_added


def _vietnamese_translation():
    import pycountry

    try:
        return gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=["vi"]
        ).gettext
    except OSError:  # pragma: no cover - pycountry always ships it
        return lambda text: text


def load_countries(*, refresh_names: bool = False) -> CountryReport:
    """Create or refresh the countries (see the module docstring)."""
    import pycountry

    translate = _vietnamese_translation()
    report = CountryReport()
    existing = {c.alpha_2: c for c in Country.objects.prefetch_related("aliases")}
    for record in pycountry.countries:
        name_en = getattr(record, "common_name", None) or record.name
        official_en = getattr(record, "official_name", None) or record.name
        if official_en == name_en:
            official_en = ""
        curated = CURATED.get(record.alpha_2)
        if curated:
            name_vi, official_vi = curated[0], curated[1]
        else:
            name_vi = translate(record.name)
            official_vi = ""
        owned = {
            "alpha_3": record.alpha_3,
            "numeric": record.numeric,
            "name_en": name_en,
            "official_name_en": official_en,
        }
        country = existing.get(record.alpha_2)
        if country is None:
            country = Country(
                alpha_2=record.alpha_2,
                name_vi=name_vi,
                official_name_vi=official_vi,
                **owned,
            )
            country.save()
            existing[record.alpha_2] = country
            report.created += 1
            continue
        wanted = dict(owned)
        if refresh_names or not country.name_vi:
            wanted["name_vi"] = name_vi
        if refresh_names or not country.official_name_vi:
            wanted["official_name_vi"] = official_vi
        before = (country.search_text, country.name_keys)
        before += tuple(getattr(country, k) for k in wanted)
        for k, v in wanted.items():
            setattr(country, k, v)
        country.refresh_search_text()
        after = (country.search_text, country.name_keys, *wanted.values())
        if before != after:
            country.save()
            report.updated += 1
        else:
            report.unchanged += 1
    _add_curated_aliases(existing, report)
    return report


def _add_curated_aliases(countries: dict[str, Country], report: CountryReport):
    taken = dict(CountryAlias.objects.values_list("key", "country_id"))
    for alpha_2, (_short, _full, aliases) in CURATED.items():
        country = countries.get(alpha_2)
        if country is None:
            continue
        own_keys = set(filter(None, country.name_keys.split("|")))
        added = False
        for alias in aliases:
            key = country_key(alias)
            if key in own_keys or taken.get(key) == country.pk:
                continue
            if key in taken:
                report.warnings.append(
                    _("Alias “%(alias)s” of %(country)s is already used; skipped.")
                    % {"alias": alias, "country": country}
                )
                continue
            clash = (
                Country.objects.filter(name_keys__contains=f"|{key}|")
                .exclude(pk=country.pk)
                .first()
            )
            if clash is not None:
                report.warnings.append(
                    _(
                        "Alias “%(alias)s” of %(country)s is the name of %(other)s; "
                        "skipped."
                    )
                    % {"alias": alias, "country": country, "other": clash}
                )
                continue
            CountryAlias.objects.create(country=country, name=alias)
            taken[key] = country.pk
            report.aliases_added += 1
            added = True
        if added:
            country.refresh_search_text(
                aliases=list(
                    CountryAlias.objects.filter(country=country).values_list(
                        "name", flat=True
                    )
                )
            )
            Country.objects.filter(pk=country.pk).update(
                search_text=country.search_text
            )
