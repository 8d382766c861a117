"""Which province an item is about, the foreign-affairs judgement, officers'
corrections and the figures on the real-news set (docs/monitoring.md)."""

from django.core.exceptions import ValidationError

from wagtail.models import ModelLogEntry

import pytest

from ttdn.monitoring import classifier, evaluation, provinces, selectors, services
from ttdn.monitoring.extraction import Article
from ttdn.monitoring.pipeline import Pipeline
from ttdn.monitoring.provinces import NATIONAL_LABEL

from .factories import ItemFactory, SourceFactory


def test_body_over_headline():
    judgement = provinces.judge(
        "Hà Nội: hội thảo về chè",
        "Sáng 5/3, tại huyện Mộc Châu, tỉnh Sơn La, nông dân bước vào vụ chè xuân.",
    )
    assert (judgement.code, judgement.name) == ("14", "Tỉnh Sơn La")


def test_pre_2025_names_go_to_their_successors():
    assert provinces.judge("", "Đoàn công tác tỉnh Hà Giang thăm Vân Nam.").code == "08"
    assert provinces.judge("", "Lễ hội ở TP Nha Trang thu hút du khách.").code == "56"
    assert provinces.judge("", "Hạn mặn ở huyện Cai Lậy, tỉnh Tiền Giang.").code == "82"
    assert provinces.judge("", "Lễ hội tại huyện Đakrông.").code == "44"


def test_several_provinces_or_none_is_national():
    text = "Mưa lũ ở Lai Châu, Lào Cai, Điện Biên và Sơn La gây thiệt hại."
    assert provinces.judge("", text).code == provinces.NATIONAL
    assert provinces.judge("", "Bộ Ngoại giao họp báo thường kỳ.").code == ""


def test_item_naming_no_place_belongs_to_its_publishers_province():
    text = "UBND tỉnh họp phiên thường kỳ tháng 5."
    assert provinces.judge("", text, home="22").code == "22"
    assert provinces.judge("", text).code == provinces.NATIONAL


def test_ambiguous_district_names_need_their_kind():
    # "Châu Thành" is a district of several provinces: alone it says nothing.
    assert provinces.judge("", "Nông dân Châu Thành vào vụ lúa.").code == ""


@pytest.mark.django_db
def test_correction_is_stored_with_an_audit_entry_and_trains(users):
    item = ItemFactory(subject_province="14", foreign_affairs=False, topic="")
    services.correct_item(
        item,
        user=users["monitor"],
        subject_province_label="08",
        foreign_affairs_label=True,
    )
    item.refresh_from_db()
    assert (item.subject_province_label, item.foreign_affairs_label) == ("08", True)
    assert (item.effective_province, item.effective_foreign_affairs) == ("08", True)
    assert item.effective_province_name == "Tỉnh Tuyên Quang"
    assert ModelLogEntry.objects.filter(object_id=str(item.pk)).count() == 1
    assert selectors.province_corrections() == [
        {"title": item.title, "text": item.text, "home": "", "province_code": "08"}
    ]
    admin = selectors.admin_examples()
    assert [(e.id, e.foreign_affairs) for e in admin] == []  # no topic: not usable
    item.topic = "foreign_affairs"
    item.save(update_fields=["topic"])
    assert [(e.id, e.foreign_affairs) for e in selectors.admin_examples()] == [
        (str(item.pk), True)
    ]


@pytest.mark.django_db
def test_national_correction_and_refused_code(users):
    item = ItemFactory(subject_province="14")
    services.correct_item(
        item, user=users["monitor"], subject_province_label=NATIONAL_LABEL
    )
    item.refresh_from_db()
    assert item.effective_province == ""
    with pytest.raises(ValidationError) as error:
        services.correct_item(item, user=users["monitor"], subject_province_label="99")
    assert "Tỉnh" in str(error.value) or "Province" in str(error.value)
    item.refresh_from_db()
    assert item.subject_province_label == NATIONAL_LABEL  # unchanged
    assert ModelLogEntry.objects.filter(object_id=str(item.pk)).count() == 1


def test_real_news_set_size():
    rows = classifier.real_rows()
    assert len(rows) == 322
    assert len({r["province_code"] for r in rows} - {""}) == 33
    assert len({r["site"] for r in rows}) == 160
    assert sum(r["split"] == "report" for r in rows) == 127


@pytest.mark.django_db
def test_figures_on_the_report_part():
    report = evaluation.evaluate_real()
    assert report.test_size == 127
    assert report.province_accuracy >= evaluation.TARGETS["province_accuracy"]
    assert report.home_relevance["f1"] >= evaluation.TARGETS["home_relevance_f1"]
    assert round(report.province_accuracy, 3) == 0.969
    assert report.foreign_affairs["f1"] == 0.8955
    assert round(report.topic_accuracy, 3) == 0.843


@pytest.mark.xfail(
    strict=True,
    reason="measured shortfall: foreign-affairs F1 0.896 (target 0.90), topic "
    "accuracy 0.843 (target 0.85) on the report part (docs/monitoring.md)",
)
@pytest.mark.django_db
def test_every_target_is_met_on_the_report_part():
    figures = evaluation.evaluate_real().figures
    assert all(figures[k] >= v for k, v in evaluation.TARGETS.items())


@pytest.mark.django_db
def test_source_home_province_reaches_the_item(province):
    source = SourceFactory(home_province="22")
    article = Article(
        url="https://baoquangninh.example.org/a.html",
        title="UBND tỉnh họp thường kỳ",
        text="Ngày 30/5, UBND tỉnh họp phiên thường kỳ tháng 5 đánh giá kinh tế.",
        published_at=None,
    )
    result = Pipeline().ingest(source, article)
    assert result.created
    assert result.item.subject_province == "22"
    assert result.item.foreign_affairs is False
