"""Demo content for `make run`: the five seed articles and the pages around them.

The seed files in ./seeds are real articles from provincial portals (Sơn La, Báo Lai
Châu, Phú Yên); their facts are the product's test oracle. Everything else here is
written for the demo and says so where a reader could mistake it for real data.
"""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"

SITE = {
    "vi": {
        "title": "Cổng thông tin đối ngoại tỉnh Sơn La",
        "intro": "Thông tin đối ngoại, hợp tác quốc tế và quảng bá hình ảnh Sơn La",
    },
    "en": {
        "title": "Sơn La Foreign Information Portal",
        "intro": "Foreign relations, international cooperation and the image of Sơn La",
    },
}

# key → per-language (slug, title, intro); the vi slug is what --section takes.
SECTIONS = {
    "ttdn": {
        "vi": ("thong-tin-doi-ngoai", "Thông tin đối ngoại", ""),
        "en": ("foreign-information", "Foreign information", ""),
    },
    "hddn": {
        "vi": ("hoat-dong-doi-ngoai", "Hoạt động đối ngoại", ""),
        "en": ("foreign-affairs", "Foreign affairs", ""),
    },
    "cai-cach": {
        "vi": ("thong-tin-cai-cach", "Thông tin cải cách", ""),
        "en": ("administrative-reform", "Administrative reform", ""),
    },
}

SEEDS = [
    {
        "file": "000_753c8b9398f451b8.txt",
        "section": "ttdn",
        "source": "Cổng thông tin điện tử tỉnh Sơn La",
        "tags": ("Sơn La", "Lào", "đoàn ra, đoàn vào"),
        "featured": True,
    },
    {
        "file": "001_dd38e5d60ea0bc1e.txt",
        "section": "ttdn",
        "source": "Cổng thông tin điện tử tỉnh Sơn La",
        "tags": ("Sơn La", "Lào", "kế hoạch"),
    },
    {
        "file": "002_cb061e831608b218.txt",
        "section": "ttdn",
        "source": "Cổng thông tin điện tử tỉnh Sơn La",
        "tags": ("Sơn La", "Lào", "biên giới"),
    },
    {
        "file": "003_452e74658c99dd9b.txt",
        "section": "ttdn",
        "source": "Báo Lai Châu",
        "tags": ("Lai Châu", "Ban Chỉ đạo"),
    },
    {
        "file": "004_392c24ca53242d86.txt",
        "section": "hddn",
        "source": "Cổng thông tin điện tử Phú Yên",
        "tags": ("Phú Yên", "kế hoạch"),
        "featured": True,
    },
]

# English versions of two seed articles, translated for the demo.
TRANSLATIONS = {
    "000_753c8b9398f451b8.txt": {
        "title": "Sơn La steps up foreign information work",
        "lead": (
            "Regarding foreign information as an important task for its economic and "
            "social development, Sơn La has kept carrying it out in a coordinated "
            "way, reaching almost every remote village and benefiting every area of "
            "social life."
        ),
        "paragraphs": [
            "In 2016 the province stepped up foreign information, focusing on wider "
            "cooperation to attract businesses and corporations to invest in Sơn La "
            "and on study visits to other provinces. Incoming and outgoing "
            "delegations were closely managed: the province received and worked "
            "with 154 foreign delegations totalling 932 person-visits, of which 54 "
            "delegations with 618 person-visits came from the Lao People's "
            "Democratic Republic. It sent 73 delegations with 409 officials and "
            "public employees abroad, of which 31 delegations with 341 officials "
            "went to Laos.",
            "In 2017 Sơn La will keep promoting its development potential, its "
            "cooperation and its investment policies to international friends and "
            "partners; strengthen relations with embassies, international "
            "organisations and territories with traditional ties to the province; "
            "encourage its businesses to invest in Laos and other countries; and "
            "work with the northern provinces of Laos so that officials and "
            "residents observe the Vietnam–Laos border regulations, protecting "
            "national sovereignty.",
        ],
        "source": "Sơn La Provincial Portal (translated for this demo)",
    },
    "002_cb061e831608b218.txt": {
        "title": "Vân Hồ district keeps up its foreign information work",
        "lead": (
            "Vân Hồ district has stepped up foreign information, especially "
            "people-to-people diplomacy on the border with the Lao People's "
            "Democratic Republic: cultural exchanges, visits and mutual help between "
            "the people on both sides of the border."
        ),
        "paragraphs": [
            "Regular liaison meetings continue between the border guards, army and "
            "police of three districts — Vân Hồ, Mộc Châu and Sốp Bâu (Laos) — "
            "together with joint patrols and a yearly high-level meeting of the "
            "three districts under a memorandum of understanding.",
            "In 2017 the district will keep informing officials and residents about "
            "the Party's and the State's foreign information policies and their role "
            "in international integration.",
        ],
        "source": "Sơn La Provincial Portal (translated for this demo)",
    },
}

DEMO_NOTE = {
    "vi": "Nội dung minh họa của bản trình diễn TTĐN — thay bằng thông tin của đơn vị.",
    "en": "Demo content of the TTĐN platform — replace it with your organisation's.",
}

FIXED_PAGES = [
    {
        "vi": {
            "slug": "gioi-thieu",
            "title": "Giới thiệu",
            "lead": (
                "Cổng thông tin đối ngoại tỉnh Sơn La cung cấp thông tin chính thống "
                "về công tác đối ngoại, hợp tác quốc tế và quảng bá hình ảnh, tiềm "
                "năng của tỉnh tới bạn bè trong nước và quốc tế."
            ),
            "paragraphs": [
                "Cổng đăng tải tin tức về hoạt động đối ngoại của lãnh đạo tỉnh, các "
                "đoàn ra, đoàn vào, hội nghị quốc tế, kế hoạch thông tin đối ngoại và "
                "kết quả thực hiện; thông tin giải thích, làm rõ khi có thông tin sai "
                "lệch về tỉnh.",
                "Bản tiếng Anh cung cấp thông tin về cơ cấu tổ chức và liên hệ theo "
                "Nghị định 42/2022/NĐ-CP.",
            ],
        },
        "en": {
            "slug": "about",
            "title": "About",
            "lead": (
                "The Sơn La Foreign Information Portal publishes official information "
                "about the province's foreign relations, international cooperation and "
                "its image and potential."
            ),
            "paragraphs": [
                "It reports on the foreign activities of the provincial leaders, "
                "incoming and outgoing delegations, international conferences, foreign "
                "information plans and their results, and publishes clarifications "
                "when misleading information about the province circulates.",
            ],
        },
    },
    {
        "vi": {
            "slug": "co-cau-to-chuc",
            "title": "Cơ cấu tổ chức",
            "lead": "Tổ chức quản lý, vận hành Cổng thông tin đối ngoại.",
            "paragraphs": [
                "Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Cơ quan thường trực: cơ quan "
                "ngoại vụ của tỉnh (Sở Ngoại vụ hoặc Văn phòng UBND tỉnh nơi không có "
                "Sở Ngoại vụ).",
            ],
            "table": [
                ["Bộ phận", "Nhiệm vụ"],
                ["Ban Biên tập", "Định hướng nội dung, duyệt tin bài trước khi đăng"],
                ["Biên tập viên", "Viết, biên tập tin bài tiếng Việt và tiếng Anh"],
                ["Quản trị hệ thống", "Quản lý tài khoản, phân quyền, sao lưu dữ liệu"],
            ],
        },
        "en": {
            "slug": "organisation",
            "title": "Organisation",
            "lead": "Who runs the Foreign Information Portal.",
            "paragraphs": [
                "Governing body: the Provincial People's Committee. Standing body: "
                "the province's foreign-affairs body (the Department of Foreign "
                "Affairs, or the Office of the Provincial People's Committee where "
                "there is no such department).",
            ],
            "table": [
                ["Unit", "Duties"],
                ["Editorial board", "Sets editorial direction, approves articles"],
                ["Editors", "Write and edit articles in Vietnamese and English"],
                ["Administrators", "Manage accounts, roles and backups"],
            ],
        },
    },
    {
        "vi": {
            "slug": "lien-he",
            "title": "Liên hệ",
            "lead": "Thông tin liên hệ của Ban Biên tập.",
            "paragraphs": [
                "Địa chỉ: Số 1 đường Minh Họa, phường Tô Hiệu, tỉnh Sơn La.",
                "Thư điện tử: ttdn@example.org — Điện thoại: số minh họa.",
                "Người phụ trách: Trưởng Ban Biên tập (chức danh minh họa).",
            ],
        },
        "en": {
            "slug": "contact",
            "title": "Contact",
            "lead": "How to reach the editorial board.",
            "paragraphs": [
                "Address: 1 Minh Họa Street, Tô Hiệu Ward, Sơn La Province, Vietnam.",
                "E-mail: ttdn@example.org — Telephone: demo number.",
                "Officer in charge: Head of the editorial board (demo title).",
            ],
        },
    },
    {
        "vi": {
            "slug": "tuyen-bo-tiep-can",
            "title": "Tuyên bố về khả năng tiếp cận",
            "lead": (
                "Cổng thông tin hướng tới đáp ứng mức AA của Hướng dẫn về khả năng "
                "tiếp cận nội dung web (WCAG) 2.1."
            ),
            "paragraphs": [
                "Mọi loại trang công khai, bằng mọi ngôn ngữ của cổng, được kiểm tra "
                "tự động bằng axe-core trong trình duyệt mỗi lần thay đổi mã nguồn; "
                "không chấp nhận lỗi ở mức nghiêm trọng. Các thao tác chính (đọc tin, "
                "tìm kiếm, tra cứu văn bản, gửi câu hỏi) dùng được hoàn toàn bằng bàn "
                "phím.",
                "Hạn chế đã biết: một số tệp văn bản là bản quét (PDF không có lớp "
                "chữ) nên trình đọc màn hình không đọc được; ảnh minh họa cũ có thể "
                "thiếu mô tả chi tiết.",
                "Nếu bạn gặp khó khăn khi sử dụng cổng, hãy gửi góp ý qua mục Hỏi đáp "
                "hoặc thư điện tử ttdn@example.org; chúng tôi trả lời trong thời hạn "
                "trả lời câu hỏi của người dân.",
            ],
        },
        "en": {
            "slug": "accessibility",
            "title": "Accessibility statement",
            "lead": (
                "The portal aims to meet level AA of the Web Content Accessibility "
                "Guidelines (WCAG) 2.1."
            ),
            "paragraphs": [
                "Every public page type, in every language of the portal, is checked "
                "with axe-core in a browser on every change of the code; no serious "
                "or critical violation is accepted. The main paths (reading news, "
                "search, the document library, asking a question) work with the "
                "keyboard alone.",
                "Known limitations: some document files are scans (PDF without a "
                "text layer) that screen readers cannot read; older illustrations "
                "may lack a detailed description.",
                "If you have difficulty using the portal, tell us through Questions "
                "and answers or at ttdn@example.org; we answer within the deadline for "
                "citizens' questions.",
            ],
        },
    },
]

# Decree 42/2022 Art. 7: links to other state portals, the national public-service
# portal and the foreign-affairs body's administrative procedures.
STATE_LINKS = [
    (
        "state_portal",
        "Cổng Thông tin điện tử Chính phủ",
        "Government Portal",
        "https://chinhphu.vn/",
    ),
    (
        "state_portal",
        "Cổng Thông tin điện tử Bộ Ngoại giao",
        "Ministry of Foreign Affairs",
        "https://mofa.gov.vn/",
    ),
    (
        "state_portal",
        "Cổng Thông tin điện tử tỉnh Sơn La",
        "Sơn La Provincial Portal",
        "https://sonla.gov.vn/",
    ),
    (
        "public_services",
        "Cổng Dịch vụ công quốc gia",
        "National Public Service Portal",
        "https://dichvucong.gov.vn/",
    ),
    (
        "public_services",
        "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La",
        "Sơn La administrative procedures system",
        "https://dichvucong.sonla.gov.vn/",
    ),
    (
        "procedures",
        "Thủ tục hành chính lĩnh vực ngoại vụ (Cổng Dịch vụ công quốc gia)",
        "Foreign-affairs procedures (National Public Service Portal)",
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html",
    ),
]

FOOTER = {
    "vi": {
        "organisation": "Cổng thông tin đối ngoại tỉnh Sơn La (bản trình diễn)",
        "address": "Số 1 đường Minh Họa, phường Tô Hiệu, tỉnh Sơn La",
        "email": "ttdn@example.org",
        "responsible": "Trưởng Ban Biên tập (minh họa)",
    },
    "en": {
        "organisation": "Sơn La Foreign Information Portal (demo)",
        "address": "1 Minh Họa Street, Tô Hiệu Ward, Sơn La Province, Vietnam",
        "email": "ttdn@example.org",
        "responsible": "Head of the editorial board (demo)",
    },
}

GALLERY = {
    "vi": (
        "thu-vien-anh",
        "Thư viện ảnh",
        "Ảnh minh họa tạo tự động cho bản trình diễn.",
    ),
    "en": ("photo-library", "Photo library", "Illustrations generated for the demo."),
}

# Albums of generated illustrations (no real photographs ship with the code).
ALBUMS = [
    {
        "slug": "canh-sac-son-la",
        "date": "2026-10-01",
        "title": {
            "vi": "Cảnh sắc Sơn La (tranh minh họa)",
            "en": "Sơn La landscapes (illustrations)",
        },
        "photos": [
            ("moc-chau", (112, 170, 96), "Mộc Châu"),
            ("song-da", (66, 133, 180), "Sông Đà"),
            ("ta-xua", (150, 120, 180), "Tà Xùa"),
            ("pha-din", (214, 140, 70), "Pha Đin"),
        ],
    },
    {
        "slug": "huu-nghi-viet-lao",
        "date": "2026-09-02",
        "title": {
            "vi": "Hữu nghị Việt – Lào (tranh minh họa)",
            "en": "Vietnam–Laos friendship (illustrations)",
        },
        "photos": [
            ("cua-khau", (180, 60, 60), "Cửa khẩu"),
            ("giao-luu", (60, 140, 120), "Giao lưu"),
            ("mua-xuan", (200, 170, 60), "Mùa xuân"),
        ],
    },
]
