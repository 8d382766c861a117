"""Seed the deadline rules with the values of docs/domain.md (c). Administrators
change them afterwards in the admin (Đối ngoại › Quy tắc thời hạn); values the
domain research could not confirm say so in their note."""

from django.db import migrations

DECISION_06 = (
    "Quyết định số 06/2020/QĐ-TTg của Thủ tướng Chính phủ về tổ chức và quản lý "
    "hội nghị, hội thảo quốc tế tại Việt Nam"
)
LAW_70 = (
    "Luật Thỏa thuận quốc tế số 70/2020/QH14; Nghị định số 64/2021/NĐ-CP (sửa đổi, "
    "bổ sung bởi Nghị định số 177/2025/NĐ-CP)"
)
DECREE_80 = (
    "Nghị định số 80/2020/NĐ-CP về quản lý và sử dụng viện trợ không hoàn lại không "
    "thuộc hỗ trợ phát triển chính thức"
)
DECREE_58 = (
    "Nghị định số 58/2022/NĐ-CP về đăng ký và quản lý hoạt động của tổ chức phi "
    "chính phủ nước ngoài tại Việt Nam"
)
DECREE_88 = (
    "Nghị định số 88/2012/NĐ-CP về hoạt động thông tin, báo chí của báo chí nước "
    "ngoài, cơ quan đại diện nước ngoài, tổ chức nước ngoài tại Việt Nam"
)
DECISION_67 = (
    "Quyết định số 67/2011/QĐ-TTg và quy chế quản lý thống nhất hoạt động đối ngoại "
    "của tỉnh"
)
UNCONFIRMED = "CHƯA XÁC NHẬN (UNCONFIRMED): "

# kind, step, variant, anchor, amount, unit, legal basis, note, remind days before
RULES = [
    (
        "conference", "submission", "", "before_start", 30, "calendar_days",
        DECISION_06,
        "Hồ sơ gửi cơ quan của người có thẩm quyền chậm nhất 30 ngày trước ngày tổ "
        "chức (hội nghị do Chủ tịch UBND tỉnh cho phép).",
        3,
    ),
    (
        "conference", "submission", "prime_minister", "before_start", 40,
        "calendar_days", DECISION_06,
        "Hội nghị thuộc thẩm quyền Thủ tướng (khách cấp Bộ trưởng trở lên hoặc nội "
        "dung nhạy cảm): chậm nhất 40 ngày trước ngày tổ chức.",
        3,
    ),
    (
        "conference", "consultation", "", "after_consultation", 15, "calendar_days",
        DECISION_06, "Cơ quan được lấy ý kiến trả lời trong 15 ngày.", 3,
    ),
    (
        "conference", "result_report", "", "after_end", 15, "calendar_days",
        DECISION_06,
        "Báo cáo kết quả (Mẫu 02) trong 15 ngày sau khi kết thúc; hội nghị thuộc "
        "thẩm quyền Thủ tướng gửi đồng thời Bộ Ngoại giao.",
        3,
    ),
    (
        "agreement", "consultation", "", "after_submission", 7, "working_days",
        LAW_70,
        "Cơ quan được lấy ý kiến trả lời trong 7 ngày làm việc kể từ khi nhận đủ hồ "
        "sơ.",
        2,
    ),
    (
        "agreement", "decision", "", "after_submission", 12, "working_days", LAW_70,
        "7 ngày làm việc lấy ý kiến và 5 ngày làm việc để Chủ tịch UBND tỉnh quyết "
        "định (trình tự của cơ quan cấp sở), tính từ ngày trình.",
        2,
    ),
    (
        "agreement", "post_signing_report", "", "after_signing", 15, "calendar_days",
        LAW_70,
        "Báo cáo và gửi bản sao thỏa thuận trong 15 ngày sau khi ký.",
        3,
    ),
    (
        "aid", "appraisal", "", "after_submission", 20, "calendar_days", DECREE_80,
        "Thẩm định tối đa 20 ngày kể từ khi nhận đủ hồ sơ hợp lệ.",
        3,
    ),
    (
        "aid", "donor_notification", "", "after_decision", 5, "calendar_days",
        DECREE_80,
        "Trong 5 ngày sau khi phê duyệt, thông báo cho bên tài trợ và gửi quyết định "
        "cho các cơ quan liên quan.",
        2,
    ),
    (
        "aid", "final_report", "", "after_end", 6, "months", DECREE_80,
        "Báo cáo kết thúc trong 6 tháng sau khi kết thúc chương trình, dự án.",
        14,
    ),
    (
        "ngo", "activity_plan", "", "after_issue", 45, "working_days", DECREE_58,
        "Tổ chức phi chính phủ nước ngoài thông báo kế hoạch hoạt động cho UBND "
        "tỉnh trong 45 ngày làm việc sau khi được cấp hoặc gia hạn giấy đăng ký.",
        5,
    ),
    (
        "ngo", "renewal", "", "before_expiry", 60, "calendar_days", DECREE_58,
        "Hồ sơ gia hạn nộp chậm nhất 60 ngày trước khi giấy đăng ký hết hạn.",
        14,
    ),
    (
        "press_visit", "application", "", "before_start", 10, "working_days",
        DECREE_88,
        "Đề nghị gửi Bộ Ngoại giao hoặc cơ quan đại diện Việt Nam ở nước ngoài chậm "
        "nhất 10 ngày làm việc trước ngày dự kiến nhập cảnh.",
        3,
    ),
    (
        "delegation_in", "review", "", "after_submission", 7, "working_days",
        DECISION_67,
        UNCONFIRMED + "thời hạn xử lý theo thủ tục mẫu của An Giang (7 ngày làm "
        "việc); Quyết định 67/2011 chưa được đối chiếu. Điều chỉnh theo quy chế của "
        "tỉnh.",
        2,
    ),
    (
        "delegation_out", "review", "", "after_submission", 7, "working_days",
        DECISION_67,
        UNCONFIRMED + "thời hạn xử lý theo thủ tục mẫu của An Giang (4 ngày làm "
        "việc nếu không dùng ngân sách, 7 ngày nếu dùng ngân sách); Quyết định "
        "67/2011 chưa được đối chiếu. Điều chỉnh theo quy chế của tỉnh.",
        2,
    ),
    (
        "delegation_in", "result_report", "", "after_end", 15, "calendar_days",
        DECISION_67,
        UNCONFIRMED + "thời hạn báo cáo kết quả theo Quyết định 67/2011 chưa được "
        "đối chiếu; 15 ngày theo ví dụ của Thông tư 03/2023/TT-BNV. Điều chỉnh theo "
        "quy chế của tỉnh.",
        3,
    ),
    (
        "delegation_out", "result_report", "", "after_end", 15, "calendar_days",
        DECISION_67,
        UNCONFIRMED + "thời hạn báo cáo kết quả sau chuyến công tác theo Quyết định "
        "67/2011 chưa được đối chiếu; 15 ngày theo ví dụ của Thông tư "
        "03/2023/TT-BNV. Điều chỉnh theo quy chế của tỉnh.",
        3,
    ),
]


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("affairs", "DeadlineRule")
    for kind, step, variant, anchor, amount, unit, basis, note, remind in RULES:
        if DeadlineRule.objects.filter(kind=kind, step=step, variant=variant).exists():
            continue
        DeadlineRule.objects.create(
            kind=kind,
            step=step,
            variant=variant,
            anchor=anchor,
            amount=amount,
            unit=unit,
            legal_basis=basis,
            note=note,
            remind_days_before=remind,
        )


class Migration(migrations.Migration):
    dependencies = [("affairs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
