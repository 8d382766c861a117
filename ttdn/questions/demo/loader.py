"""Demo questions: two answered and published, one waiting for its answer.
Idempotent (found again by subject)."""

from django.db import transaction

from ttdn.accounts.demo import demo_user

from .. import services
from ..models import Question

QUESTIONS = [
    {
        "name": "Nguyễn Thị Lan",
        "contact": "lan.nguyen@example.org",
        "topic": "consular",
        "subject": "Giấy tờ cần có khi sang tỉnh Hủa Phăn (Lào) thăm người thân",
        "question": (
            "Tôi ở huyện Sốp Cộp, muốn sang tỉnh Hủa Phăn thăm người thân trong "
            "dịp Tết Bun Pi May. Tôi cần chuẩn bị những giấy tờ gì?"
        ),
        "answer": (
            "Công dân có thể dùng hộ chiếu còn hạn ít nhất 6 tháng, hoặc giấy thông "
            "hành biên giới Việt Nam – Lào do Công an tỉnh cấp để qua các cửa khẩu "
            "của tỉnh. Công dân Việt Nam được miễn thị thực khi lưu trú tại Lào "
            "không quá 30 ngày."
        ),
        "publish": True,
    },
    {
        "name": "Trần Văn Minh",
        "contact": "0912 345 678",
        "topic": "ngo",
        "subject": "Thủ tục tiếp nhận viện trợ phi chính phủ nước ngoài cho trường học",
        "question": (
            "Một tổ chức phi chính phủ nước ngoài muốn tài trợ xây nhà bán trú cho "
            "trường của xã. Xã cần làm thủ tục gì để tiếp nhận khoản viện trợ này?"
        ),
        "answer": (
            "Khoản viện trợ phi dự án phải được phê duyệt trước khi tiếp nhận. Ủy "
            "ban nhân dân xã lập hồ sơ gửi Sở Tài chính để thẩm định và trình Chủ "
            "tịch Ủy ban nhân dân tỉnh phê duyệt; Sở Ngoại vụ hướng dẫn làm việc "
            "với tổ chức tài trợ."
        ),
        "publish": True,
    },
    {
        "name": "Lò Thị Hoa",
        "contact": "hoa.lo@example.org",
        "topic": "information",
        "subject": "Lịch giao lưu văn hóa với các tỉnh Bắc Lào năm nay",
        "question": (
            "Năm nay tỉnh có tổ chức giao lưu văn hóa với các tỉnh Bắc Lào không? "
            "Các đội văn nghệ xã đăng ký tham gia như thế nào?"
        ),
        "answer": "",
        "publish": False,
    },
]


@transaction.atomic
def load_demo(stdout=None) -> int:
    officer = demo_user("chuyenvien")
    changed = 0
    for data in QUESTIONS:
        if Question.objects.filter(subject=data["subject"]).exists():
            continue
        question = services.question_submit(
            name=data["name"],
            contact=data["contact"],
            topic=data["topic"],
            subject=data["subject"],
            question=data["question"],
        )
        changed += 1
        if data["answer"]:
            question.answer = data["answer"]
            services.question_save(question, user=officer)
            services.question_transition(question, "submit", user=officer)
            if data["publish"]:
                services.question_transition(question, "publish", user=officer)
    if stdout is not None and changed:
        codes = ", ".join(
            Question.objects.order_by("pk").values_list("code", flat=True)
        )
        stdout.write(f"Hỏi đáp: {changed} câu hỏi (/hoi-dap/); mã tra cứu: {codes}.")
    return changed
