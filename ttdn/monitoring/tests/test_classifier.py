import json

from ttdn.monitoring import classifier
from ttdn.monitoring.choices import Topic


def test_shipped_set_is_marked_and_large_enough():
    data = json.loads(classifier.LABELLED_SET.read_text(encoding="utf-8"))
    assert data["notice"].startswith("TEST MATERIAL.")
    items = data["items"]
    assert len(items) >= 200
    assert {i["topic"] for i in items} == set(Topic.values)
    assert len({i["title"] for i in items}) == len(items)  # no templated copies
    assert min(sum(i["topic"] == t for i in items) for t in Topic.values) >= 30


def test_trained_at_first_use_and_saved(settings, tmp_path):
    path = tmp_path / "model.joblib"
    settings.TTDN_MONITORING = {**settings.TTDN_MONITORING, "MODEL_PATH": path}
    assert not path.exists()
    topics = classifier.get_classifier()
    assert path.exists()
    assert topics.meta["examples"] == 403
    assert sorted(topics.labels) == sorted(Topic.values)
    again = classifier.get_classifier()
    assert again is topics


def test_predictions():
    topics = classifier.get_classifier()
    cases = {
        "Bộ đội biên phòng bắt đối tượng vận chuyển ma túy qua đường mòn biên giới": Topic.BORDER_SECURITY,
        "Tỉnh tiếp Đại sứ và đoàn đại biểu nước bạn sang thăm, ký biên bản hợp tác": Topic.FOREIGN_AFFAIRS,
        "Công an xử phạt chủ tài khoản Facebook đăng tin giả, thông tin sai sự thật": Topic.DISINFORMATION,
        "Lễ hội hoa ban thu hút du khách, trình diễn xòe Thái và chợ phiên vùng cao": Topic.TOURISM_CULTURE,
        "Doanh nghiệp đầu tư nhà máy chế biến nông sản, xuất khẩu xoài sang Hàn Quốc": Topic.INVESTMENT_TRADE,
    }
    predictions = topics.predict(list(cases))
    assert [p.topic for p in predictions] == list(cases.values())
    assert all(0 < p.score <= 1 for p in predictions)


def test_text_without_diacritics_is_understood():
    prediction = classifier.get_classifier().predict_one(
        "Cong an xu phat chu tai khoan dang tin gia, thong tin sai su that tren mang"
    )
    assert prediction.topic == Topic.DISINFORMATION


def test_retrains_when_file_is_from_another_version(settings, tmp_path):
    settings.TTDN_MONITORING = {
        **settings.TTDN_MONITORING,
        "MODEL_PATH": tmp_path / "model.joblib",
    }
    topics = classifier.get_classifier()
    topics.meta = {**topics.meta, "sklearn_version": "0.0"}
    classifier.save(topics)
    classifier.forget()
    assert classifier.load() is None
    fresh = classifier.get_classifier()
    assert fresh.meta["sklearn_version"] != "0.0"
