"""Admin screens of the register: forms save through the services, actions with
comments, inspect view (due dates, allowed actions, history), listings (search,
filters, export), statistics, deadlines, import, deadline rules."""

import datetime as dt
import io

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from openpyxl import Workbook, load_workbook

from ttdn.affairs.choices import DelegationStatus
from ttdn.affairs.models import DeadlineRule, Delegation
from ttdn.affairs.tests.conftest import at
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.core.models import TransitionLog
from ttdn.directory.tests.factories import ForeignPartnerFactory

pytestmark = pytest.mark.django_db


def delegation_form(organisation, countries=(), members=(), **overrides):
    data = {
        "direction": "in",
        "reference": "",
        "title": "Đoàn tỉnh Hủa Phăn thăm Sơn La",
        "organisation": organisation.pk,
        "start_date": "07/12/2026",
        "end_date": "09/12/2026",
        "purpose": "Hội đàm hợp tác",
        "programme": "",
        "places": "",
        "country_links": inline_formset(
            [{"country": c.pk, "id": ""} for c in countries]
        ),
        "partner_links": inline_formset([]),
        "members": inline_formset(
            [
                {
                    "full_name": name,
                    "role": role,
                    "position": "",
                    "organisation_name": "",
                    "nationality": "",
                    "passport_type": "",
                    "id": "",
                }
                for name, role in members
            ]
        ),
        "declared_person_count": "",
        "funding_source": "",
        "budget_estimate": "",
        "guest_class": "",
        "decision_number": "",
        "decision_date": "",
        "decision_signer": "",
        "invitation": "",
        "decision_document": "",
        "result_report": "",
        "result_summary": "",
        "notes": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_focal_point_creates_a_delegation_in_the_admin(client, focal_point, unit, laos):
    client.force_login(focal_point)
    response = client.get(reverse("affairs_delegations:add") + "?direction=out")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["organisation"] == unit.pk
    assert form.initial["direction"] == "out"
    response = client.post(
        reverse("affairs_delegations:add"),
        delegation_form(
            unit, countries=[laos], members=[("Khách A", "head"), ("Khách B", "member")]
        ),
    )
    record = Delegation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "affairs_delegations:inspect", args=[record.pk]
    )
    assert (record.status, record.person_count, record.created_by) == (
        "draft",
        2,
        focal_point,
    )
    assert TransitionLog.objects.get().action == "create"


def test_service_refusals_show_on_the_form(client, focal_point, unit, other_unit, laos):
    client.force_login(focal_point)
    response = client.post(
        reverse("affairs_delegations:add"),
        delegation_form(
            other_unit,
            countries=[laos],
            members=[("Khách A", "head"), ("Khách B", "head")],
            guest_class="",
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["organisation"] == [
        "Đơn vị đón hoặc cử đoàn: bạn chỉ có thể tạo hồ sơ của đơn vị mình."
    ]
    assert not Delegation.objects.exists()


def test_inspect_shows_due_dates_allowed_actions_and_history(client, officer, unit):
    record = DelegationFactory(
        organisation=unit,
        status=DelegationStatus.SUBMITTED,
        submitted_at=at(2026, 3, 2),
    )
    TransitionLog.objects.create(
        content_type=TransitionLog.content_type_for(record),
        object_id=str(record.pk),
        machine="delegation_in",
        action="submit",
        from_state="draft",
        to_state="submitted",
        user_name="Đầu mối Thử",
        comment="Kính trình",
        performed_at=at(2026, 3, 2),
    )
    client.force_login(officer)
    response = client.get(reverse("affairs_delegations:inspect", args=[record.pk]))
    html = response.content.decode()
    actions = [o.transition.action for o in response.context["options"]]
    assert actions == ["receive", "request_supplement", "cancel"]
    assert 'data-action="receive"' in html
    assert 'data-action="approve"' not in html
    assert 'data-step="review" data-status="overdue"' in html
    assert "11/03/2026" in html  # 7 working days after 02/03/2026
    assert "Kính trình" in html and "02/03/2026 09:00" in html


def test_a_guard_is_explained_on_the_inspect_view(client, officer, unit):
    record = DelegationFactory(organisation=unit, status=DelegationStatus.UNDER_REVIEW)
    client.force_login(officer)
    response = client.get(reverse("affairs_delegations:inspect", args=[record.pk]))
    html = response.content.decode()
    assert 'data-blocked-action="approve"' in html
    assert "Hãy ghi quyết định trước" in html


def test_transitions_through_the_admin(client, officer, focal_point, unit):
    record = DelegationFactory(organisation=unit)
    client.force_login(focal_point)
    address = reverse("affairs_delegations:transition", args=[record.pk, "submit"])
    response = client.post(address, {"comment": "Kính trình Sở Ngoại vụ"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "submitted"
    assert record.submitted_at is not None

    client.force_login(officer)
    client.post(reverse("affairs_delegations:transition", args=[record.pk, "receive"]))
    address = reverse("affairs_delegations:transition", args=[record.pk, "reject"])
    response = client.post(address, {"comment": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == [
        "Ý kiến: hãy nêu lý do của thao tác này."
    ]
    record.refresh_from_db()
    assert record.status == "under_review"
    response = client.post(
        reverse("affairs_delegations:transition", args=[record.pk, "approve"])
    )
    assert response.status_code == 302  # refused on the form: back to the record
    record.refresh_from_db()
    assert record.status == "under_review"
    assert list(TransitionLog.objects.values_list("action", flat=True)) == [
        "submit",
        "receive",
    ]


def test_a_transition_not_allowed_now_goes_back_with_the_reason(client, officer, unit):
    record = DelegationFactory(organisation=unit)
    client.force_login(officer)
    response = client.get(
        reverse("affairs_delegations:transition", args=[record.pk, "approve"]),
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Không thể “Phê duyệt” khi hồ sơ đang ở trạng thái “dự thảo”; thao tác này "
        "áp dụng cho: đang xem xét, đang lấy ý kiến cơ quan liên quan."
    ]
    unknown = client.get(
        reverse("affairs_delegations:transition", args=[record.pk, "publish"])
    )
    assert unknown.status_code == 404


def test_search_ignores_diacritics_and_filters(client, officer, unit, laos):
    houaphanh = ForeignPartnerFactory(name="Tỉnh Hủa Phăn", country=laos)
    found = DelegationFactory(title="Đoàn tỉnh Hủa Phăn", organisation=unit)
    found.partner_links.create(partner=houaphanh)
    found.save()
    DelegationFactory(title="Đoàn Vân Nam", organisation=unit, direction="out")
    client.force_login(officer)
    index = reverse("affairs_delegations:index")
    response = client.get(index, {"q": "hua phan"})
    assert list(response.context["object_list"]) == [found]
    response = client.get(index, {"direction": "out"})
    assert [d.title for d in response.context["object_list"]] == ["Đoàn Vân Nam"]
    response = client.get(index, {"country": laos.pk, "year": "2026"})
    assert response.context["object_list"].count() == 2


def test_overdue_filter(client, officer, unit):
    late = DelegationFactory(
        organisation=unit,
        status=DelegationStatus.COMPLETED,
        start_date=dt.date(2026, 1, 5),
        end_date=dt.date(2026, 1, 6),
    )
    DelegationFactory(organisation=unit, status=DelegationStatus.DRAFT)
    client.force_login(officer)
    response = client.get(reverse("affairs_delegations:index"), {"overdue": "true"})
    assert list(response.context["object_list"]) == [late]


def test_export_xlsx(client, officer, unit, laos):
    DelegationFactory(
        title="Đoàn Hủa Phăn", organisation=unit, countries=[laos], reference="05/2026"
    )
    client.force_login(officer)
    response = client.get(reverse("affairs_delegations:index"), {"export": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.values)
    assert rows[0][:4] == ("Số hiệu hồ sơ", "Hướng", "Tiêu đề", "Đơn vị")
    assert rows[1][0] == "05/2026"
    assert rows[1][2] == "Đoàn Hủa Phăn"
    assert rows[1][6] == "Lào"


def test_statistics_page(client, officer, unit, laos):
    DelegationFactory(
        organisation=unit,
        status=DelegationStatus.CLOSED,
        start_date=dt.date(2016, 5, 1),
        end_date=dt.date(2016, 5, 2),
        countries=[laos],
        declared_person_count=7,
        person_count=7,
    )
    client.force_login(officer)
    response = client.get(
        reverse("affairs_statistics:index"),
        {"period": "year", "year": "2016", "country": laos.pk, "breakdown": "unit"},
    )
    directions = response.context["directions"]
    assert directions[0]["figures"] == {
        "delegations": 1,
        "persons": 7,
        "of_which": {"LA": {"delegations": 1, "persons": 7}},
    }
    assert [(r.key, r.persons) for r in directions[0]["breakdown"]] == [(unit, 7)]
    assert response.context["narrative"].startswith(
        "Trong năm 2016, tỉnh đã tổ chức đón tiếp và làm việc với 1 đoàn khách, 7 lượt "
        "người"
    )
    bad = client.get(reverse("affairs_statistics:index"), {"period": "range"})
    assert bad.context["form"].errors["__all__"] == [
        "Từ ngày, Đến ngày: khoảng thời gian tự chọn cần cả hai ngày."
    ]


def test_deadlines_page(client, officer, unit):
    late = DelegationFactory(
        organisation=unit,
        status=DelegationStatus.COMPLETED,
        start_date=dt.date(2026, 1, 5),
        end_date=dt.date(2026, 1, 6),
    )
    client.force_login(officer)
    response = client.get(reverse("affairs_deadlines:index"))
    assert [row["item"].record for row in response.context["overdue"]] == [late]


def test_import_page(client, officer, unit, laos):
    book = Workbook()
    book.active.append(
        [
            "Hướng",
            "Tên đoàn",
            "Quốc gia",
            "Đơn vị chủ trì",
            "Từ ngày",
            "Đến ngày",
            "Số người",
        ]
    )
    book.active.append(
        ["Đoàn vào", "Đoàn A", "Lào", unit.name, "02/02/2016", "03/02/2016", 5]
    )
    book.active.append(
        ["Đoàn ra", "Đoàn B", "Lào", unit.name, "02/03/2016", "01/03/2016", 0]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(officer)
    buffer.name = "so.xlsx"
    buffer.seek(0)
    response = client.post(reverse("affairs_delegations:import"), {"file": buffer})
    assert response.status_code == 200
    assert [(p.row, p.column) for p in response.context["result"].problems] == [
        (3, "Số người")
    ]
    assert not Delegation.objects.exists()

    book.active.delete_rows(3)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.name = "so.xlsx"
    buffer.seek(0)
    response = client.post(reverse("affairs_delegations:import"), {"file": buffer})
    assert response.status_code == 302
    assert Delegation.objects.get().title == "Đoàn A"


def test_import_refuses_other_files(client, officer):
    client.force_login(officer)
    upload = io.BytesIO(b"a;b")
    upload.name = "so.csv"
    response = client.post(reverse("affairs_delegations:import"), {"file": upload})
    assert response.context["form"].errors["file"] == [
        "Sổ đăng ký (XLSX): hãy chọn tệp Excel .xlsx (không phải .xls hay .csv)."
    ]


def test_administrators_edit_deadline_rules(client, administrator):
    rule = DeadlineRule.objects.get(kind="conference", step="result_report")
    client.force_login(administrator)
    response = client.post(
        reverse("affairs_rules:edit", args=[rule.pk]),
        {
            "kind": "conference",
            "step": "result_report",
            "variant": "",
            "amount": "20",
            "unit": "working_days",
            "anchor": "after_end",
            "valid_from": "",
            "valid_to": "",
            "legal_basis": "Quy chế của tỉnh",
            "note": "",
            "remind_days_before": "3",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.amount, rule.unit) == (20, "working_days")
    response = client.post(
        reverse("affairs_rules:add"),
        {
            "kind": "conference",
            "step": "result_report",
            "variant": "",
            "amount": "10",
            "unit": "calendar_days",
            "anchor": "after_end",
            "valid_from": "01/01/2027",
            "valid_to": "",
            "legal_basis": "Quy chế mới",
            "note": "",
            "remind_days_before": "3",
        },
    )
    assert response.status_code == 200
    assert (
        response.context["form"]
        .errors["valid_from"][0]
        .startswith("Có hiệu lực từ: “20 ngày làm việc sau ngày kết thúc”")
    )
    assert (
        DeadlineRule.objects.filter(kind="conference", step="result_report").count()
        == 1
    )
