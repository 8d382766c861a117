import pytest

from ttdn.directory.reference.countries import load_countries
from ttdn.directory.selectors import resolve_country

pytestmark = pytest.mark.django_db

LAOS = [
    "Lào",
    "CHDCND Lào",
    "CHDND Lào",
    "Cộng hòa DCND Lào",
    "Cộng hòa Dân chủ Nhân dân Lào",
    "Cộng hoà Dân chủ Nhân dân Lào",
    "Nước CHDCND Lào",
    "Laos",
    "Lao PDR",
    "Lao People's Democratic Republic",
    "LA",
    "LAO",
]


def without_diacritics(text):
    from ttdn.core.text import fold_char

    return "".join(fold_char(c) for c in text)


@pytest.fixture
def countries(db):
    load_countries()


@pytest.mark.parametrize("text", LAOS)
def test_every_way_of_writing_laos(countries, text):
    for variant in (
        text,
        without_diacritics(text),
        text.upper(),
        text.lower(),
        f"  {text.replace(' ', '  ')} ",
        text.replace(" ", ""),
    ):
        country = resolve_country(variant)
        assert country is not None and country.alpha_2 == "LA", variant


@pytest.mark.parametrize(
    ("text", "alpha_2"),
    [
        ("Trung Quốc", "CN"),
        ("Campuchia", "KH"),
        ("Thái Lan", "TH"),
        ("Hàn Quốc", "KR"),
        ("Đại Hàn Dân Quốc", "KR"),
        ("Triều Tiên", "KP"),
        ("Nhật Bản", "JP"),
        ("Hoa Kỳ", "US"),
        ("Mỹ", "US"),
        ("Nga", "RU"),
        ("NGA", "RU"),  # names win over codes; NGA is Nigeria's alpha-3
        ("Pháp", "FR"),
        ("Đức", "DE"),
        ("Anh", "GB"),
        ("Úc", "AU"),
        ("Ô-xtrây-li-a", "AU"),
        ("Ấn Độ", "IN"),
        ("Singapore", "SG"),
        ("Malaysia", "MY"),
        ("Indonesia", "ID"),
        ("Philippines", "PH"),
        ("Myanmar", "MM"),
        ("Brunei", "BN"),
        ("Ca-na-đa", "CA"),
        ("Canada", "CA"),
        ("Ý", "IT"),
        ("Hà Lan", "NL"),
        ("Bỉ", "BE"),
        ("Thụy Điển", "SE"),
        ("Thụy Sĩ", "CH"),
        ("Cu-ba", "CU"),
        ("Cuba", "CU"),
        ("Israel", "IL"),
        ("Niu Di-lân", "NZ"),
        ("Việt Nam", "VN"),
        ("nga", "RU"),
        ("vn", "VN"),
    ],
)
def test_curated_names(countries, text, alpha_2):
    assert resolve_country(text).alpha_2 == alpha_2


@pytest.mark.parametrize("text", ["", "   ", "---", "Xứ Sở Thần Tiên", "ZZ"])
def test_unknown_text_resolves_to_nothing(countries, text):
    assert resolve_country(text) is None


def test_curated_names_replace_pycountrys_poor_translations(countries):
    from ttdn.directory.models import Country

    names = dict(Country.objects.values_list("alpha_2", "name_vi"))
    assert names["KR"] == "Hàn Quốc"  # pycountry: "Cộng hoà Nam Hàn"
    assert names["JP"] == "Nhật Bản"  # pycountry: "Nhật"
    assert names["PH"] == "Philippines"  # pycountry: "Phi-li-pi-nợ"
    assert names["FI"] == "Phần Lan"
    assert Country.objects.count() == 249
