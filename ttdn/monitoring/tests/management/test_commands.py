import json

from django.core.management import CommandError, call_command

import pytest

from ttdn.monitoring.choices import Topic

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_classify_json_lines(tmp_path, province):
    path = tmp_path / "items.jsonl"
    rows = [
        {
            "id": 1,
            "text": "Bộ đội Biên phòng tỉnh Sơn La bắt đối tượng vận chuyển ma túy qua biên giới.",
        },
        {
            "id": "b",
            "text": "Hội An đón khách du lịch dịp Trung thu, phố cổ rực rỡ đèn lồng.",
        },
        {
            "id": 3,
            "text": "Cong an xu phat tai khoan dang tin gia ve Son La tren mang xa hoi.",
        },
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n",
        encoding="utf-8",
    )
    lines = [
        json.loads(line)
        for line in run("monitoring_classify", str(path), "--json").splitlines()
    ]
    assert [(r["id"], r["relevant"], r["province"], r["topic"]) for r in lines] == [
        (1, True, "Tỉnh Sơn La", Topic.BORDER_SECURITY),
        ("b", False, None, Topic.TOURISM_CULTURE),
        (3, True, "Tỉnh Sơn La", Topic.DISINFORMATION),
    ]
    assert all(
        set(r)
        == {
            "id",
            "relevant",
            "province",
            "topic",
            "score",
            "about_province",
            "foreign_affairs",
            "foreign_affairs_score",
        }
        for r in lines
    )
    # Hội An (a pre-2025 city of Quảng Nam) is in Đà Nẵng now; text typed
    # without diacritics is understood.
    assert [r["about_province"] for r in lines][1:] == [
        "Thành phố Đà Nẵng",
        "Tỉnh Sơn La",
    ]
    assert all(isinstance(r["score"], float) and 0 < r["score"] <= 1 for r in lines)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "a"}\nkhông phải json\n', "Dòng 2: không phải JSON hợp lệ"),
        ('{"text": "a"}\n', 'Dòng 1: cần một đối tượng có "id" và "text" (chuỗi).'),
    ],
)
def test_classify_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run("monitoring_classify", str(path), "--json")
    assert str(error.value).startswith(message)


def test_classify_missing_file(tmp_path):
    with pytest.raises(CommandError) as error:
        run("monitoring_classify", str(tmp_path / "none.jsonl"))
    assert str(error.value).startswith("Không mở được tệp")


def test_train_and_evaluate(settings, province):
    out = json.loads(run("monitoring_train", "--json"))
    assert out["examples"] == 403
    assert settings.TTDN_MONITORING["MODEL_PATH"].exists()
    report = json.loads(run("monitoring_evaluate", "--json"))
    classifier = report["classifier"]
    assert (classifier["train_size"], classifier["test_size"]) == (302, 101)
    assert [t["topic"] for t in classifier["topics"]] == sorted(Topic.values)
    assert classifier["macro_f1"] > 0.7
    assert report["dedupe"]["precision"] == 1.0
    assert report["relevance"]["items"] == 208
    assert report["province"] == "Tỉnh Sơn La"
    text = run("monitoring_evaluate")
    assert "Bộ phân loại chủ đề: huấn luyện 302 mẫu, kiểm tra 101 mẫu" in text
    assert "Tin thật (bộ đánh giá, huấn luyện 403 mẫu, báo cáo 127 tin):" in text
    assert "độ chính xác: 0.969 (mục tiêu ≥ 0.90: đạt)" in text
    assert report["real_news"]["test_size"] == 127
    assert (
        "Gom tin trùng lặp (ngưỡng 0.4, 128 hoán vị, 233 tin): độ chính xác 1.000, độ phủ 1.000"
        in text
    )


def test_evaluate_rejects_bad_options():
    with pytest.raises(CommandError):
        run("monitoring_evaluate", "--test-size", "0.9")


def test_fetch_command_reports_nothing_due():
    assert run("monitoring_fetch") == "Không có nguồn tin nào đến lượt lấy tin.\n"
    with pytest.raises(CommandError) as error:
        run("monitoring_fetch", "--source", "999")
    assert str(error.value) == "Không có nguồn tin với mã: 999"
