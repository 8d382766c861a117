"""Helpers and wording shared by the register demo's loaders."""

import datetime as dt


class MissingDirectory(RuntimeError):
    pass


def spread(count: int, total: int, variations: list[int]) -> list[int]:
    """*count* positive sizes adding up to *total*, varied deterministically."""
    base, extra = divmod(total, count)
    sizes = [base + 1] * extra + [base] * (count - extra)
    for index in range(0, count - 1, 2):
        change = variations[(index // 2) % len(variations)]
        if sizes[index + 1] - change >= 1:
            sizes[index] += change
            sizes[index + 1] -= change
    assert sum(sizes) == total and min(sizes) >= 1
    return sizes


KIND_WORDS = ("Tỉnh ", "Huyện ", "Thủ đô ", "Thành phố ")


def in_sentence(name) -> str:
    """``Tỉnh Hủa Phăn`` → ``tỉnh Hủa Phăn`` inside a sentence."""
    text = str(name)
    if text.startswith(KIND_WORDS):
        return text[:1].lower() + text[1:]
    return text


def dates_2016(count: int, index: int, length: int) -> tuple[dt.date, dt.date]:
    start = dt.date(2016, 1, 4) + dt.timedelta(days=(index * 355) // count)
    end = min(start + dt.timedelta(days=length), dt.date(2016, 12, 31))
    return start, end


COMMENTS = {
    "request_supplement": "Đề nghị bổ sung chương trình chi tiết, danh sách đoàn.",
    "consult": "Lấy ý kiến Công an tỉnh và Bộ Chỉ huy Bộ đội Biên phòng tỉnh.",
    "reject": "Nội dung chưa phù hợp với chương trình đối ngoại năm của tỉnh.",
    "cancel": "Đối tác đề nghị hoãn chuyến thăm.",
    "refuse_hosting": "Chưa phù hợp thời điểm.",
    "suspend": "Tạm dừng theo đề nghị của cơ quan chức năng.",
    "resume": "Tiếp tục thực hiện.",
    "refer_to_pm": "Có ý kiến khác nhau của cơ quan được lấy ý kiến.",
    "amend": "Sửa đổi tên đơn vị sau sắp xếp.",
    "extend": "Gia hạn thêm 2 năm.",
    "terminate": "Hai bên thống nhất chấm dứt.",
    "withdraw": "Rút khỏi thỏa thuận.",
    "revoke": "Không triển khai trong 6 tháng kể từ ngày phê duyệt.",
    "renew": "Đã được Bộ Ngoại giao gia hạn giấy đăng ký.",
    "refuse": "Bộ Ngoại giao không cấp phép.",
}
TOPICS = [
    "Hội thảo quốc tế về phát triển du lịch bền vững vùng Tây Bắc",
    "Hội nghị xúc tiến đầu tư với các tỉnh Bắc Lào",
    "Hội thảo quốc tế về bảo tồn văn hóa các dân tộc",
]
AID_TITLES = [
    "Dự án nước sạch cho trường học vùng biên",
    "Chương trình dinh dưỡng trẻ em",
    "Dự án hỗ trợ sinh kế hộ nghèo",
]
# FICTIONAL members of the current delegations.
MEMBERS_IN_CURRENT = [
    ("Somphone Vongsa", "Trưởng đoàn", "head"),
    ("Khamsing Phommachanh", "Phó trưởng đoàn", "deputy"),
    ("Nang Keo", "Thành viên", "member"),
    ("Bounthanh Sayavong", "Phiên dịch", "interpreter"),
]
MEMBERS_OUT_CURRENT = [
    ("Hà Văn Minh", "Phó Giám đốc Sở", "head"),
    ("Lường Thị Thu", "Trưởng phòng", "deputy"),
    ("Quàng Văn Đức", "Chuyên viên", "member"),
    ("Vì Thị Hương", "Phiên dịch", "interpreter"),
]
