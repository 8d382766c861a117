"""The demo of plans, tasks and the steering committee (Sơn La).

Two plans: the historic ``51/KH-UBND`` of 27/03/2017 (seed 001: foreign-affairs
action 2017–2018, tasks for the departments and the district People's
Committees of the time) and a TTĐN plan for the current year whose content areas
follow the Phú Yên 2020 plan (seed 004) and whose tasks, progress reports and
deadlines are placed around the day the demo is loaded, so that it shows work
in each of the four status groups. The steering committee, its members
(FICTIONAL names) and its meetings follow seed 003 (half-year review with key
tasks for the second half).
"""

DEMO_NOTE = "Dữ liệu trình diễn (demo)."
FICTIONAL_NOTE = "Nhân vật hư cấu — dữ liệu trình diễn (demo), không phải người thật."

# Directory names (ttdn/directory/demo/content.py).
UBND = "Ủy ban nhân dân tỉnh Sơn La"
SNGV = "Sở Ngoại vụ tỉnh Sơn La"
SVHTTDL = "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
SCT = "Sở Công Thương tỉnh Sơn La"
STC = "Sở Tài chính tỉnh Sơn La"
SGDDT = "Sở Giáo dục và Đào tạo tỉnh Sơn La"
CAT = "Công an tỉnh Sơn La"
BDBP = "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La"
BAO = "Báo và Phát thanh, Truyền hình Sơn La"
BTGDV = "Ban Tuyên giáo và Dân vận Tỉnh ủy Sơn La"
TU = "Tỉnh ủy Sơn La"
XA_VAN_HO = "Ủy ban nhân dân xã Vân Hồ"

# Demo accounts (password: the demo password of ttdn/accounts/demo.py). The first
# three are the same as the foreign-affairs register's demo accounts
# (ttdn/affairs/demo/content.py): whichever demo loads first creates them.
# The demo accounts (ttdn.accounts.demo.DEMO_USERS) the planning demo acts as.
USERS = ["chuyenvien", "daumoi", "bcd", "daumoixa"]

PLAN_51 = {
    "title": (
        "Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018"
    ),
    "term": "medium",
    "start_year": 2017,
    "end_year": 2018,
    "code": "KH-UBND",
    "number": 51,
    "issued_on": (2017, 3, 27),
    "basis": (
        "Căn cứ kết quả Hội nghị Ngoại vụ toàn quốc lần thứ 18;\n"
        "Căn cứ Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2015 – 2020."
    ),
    "purpose": (
        "Tăng cường chỉ đạo quản lý, triển khai hoạt động đối ngoại nhằm nâng cao "
        "công tác đối ngoại của tỉnh."
    ),
    "requirements": (
        "Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố triển khai thực "
        "hiện các nội dung của Kế hoạch."
    ),
    "areas": [
        "Quán triệt chủ trương, đường lối đối ngoại và quản lý hoạt động đối ngoại",
        "Ngoại giao kinh tế",
        "Hợp tác với các tỉnh Bắc Lào",
        "Đối ngoại Đảng, đối ngoại nhân dân và ngoại giao văn hóa",
    ],
}

PLAN_CURRENT_AREAS = [
    "Xây dựng văn bản chỉ đạo, điều hành hoạt động thông tin đối ngoại",
    "Cung cấp thông tin về tình hình kinh tế - xã hội và hoạt động đối ngoại của tỉnh",
    "Tập huấn, bồi dưỡng nghiệp vụ thông tin đối ngoại",
    "Tuyên truyền, quảng bá hình ảnh, xúc tiến đầu tư, thương mại, du lịch",
    "Phối hợp đấu tranh, phản bác thông tin sai lệch",
]

COMMITTEE = {
    "name": "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Sơn La",
    "decision": "Quyết định số 1234-QĐ/TU ngày 12/5/2020 (số hiệu trình diễn)",
    "established_on": (2020, 5, 12),
}

# FICTIONAL people: name, role, position, home organisation, portfolio,
# member from, member until.
MEMBERS = [
    (
        "Lường Văn Hải",
        "head",
        "Phó Bí thư Thường trực Tỉnh ủy",
        TU,
        "Lãnh đạo, chỉ đạo chung",
        (2020, 5, 12),
        (2025, 6, 30),
    ),
    (
        "Cầm Thị Hạnh",
        "head",
        "Phó Bí thư Tỉnh ủy",
        TU,
        "Lãnh đạo, chỉ đạo chung",
        (2025, 7, 1),
        None,
    ),
    (
        "Quàng Văn Minh",
        "standing_deputy",
        "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        BTGDV,
        "Thường trực; định hướng thông tin, tuyên truyền",
        (2020, 5, 12),
        None,
    ),
    (
        "Đinh Văn Quang",
        "deputy",
        "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh",
        UBND,
        "Thông tin đối ngoại về kinh tế - xã hội, xúc tiến đầu tư",
        (2020, 5, 12),
        None,
    ),
    (
        "Hà Thị Lan",
        "member",
        "Giám đốc Sở Ngoại vụ",
        SNGV,
        "Hoạt động đối ngoại, thông tin cho phóng viên nước ngoài",
        (2020, 5, 12),
        None,
    ),
    (
        "Vì Văn Thành",
        "member",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        SVHTTDL,
        "Quảng bá văn hóa, du lịch; báo chí, xuất bản",
        (2020, 5, 12),
        None,
    ),
    (
        "Lò Văn Dũng",
        "member",
        "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        BDBP,
        "Thông tin đối ngoại khu vực biên giới",
        (2020, 5, 12),
        None,
    ),
]

# Seed 003: the key tasks the half-year review set for the second half.
H1_CONCLUSIONS = [
    "Tiếp tục tuyên truyền, quán triệt và triển khai thực hiện hiệu quả nhiệm vụ "
    "thông tin đối ngoại theo tinh thần chỉ thị, nghị quyết, kết luận của Trung ương.",
    "Tăng cường quản lý và định hướng công tác thông tin đối ngoại.",
    "Tích cực quảng bá hình ảnh con người, văn hóa, tiềm năng, lợi thế của tỉnh.",
    "Đa dạng hóa các hình thức thông tin đối ngoại, đẩy mạnh đối ngoại nhân dân.",
    "Tăng cường phối hợp giữa các thành viên Ban Chỉ đạo, nắm và xử lý kịp thời "
    "thông tin liên quan đến công tác đối ngoại.",
    "Chủ động xây dựng Kế hoạch thông tin đối ngoại năm sau.",
]
