"""The demo register: FICTIONAL records of Sơn La (no real delegation, person or
decision is described), built so that the 2016 totals reproduce the figures of the
province's 2016 review (seed 000):

* received 154 delegations with 932 person-visits, of which 54 delegations with
  618 person-visits from Laos;
* sent 73 delegations with 409 officials, of which 31 delegations with 341 to
  Laos.
"""

import datetime as dt

DEMO_NOTE = "Dữ liệu trình diễn (demo) — hồ sơ hư cấu."
YEAR_2016 = 2016

# Seed 000: direction → (delegations, persons), and the part of Laos.
SEED_2016 = {
    "in": {"total": (154, 932), "LA": (54, 618)},
    "out": {"total": (73, 409), "LA": (31, 341)},
}

# Directory keys (ttdn/directory/demo/content.py) of the host/sending units.
UNITS_2016 = [
    "Ủy ban nhân dân tỉnh Sơn La",
    "Sở Ngoại vụ tỉnh Sơn La",
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
    "Sở Công Thương tỉnh Sơn La",
    "Sở Nông nghiệp và Môi trường tỉnh Sơn La",
    "Sở Giáo dục và Đào tạo tỉnh Sơn La",
    "Sở Y tế tỉnh Sơn La",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La",
    "Công an tỉnh Sơn La",
    "Ủy ban nhân dân huyện Vân Hồ",
    "Ủy ban nhân dân huyện Mộc Châu",
    "Tỉnh ủy Sơn La",
]

# Lao partners (original names as in the directory demo) and what they came for.
LAO_PARTNERS = [
    "Houaphanh",
    "Luang Prabang",
    "Sopbao",
    "Oudomxay",
    "Xiengkhouang",
    "Phongsaly",
    "Vientiane Capital",
    "Embassy of the Lao PDR in Viet Nam",
]
LAO_PURPOSES_IN = [
    "Hội đàm, ký kết biên bản hợp tác năm 2016",
    "Trao đổi kinh nghiệm quản lý, bảo vệ biên giới",
    "Học tập mô hình phát triển nông nghiệp",
    "Giao lưu văn hóa, thể thao nhân dịp Tết cổ truyền",
    "Khảo sát hợp tác y tế khu vực biên giới",
    "Đào tạo cán bộ, học sinh Lào tại tỉnh",
    "Thăm, chúc Tết và trao đổi tình hình hai tỉnh",
]
LAO_PURPOSES_OUT = [
    "Hội đàm thường niên với tỉnh bạn",
    "Dự lễ kỷ niệm và giao lưu hữu nghị",
    "Khảo sát hợp tác thương mại, đầu tư",
    "Tuần tra song phương, trao đổi công tác biên giới",
    "Hỗ trợ xây dựng trường học tại tỉnh bạn",
]
# Other countries (ISO code) with a partner original name where the directory has
# one, and purposes.
OTHER_IN = [
    ("CN", "云南省 (Yunnan)", "Xúc tiến hợp tác thương mại với tỉnh Vân Nam"),
    ("JP", None, "Khảo sát dự án hỗ trợ phát triển nông thôn"),
    ("KR", None, "Tìm hiểu cơ hội đầu tư chế biến nông sản"),
    ("TH", None, "Giao lưu du lịch và xúc tiến đầu tư"),
    ("US", "World Vision International", "Đánh giá chương trình phát triển vùng"),
    ("AU", None, "Trao đổi hợp tác giáo dục"),
    ("FR", None, "Khảo sát hợp tác phát triển cà phê"),
    ("GB", "Save the Children", "Giám sát dự án bảo vệ trẻ em"),
    ("DE", None, "Tìm hiểu văn hóa các dân tộc"),
    ("NL", None, "Khảo sát dự án nước sạch"),
    ("CU", None, "Thăm hữu nghị"),
    ("RU", None, "Tìm hiểu lịch sử Nhà tù Sơn La"),
]
OTHER_OUT = [
    ("CN", "云南省 (Yunnan)", "Dự hội chợ thương mại Côn Minh"),
    ("TH", None, "Học tập kinh nghiệm phát triển du lịch cộng đồng"),
    ("JP", None, "Tập huấn quản lý nông nghiệp công nghệ cao"),
    ("KR", None, "Xúc tiến xuất khẩu nông sản"),
    ("SG", None, "Bồi dưỡng kỹ năng quản lý hành chính công"),
    ("AU", None, "Học tập kinh nghiệm đào tạo nghề"),
]
PLACES_IN = [
    "Thành phố Sơn La",
    "Huyện Mộc Châu",
    "Huyện Vân Hồ",
    "Huyện Sốp Cộp",
    "Huyện Mai Sơn",
]

# Two FICTIONAL member lists (the other 2016 records give only the number).
MEMBERS_IN = [
    ("Kenji Watanabe", "JP", "Trưởng đoàn", "head"),
    ("Aiko Tanaka", "JP", "Chuyên gia nông nghiệp", "member"),
    ("Nguyễn Thị Hoa", "VN", "Phiên dịch", "interpreter"),
]
MEMBERS_OUT = [
    ("Lò Văn Thành", "VN", "Phó Giám đốc Sở", "head"),
    ("Cầm Thị Lan", "VN", "Chuyên viên", "member"),
    ("Lường Văn Sơn", "VN", "Chuyên viên", "member"),
]

# The 2020 record of Phú Yên (merged into Đắk Lắk on 1/7/2025): it counts for
# Phú Yên in a 2020 report and for Đắk Lắk in a report made after the merger.
PHU_YEN_2020 = {
    "reference": "DEMO-2020-PY-01",
    "title": "Đoàn doanh nghiệp Hàn Quốc khảo sát đầu tư tại Phú Yên",
    "organisation": "Ủy ban nhân dân tỉnh Phú Yên",
    "country": "KR",
    "start_date": dt.date(2020, 9, 14),
    "end_date": dt.date(2020, 9, 16),
    "persons": 8,
    "purpose": "Khảo sát cơ hội đầu tư chế biến thủy sản",
}


# example.org addresses for the reminders of the demo (the directory demo leaves
# contacts empty).
EMAILS = {
    "Sở Ngoại vụ tỉnh Sơn La": "songoaivu.demo@example.org",
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La": "sovhttdl.demo@example.org",
    "Sở Y tế tỉnh Sơn La": "soyte.demo@example.org",
    "Ủy ban nhân dân tỉnh Sơn La": "ubnd.demo@example.org",
}
