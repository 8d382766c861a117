"""Creating and editing register records through the services: who may, in which
state, what is validated and derived; refusals change nothing."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs import services
from ttdn.affairs.choices import (
    ApprovalAuthority,
    DelegationStatus,
    Direction,
    ForeignRank,
    MemberRole,
    RegistrationKind,
    VietnameseParty,
)
from ttdn.affairs.models import (
    AidPackage,
    DeadlineRule,
    Delegation,
    ForeignNGO,
    InternationalAgreement,
    InternationalConference,
)
from ttdn.affairs.tests.factories import (
    AgreementFactory,
    DelegationFactory,
    DocumentFactory,
    NGOFactory,
)
from ttdn.core.models import TransitionLog
from ttdn.directory.choices import PartnerKind
from ttdn.directory.tests.factories import (
    CommuneFactory,
    CountryFactory,
    ForeignPartnerFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def new_delegation(organisation, **fields):
    values = {
        "direction": Direction.INCOMING,
        "title": "Đoàn công tác tỉnh Hủa Phăn",
        "organisation": organisation,
        "purpose": "Hội đàm hợp tác",
        "start_date": dt.date(2026, 12, 7),
        "end_date": dt.date(2026, 12, 9),
        **fields,
    }
    return Delegation(**values)


MEMBERS = [
    {"full_name": "Khách Thử Một", "role": MemberRole.HEAD, "sort_order": 0},
    {"full_name": "Khách Thử Hai", "role": MemberRole.MEMBER, "sort_order": 1},
    {"full_name": "Khách Thử Ba", "role": MemberRole.INTERPRETER, "sort_order": 2},
]


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# --- creating -------------------------------------------------------------------------
def test_focal_point_creates_a_draft_of_their_organisation(focal_point, unit, laos):
    delegation = services.save_record(
        new_delegation(unit), user=focal_point, members=MEMBERS, countries=[laos]
    )
    stored = Delegation.objects.get(pk=delegation.pk)
    assert stored.status == DelegationStatus.DRAFT
    assert stored.person_count == 3
    assert stored.created_by == focal_point
    assert [c.alpha_2 for c in stored.countries] == ["LA"]
    entry = TransitionLog.objects.get()
    assert (entry.action, entry.from_state, entry.to_state) == ("create", "", "draft")
    assert "hua phan" in stored.search_text


def test_focal_point_cannot_create_for_another_organisation(
    focal_point, other_unit, laos
):
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            new_delegation(other_unit), user=focal_point, countries=[laos]
        )
    assert errors_of(refused) == {
        "organisation": [
            "Đơn vị đón hoặc cử đoàn: bạn chỉ có thể tạo hồ sơ của đơn vị mình."
        ]
    }
    assert not Delegation.objects.exists()


@pytest.mark.parametrize(
    "role", [roles.STEERING_MEMBER, roles.MONITOR, roles.EDITOR, roles.APPROVER]
)
def test_roles_without_the_right_cannot_create(role, unit):
    user = UserFactory(roles=[role], organisation=unit)
    with pytest.raises(PermissionDenied):
        services.save_record(new_delegation(unit), user=user)
    assert not Delegation.objects.exists()


def test_person_count_is_the_number_entered_when_no_member_is_listed(officer, unit):
    delegation = services.save_record(
        new_delegation(unit, declared_person_count=12), user=officer
    )
    assert delegation.person_count == 12


def test_rules_of_a_delegation(officer, unit, laos):
    china = CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        name_en="China",
    )
    yunnan = ForeignPartnerFactory(name="Tỉnh Vân Nam", country=china)
    members = [
        {"full_name": "A", "role": MemberRole.HEAD, "passport_type": "official"},
        {"full_name": "B", "role": MemberRole.HEAD},
    ]
    delegation = new_delegation(
        unit,
        start_date=dt.date(2026, 12, 9),
        end_date=dt.date(2026, 12, 7),
        guest_class="",
        declared_person_count=5,
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            delegation,
            user=officer,
            members=members,
            countries=[laos, laos],
            partners=[yunnan],
        )
    errors = errors_of(refused)
    assert errors["end_date"] == [
        "Ngày kết thúc: ngày 07/12/2026 trước ngày bắt đầu 09/12/2026."
    ]
    assert errors["__all__"] == ["Ngày kết thúc: không được trước ngày bắt đầu."]
    assert errors["countries"] == ["Quốc gia: “Lào” được kê hai lần."]
    assert errors["members"] == [
        "Thành viên: mỗi đoàn có một trưởng đoàn; đang có 2 người được ghi là "
        "trưởng đoàn.",
        "Thành viên: loại hộ chiếu chỉ ghi cho đoàn ra.",
    ]
    assert errors["declared_person_count"] == [
        "Số người: đoàn đã có danh sách 2 thành viên; để trống ô này hoặc nhập 2."
    ]
    assert errors["partners"] == [
        "Đối tác nước ngoài: “Tỉnh Vân Nam” thuộc Trung Quốc, không có trong danh "
        "sách quốc gia của đoàn."
    ]
    assert not Delegation.objects.exists()


def test_guest_class_only_for_incoming_delegations(officer, unit):
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            new_delegation(
                unit,
                direction=Direction.OUTGOING,
                guest_class="a",
                declared_person_count=2,
            ),
            user=officer,
        )
    assert errors_of(refused) == {
        "guest_class": ["Hạng khách: chỉ đoàn vào mới có hạng khách."]
    }


def test_the_unit_must_exist_on_the_start_date(officer):
    ended = OrganisationFactory(
        name="Ủy ban nhân dân huyện Thử", valid_to=dt.date(2025, 6, 30)
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            new_delegation(ended, declared_person_count=3), user=officer
        )
    assert errors_of(refused)["organisation"] == [
        "Đơn vị đón hoặc cử đoàn: “Ủy ban nhân dân huyện Thử” không tồn tại vào ngày "
        "07/12/2026 (hiệu lực – 30/06/2025); hãy chọn cơ quan có hiệu lực vào ngày đó."
    ]


def test_reference_is_unique(officer, unit):
    services.save_record(
        new_delegation(unit, reference="01/2026", declared_person_count=1), user=officer
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            new_delegation(unit, reference="01/2026", declared_person_count=1),
            user=officer,
        )
    assert errors_of(refused) == {
        "__all__": ["Số hiệu hồ sơ: đã có hồ sơ khác mang số này."]
    }
    assert Delegation.objects.count() == 1


# --- editing ----------------------------------------------------------------------------
def test_focal_point_edits_a_draft_but_not_a_submitted_record(focal_point, unit):
    draft = DelegationFactory(organisation=unit)
    draft.title = "Tên mới"
    services.save_record(draft, user=focal_point)
    assert Delegation.objects.get(pk=draft.pk).title == "Tên mới"

    submitted = DelegationFactory(organisation=unit, status=DelegationStatus.SUBMITTED)
    submitted.title = "Sửa sau khi trình"
    with pytest.raises(PermissionDenied) as refused:
        services.save_record(submitted, user=focal_point)
    assert str(refused.value.args[0]) == (
        "Bạn không thể sửa hồ sơ ở trạng thái hiện tại (“đã trình”)."
    )
    assert Delegation.objects.get(pk=submitted.pk).title != "Sửa sau khi trình"


def test_officer_edits_in_any_state(officer, unit):
    record = DelegationFactory(organisation=unit, status=DelegationStatus.APPROVED)
    record.decision_number = "15/QĐ-UBND"
    services.save_record(record, user=officer)
    assert Delegation.objects.get(pk=record.pk).decision_number == "15/QĐ-UBND"


def test_after_approval_the_focal_point_edits_only_the_report(focal_point, unit):
    record = DelegationFactory(organisation=unit, status=DelegationStatus.COMPLETED)
    assert services.edit_mode(record, focal_point) == services.REPORT
    record.result_report = DocumentFactory()
    record.result_summary = "Hai bên ký biên bản ghi nhớ."
    services.save_record(record, user=focal_point)
    stored = Delegation.objects.get(pk=record.pk)
    assert stored.result_summary == "Hai bên ký biên bản ghi nhớ."

    stored.start_date = dt.date(2026, 3, 1)
    with pytest.raises(PermissionDenied):
        services.save_record(stored, user=focal_point)
    assert Delegation.objects.get(pk=record.pk).start_date == dt.date(2026, 3, 2)


def test_the_status_changes_only_through_actions(officer, unit):
    record = DelegationFactory(organisation=unit)
    record.status = DelegationStatus.APPROVED
    with pytest.raises(ValidationError):
        services.save_record(record, user=officer)
    assert Delegation.objects.get(pk=record.pk).status == DelegationStatus.DRAFT


def test_the_direction_changes_only_in_a_draft(officer, unit):
    draft = DelegationFactory(organisation=unit)
    draft.direction = Direction.OUTGOING
    services.save_record(draft, user=officer)
    submitted = DelegationFactory(organisation=unit, status=DelegationStatus.SUBMITTED)
    submitted.direction = Direction.OUTGOING
    with pytest.raises(ValidationError) as refused:
        services.save_record(submitted, user=officer)
    assert errors_of(refused) == {
        "direction": ["Hướng: chỉ đổi được khi hồ sơ còn là dự thảo."]
    }
    assert Delegation.objects.get(pk=submitted.pk).direction == Direction.INCOMING


def test_records_of_another_organisation_are_out_of_reach(other_focal_point, unit):
    record = DelegationFactory(organisation=unit)
    assert services.edit_mode(record, other_focal_point) is None
    record.title = "Sửa trái phép"
    with pytest.raises(PermissionDenied):
        services.save_record(record, user=other_focal_point)
    assert Delegation.objects.get(pk=record.pk).title != "Sửa trái phép"


def test_steering_members_only_read(steering_member, unit):
    record = DelegationFactory(organisation=unit)
    assert services.edit_mode(record, steering_member) is None
    assert not services.can_delete(record, steering_member)
    assert not services.can_add(steering_member, Delegation)


# --- deleting ---------------------------------------------------------------------------
def test_only_unsubmitted_drafts_are_deleted(focal_point, officer, unit):
    draft = DelegationFactory(organisation=unit)
    services.delete_record(draft, user=focal_point)
    assert not Delegation.objects.filter(pk=draft.pk).exists()

    submitted = DelegationFactory(organisation=unit, status=DelegationStatus.SUBMITTED)
    for user in (focal_point, officer):
        with pytest.raises(PermissionDenied):
            services.delete_record(submitted, user=user)
    assert Delegation.objects.filter(pk=submitted.pk).exists()


def test_administrators_delete_anything(administrator, unit):
    record = DelegationFactory(organisation=unit, status=DelegationStatus.CLOSED)
    services.delete_record(record, user=administrator)
    assert not Delegation.objects.exists()


# --- past delegations -----------------------------------------------------------------
def test_past_delegations_are_entered_closed(officer, unit, laos):
    delegation = services.register_past_delegation(
        new_delegation(
            unit,
            start_date=dt.date(2016, 3, 1),
            end_date=dt.date(2016, 3, 3),
            declared_person_count=9,
        ),
        user=officer,
        countries=[laos],
    )
    assert (delegation.status, delegation.is_historic, delegation.person_count) == (
        DelegationStatus.CLOSED,
        True,
        9,
    )
    entry = TransitionLog.objects.get()
    assert (entry.action, entry.to_state) == ("register", "closed")


def test_past_delegations_must_have_taken_place(officer, unit):
    with pytest.raises(ValidationError) as refused:
        services.register_past_delegation(
            new_delegation(unit, end_date=dt.date(2999, 1, 1)), user=officer
        )
    errors = errors_of(refused)
    assert errors["end_date"] == [
        "Ngày kết thúc: ngày 01/01/2999 chưa đến; chỉ nhập sau những đoàn đã thực hiện."
    ]
    assert errors["declared_person_count"] == [
        "Số người: hãy kê danh sách thành viên hoặc nhập số người."
    ]
    assert not Delegation.objects.exists()


def test_focal_points_cannot_enter_past_delegations(focal_point, unit):
    with pytest.raises(PermissionDenied):
        services.register_past_delegation(
            new_delegation(
                unit,
                start_date=dt.date(2016, 3, 1),
                end_date=dt.date(2016, 3, 3),
                declared_person_count=2,
            ),
            user=focal_point,
        )
    assert not Delegation.objects.exists()


# --- other record types ----------------------------------------------------------------
def test_conference_authority_follows_rank_and_topics(officer, unit):
    conference = InternationalConference(
        title="Hội thảo",
        organisation=unit,
        start_date=dt.date(2026, 12, 20),
        end_date=dt.date(2026, 12, 21),
    )
    services.save_record(conference, user=officer)
    assert conference.approval_authority == ApprovalAuthority.PC_CHAIR
    conference.highest_foreign_rank = ForeignRank.MINISTER
    services.save_record(conference, user=officer)
    assert conference.approval_authority == ApprovalAuthority.PRIME_MINISTER
    conference.highest_foreign_rank = ForeignRank.OTHER
    conference.topic_human_rights = True
    services.save_record(conference, user=officer)
    assert (
        InternationalConference.objects.get(pk=conference.pk).approval_authority
        == ApprovalAuthority.PRIME_MINISTER
    )


def test_foreign_organised_conferences_name_the_organiser(officer, unit):
    with pytest.raises(ValidationError) as refused:
        services.save_record(
            InternationalConference(
                title="Hội thảo",
                organisation=unit,
                organiser_kind="foreign",
                start_date=dt.date(2026, 12, 20),
                end_date=dt.date(2026, 12, 21),
            ),
            user=officer,
        )
    assert list(errors_of(refused)) == ["foreign_organiser"]


def test_aid_authority_and_values(officer, unit):
    donor = ForeignPartnerFactory(kind=PartnerKind.NGO)
    aid = AidPackage(
        title="Dự án",
        organisation=unit,
        donor=donor,
        start_date=dt.date(2026, 12, 1),
        end_date=dt.date(2027, 12, 1),
        grant_value=1000,
        donor_managed_value=1500,
        topic_religion=True,
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(aid, user=officer)
    assert errors_of(refused) == {
        "donor_managed_value": [
            "Phần do bên tài trợ quản lý: không được lớn hơn giá trị viện trợ."
        ]
    }
    aid.donor_managed_value = 500
    services.save_record(aid, user=officer)
    assert aid.approval_authority == ApprovalAuthority.PRIME_MINISTER
    assert aid.total_value == 1000


def test_ngo_registration_validity_is_limited(officer, unit, laos):
    ngo = ForeignNGO(
        title="Tổ chức thử",
        organisation=unit,
        country=laos,
        registration_kind=RegistrationKind.OPERATION,
        issued_on=dt.date(2025, 1, 15),
        expires_on=dt.date(2028, 3, 1),
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(ngo, user=officer)
    assert errors_of(refused) == {
        "expires_on": [
            "Ngày hết hạn: loại đăng ký này có thời hạn tối đa 3 năm, tức đến "
            "15/01/2028."
        ]
    }
    ngo.registration_kind = RegistrationKind.REPRESENTATIVE_OFFICE
    services.save_record(ngo, user=officer)
    assert ForeignNGO.objects.count() == 1


def test_a_border_commune_signs_only_with_a_foreign_local_authority(officer, laos):
    commune = CommuneFactory(is_border=False)
    commune_pc = OrganisationFactory(
        name="Ủy ban nhân dân xã Thử", administrative_unit=commune
    )
    embassy = ForeignPartnerFactory(kind=PartnerKind.MISSION, country=laos)
    agreement = InternationalAgreement(
        title="Thỏa thuận",
        organisation=commune_pc,
        party_kind=VietnameseParty.BORDER_COMMUNE,
        form_name="agreement",
        foreign_partner=embassy,
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(agreement, user=officer)
    assert sorted(errors_of(refused)) == ["foreign_partner", "organisation"]
    assert not InternationalAgreement.objects.exists()


def test_agreement_in_force_after_signing(officer, unit):
    agreement = AgreementFactory.build(
        organisation=unit,
        foreign_partner=ForeignPartnerFactory(),
        signing_date=dt.date(2026, 5, 10),
        effective_from=dt.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(agreement, user=officer)
    assert errors_of(refused) == {
        "effective_from": ["Có hiệu lực từ: ngày 01/05/2026 trước ngày ký 10/05/2026."]
    }


def test_ngo_partner_in_another_country(officer, unit, laos):
    ngo = NGOFactory.build(
        organisation=unit,
        country=laos,
        partner=ForeignPartnerFactory(
            country=CountryFactory(
                alpha_2="US",
                alpha_3="USA",
                numeric="840",
                name_vi="Hoa Kỳ",
                name_en="United States",
            )
        ),
    )
    with pytest.raises(ValidationError) as refused:
        services.save_record(ngo, user=officer)
    assert list(errors_of(refused)) == ["partner"]


# --- deadline rules -------------------------------------------------------------------
def test_deadline_rule_periods_may_not_overlap(administrator, officer):
    rule = DeadlineRule(
        kind="conference",
        step="submission",
        anchor="before_start",
        amount=20,
        unit="calendar_days",
        valid_from=dt.date(2027, 1, 1),
        legal_basis="Quyết định thử",
    )
    with pytest.raises(PermissionDenied):
        services.save_deadline_rule(rule, user=officer)
    with pytest.raises(ValidationError) as refused:
        services.save_deadline_rule(rule, user=administrator)
    assert errors_of(refused)["valid_from"][0].startswith("Có hiệu lực từ: “30 ngày")
    old = DeadlineRule.objects.get(kind="conference", step="submission", variant="")
    old.valid_to = dt.date(2026, 12, 31)
    services.save_deadline_rule(old, user=administrator)
    services.save_deadline_rule(rule, user=administrator)
    assert (
        DeadlineRule.objects.filter(kind="conference", step="submission").count() == 3
    )
