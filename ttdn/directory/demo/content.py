"""The demo directory: Sơn La's organisations, its partners in Laos and China, a
few international organisations and FICTIONAL people.

Names of public bodies are real; contact data is left out (a reader could take it
for the real one) and the people are invented. Administrative units are referred to
by official code (``14`` Tỉnh Sơn La, ``04048`` Xã Vân Hồ, ``128`` Huyện Vân Hồ).
"""

import datetime as dt

from ..choices import OrganisationKind as OK
from ..choices import PartnerKind as PK

DEMO_NOTE = "Dữ liệu trình diễn (demo) — không phải thông tin liên hệ thật."
FICTIONAL_NOTE = "Nhân vật hư cấu — dữ liệu trình diễn (demo), không phải người thật."

SERVING_PROVINCE = "14"  # Tỉnh Sơn La
END_2025 = dt.date(2025, 6, 30)
START_2025 = dt.date(2025, 7, 1)

# Border communes of Sơn La on the Lao border (demo flags: verify against the
# province's official list before relying on them).
BORDER_UNITS = ("04045", "04057", "04222", "04240", "04246")

# Bodies of the province (administrative unit: Tỉnh Sơn La):
# key, name, English name, kind, short code, governing body key.
PROVINCIAL = [
    (
        "ubnd",
        "Ủy ban nhân dân tỉnh Sơn La",
        "Son La Provincial People's Committee",
        OK.PEOPLES_COMMITTEE,
        "UBND",
        None,
    ),
    (
        "hdnd",
        "Hội đồng nhân dân tỉnh Sơn La",
        "Son La Provincial People's Council",
        OK.PEOPLES_COUNCIL,
        "HĐND",
        None,
    ),
    (
        "vp",
        "Văn phòng Ủy ban nhân dân tỉnh Sơn La",
        "Office of the Son La Provincial People's Committee",
        OK.PC_OFFICE,
        "VP",
        "ubnd",
    ),
    (
        "sngv",
        "Sở Ngoại vụ tỉnh Sơn La",
        "Son La Department of Foreign Affairs",
        OK.DEPARTMENT,
        "SNgV",
        "ubnd",
    ),
    (
        "snv",
        "Sở Nội vụ tỉnh Sơn La",
        "Son La Department of Home Affairs",
        OK.DEPARTMENT,
        "SNV",
        "ubnd",
    ),
    (
        "stc",
        "Sở Tài chính tỉnh Sơn La",
        "Son La Department of Finance",
        OK.DEPARTMENT,
        "STC",
        "ubnd",
    ),
    (
        "svhttdl",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
        "Son La Department of Culture, Sports and Tourism",
        OK.DEPARTMENT,
        "SVHTTDL",
        "ubnd",
    ),
    (
        "sct",
        "Sở Công Thương tỉnh Sơn La",
        "Son La Department of Industry and Trade",
        OK.DEPARTMENT,
        "SCT",
        "ubnd",
    ),
    (
        "snnmt",
        "Sở Nông nghiệp và Môi trường tỉnh Sơn La",
        "Son La Department of Agriculture and Environment",
        OK.DEPARTMENT,
        "SNNMT",
        "ubnd",
    ),
    (
        "sgddt",
        "Sở Giáo dục và Đào tạo tỉnh Sơn La",
        "Son La Department of Education and Training",
        OK.DEPARTMENT,
        "SGDĐT",
        "ubnd",
    ),
    (
        "syt",
        "Sở Y tế tỉnh Sơn La",
        "Son La Department of Health",
        OK.DEPARTMENT,
        "SYT",
        "ubnd",
    ),
    ("cat", "Công an tỉnh Sơn La", "Son La Provincial Police", OK.POLICE, "CAT", None),
    (
        "bdbp",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La",
        "Son La Border Guard Command",
        OK.BORDER_GUARD,
        "BĐBP",
        None,
    ),
    (
        "tu",
        "Tỉnh ủy Sơn La",
        "Son La Provincial Party Committee",
        OK.PARTY_COMMITTEE,
        "TU",
        None,
    ),
    (
        "btgdv",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Sơn La",
        "Propaganda and Mass Mobilisation Commission of the Son La Provincial Party "
        "Committee",
        OK.PARTY_COMMISSION,
        "BTGDVTU",
        "tu",
    ),
    (
        "bao",
        "Báo và Phát thanh, Truyền hình Sơn La",
        "Son La Newspaper, Radio and Television",
        OK.PRESS,
        "",
        "ubnd",
    ),
]

# Commune-level People's Committees (since 1 July 2025): unit code.
COMMUNE_PCS = [
    "03646",  # Phường Tô Hiệu (provincial centre)
    "04048",  # Xã Vân Hồ
    "04057",  # Xã Xuân Nha (border)
    "04006",  # Xã Song Khủa
    "04018",  # Xã Tô Múa
    "03985",  # Xã Chiềng Sơn
    "03979",  # Phường Mộc Sơn
    "03980",  # Phường Mộc Châu
    "03982",  # Phường Thảo Nguyên
    "04033",  # Phường Vân Sơn
    "03997",  # Xã Tân Yên
    "04000",  # Xã Đoàn Kết
    "04045",  # Xã Lóng Sập (border, Lóng Sập international border gate)
    "04222",  # Xã Chiềng Khương (border)
    "04240",  # Xã Mường Lèo (border)
]

# Historic district People's Committees (until 30/06/2025): district unit code →
# the commune-level People's Committees that took over (same as the units).
DISTRICT_PCS = {
    "128": (
        "Ủy ban nhân dân huyện Vân Hồ",
        "Van Ho District People's Committee",
        ["04048", "04057", "04006", "04018", "03985"],
    ),
    "123": (
        "Ủy ban nhân dân huyện Mộc Châu",
        "Moc Chau District People's Committee",
        ["03979", "03980", "03982", "04033", "03985", "03997", "04000", "04045"],
    ),
}

# Phú Yên (merged into Đắk Lắk on 1 July 2025).
PHU_YEN = (
    "54",
    "Ủy ban nhân dân tỉnh Phú Yên",
    "Phu Yen Provincial People's Committee",
)
DAK_LAK = (
    "66",
    "Ủy ban nhân dân tỉnh Đắk Lắk",
    "Dak Lak Provincial People's Committee",
)

# key, Vietnamese name, original name, kind, country, parent key
PARTNERS = [
    ("luang-prabang", "Tỉnh Luông Pha Băng", "Luang Prabang", PK.PROVINCE, "LA", None),
    ("houaphanh", "Tỉnh Hủa Phăn", "Houaphanh", PK.PROVINCE, "LA", None),
    ("sop-bau", "Huyện Sốp Bâu", "Sopbao", PK.DISTRICT, "LA", "houaphanh"),
    ("oudomxay", "Tỉnh U Đôm Xay", "Oudomxay", PK.PROVINCE, "LA", None),
    ("xiengkhouang", "Tỉnh Xiêng Khoảng", "Xiengkhouang", PK.PROVINCE, "LA", None),
    ("phongsaly", "Tỉnh Phông Sa Lỳ", "Phongsaly", PK.PROVINCE, "LA", None),
    ("vientiane", "Thủ đô Viêng Chăn", "Vientiane Capital", PK.CITY, "LA", None),
    (
        "lao-embassy",
        "Đại sứ quán nước CHDCND Lào tại Việt Nam",
        "Embassy of the Lao PDR in Viet Nam",
        PK.MISSION,
        "LA",
        None,
    ),
    ("yunnan", "Tỉnh Vân Nam", "云南省 (Yunnan)", PK.PROVINCE, "CN", None),
    (
        "undp",
        "Chương trình Phát triển Liên Hợp Quốc (UNDP)",
        "United Nations Development Programme",
        PK.INTERNATIONAL,
        None,
        None,
    ),
    (
        "unicef",
        "Quỹ Nhi đồng Liên Hợp Quốc (UNICEF)",
        "United Nations Children's Fund",
        PK.INTERNATIONAL,
        None,
        None,
    ),
    (
        "world-vision",
        "Tổ chức Tầm nhìn Thế giới",
        "World Vision International",
        PK.NGO,
        "US",
        None,
    ),
    (
        "save-the-children",
        "Tổ chức Cứu trợ Trẻ em",
        "Save the Children",
        PK.NGO,
        "GB",
        None,
    ),
]

# FICTIONAL people: full name, position, organisation key or partner key,
# nationality.
PEOPLE = [
    ("Nguyễn Văn An", "Phó Giám đốc", ("org", "sngv"), "VN"),
    ("Lò Thị Mai", "Chuyên viên Phòng Hợp tác quốc tế", ("org", "sngv"), "VN"),
    ("Hoàng Văn Bình", "Chủ tịch Ủy ban nhân dân xã", ("commune", "04045"), "VN"),
    ("Bounmy Phommachanh", "Phó Tỉnh trưởng", ("partner", "houaphanh"), "LA"),
    ("Khamla Sisavath", "Phó Giám đốc Sở Ngoại vụ", ("partner", "luang-prabang"), "LA"),
    ("Lý Minh", "Phó Giám đốc Văn phòng Ngoại vụ", ("partner", "yunnan"), "CN"),
]
