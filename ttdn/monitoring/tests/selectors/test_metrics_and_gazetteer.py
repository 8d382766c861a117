import datetime as dt

import pytest

from ttdn.core.timefmt import VN_TZ
from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.monitoring import evaluation, selectors
from ttdn.monitoring.choices import IncidentState

from ..factories import IncidentFactory

pytestmark = pytest.mark.django_db

D = dt.datetime


def incident(detected, *, triage=None, response=None, close=None, organisation=None):
    return IncidentFactory(
        detected_at=detected,
        triaged_at=detected + dt.timedelta(hours=triage)
        if triage is not None
        else None,
        first_response_at=detected + dt.timedelta(hours=response)
        if response is not None
        else None,
        closed_at=detected + dt.timedelta(hours=close) if close is not None else None,
        state=IncidentState.CLOSED if close is not None else IncidentState.TRIAGED,
        organisation=organisation,
    )


def test_percentile():
    assert selectors.percentile([], 0.9) is None
    assert selectors.percentile([4.0], 0.9) == 4.0
    assert selectors.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == pytest.approx(
        9.1
    )


def test_time_metrics_by_organisation_and_month(organisations):
    sct, sngv = organisations["sct"], organisations["sngv"]
    base = D(2026, 10, 5, 8, 0, tzinfo=VN_TZ)
    incident(base, triage=2, response=24, close=100, organisation=sct)
    incident(base + dt.timedelta(days=1), triage=4, response=48, organisation=sct)
    incident(base + dt.timedelta(days=30), triage=10, organisation=sngv)
    incident(D(2026, 9, 30, 23, 0, tzinfo=VN_TZ), triage=1, organisation=sct)  # outside
    rows = selectors.incident_time_metrics(
        start=dt.date(2026, 10, 1), end=dt.date(2026, 11, 30), group_by="organisation"
    )
    table = {(r.metric, r.group): (r.count, r.median_hours, r.p90_hours) for r in rows}
    assert table == {
        ("time_to_triage", "Sở Công Thương tỉnh Sơn La"): (2, 3.0, 3.8),
        ("time_to_triage", "Sở Ngoại vụ tỉnh Sơn La"): (1, 10.0, 10.0),
        ("time_to_first_response", "Sở Công Thương tỉnh Sơn La"): (2, 36.0, 45.6),
        ("time_to_close", "Sở Công Thương tỉnh Sơn La"): (1, 100.0, 100.0),
    }
    months = selectors.incident_time_metrics(
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 11, 30),
        group_by="month",
        metrics=("time_to_triage",),
    )
    assert [(r.group, r.count, r.median_hours) for r in months] == [
        ("2026-10", 2, 3.0),
        ("2026-11", 1, 10.0),
    ]
    only_sct = selectors.incident_time_metrics(
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 11, 30),
        organisation=sct,
        metrics=("time_to_triage",),
    )
    assert [(r.group, r.count) for r in only_sct] == [("", 2)]


def test_metrics_follow_merged_organisations(organisations):
    successor = organisations["sct"]
    predecessor = OrganisationFactory(
        name="Sở Công Thương cũ", valid_to=dt.date(2025, 6, 30), successors=[successor]
    )
    incident(D(2026, 10, 5, 8, 0, tzinfo=VN_TZ), triage=6, organisation=predecessor)
    rows = selectors.incident_time_metrics(
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 10, 31),
        organisation=successor,
        group_by="organisation",
        metrics=("time_to_triage",),
    )
    assert [(r.group, r.count) for r in rows] == [("Sở Công Thương tỉnh Sơn La", 1)]


def test_incident_counts(organisations):
    incident(D(2026, 10, 5, 8, 0, tzinfo=VN_TZ), triage=1)
    incident(D(2026, 10, 6, 8, 0, tzinfo=VN_TZ), triage=1, close=5)
    counts = selectors.incident_counts(
        start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31)
    )
    assert counts == {
        "detected": 0,
        "triaged": 1,
        "verifying": 0,
        "responding": 0,
        "reported": 0,
        "closed": 1,
    }


def test_gazetteer_from_directory(province, organisations):
    gazetteer = selectors.build_gazetteer()
    assert gazetteer.province == "Tỉnh Sơn La"
    assert gazetteer.match("Du khách đến Mộc Châu ngắm hoa mận").relevant is True
    assert gazetteer.match("Lễ ra quân tại xã Đoàn Kết").relevant is True
    assert gazetteer.match("Tinh thần đoàn kết quốc tế").relevant is False
    # "Tân Yên" is also a commune of Điện Biên: only "xã Tân Yên" counts.
    assert gazetteer.match("Hội nghị ở Tân Yên").relevant is False
    assert gazetteer.match("SO CONG THUONG TINH SON LA thong bao").matches == [
        "Sở Công Thương tỉnh Sơn La"
    ]


def test_gazetteer_without_serving_province(db):
    assert selectors.build_gazetteer().match("Tỉnh Sơn La").relevant is False


def test_gazetteer_on_real_reference_data_and_labelled_set(db):
    """The gazetteer of Sơn La built from the real directory (vietnam-provinces),
    scored against the labelled set (the figure in docs/monitoring.md)."""
    from ttdn.directory import services as directory_services
    from ttdn.directory.models import AdministrativeUnit

    directory_services.load_reference_data(province_codes=["14"])
    son_la = AdministrativeUnit.objects.get(code="14", valid_to__isnull=True)
    directory_services.update_directory_settings(
        province=son_la, foreign_affairs_body=None
    )
    gazetteer = selectors.build_gazetteer()
    score, wrong = evaluation.evaluate_relevance(gazetteer, evaluation.labelled_rows())
    assert wrong == []
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert gazetteer.match("Xã Vân Hồ").relevant is True
    assert gazetteer.match("Huyện Vân Hồ cũ").relevant is True  # historic district
