"""Demo conferences, agreements, aid, NGOs and press visits in every state."""

import datetime as dt

from ttdn.directory.models import Organisation

from .. import services
from ..calendar import add_months
from ..choices import (
    AgreementForm,
    ForeignRank,
    FundingSource,
    JournalistRole,
    RegistrationKind,
    VietnameseParty,
)
from ..models import (
    AidPackage,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)
from . import content
from .common import (
    AID_TITLES,
    TOPICS,
)


class RecordDemo:
    """Part of :class:`~.loader.Loader`."""

    def load_conferences(self):
        proposal = {"proposal": self.document("Đề án tổ chức hội thảo - Mẫu 01 (demo)")}
        report = {
            "result_report": self.document("Báo cáo kết quả hội thảo - Mẫu 02 (demo)")
        }
        decision = {
            "decision_number": "DEMO/QĐ-UBND",
            "decision_signer": "Chủ tịch UBND tỉnh",
        }
        # state, start offset, submitted offset
        scenarios = [
            ("draft", 33, None),
            ("hosting_requested", 70, None),
            ("hosting_approved", 80, None),
            ("submitted", 60, -1),
            ("needs_supplement", 65, -3),
            ("consulting", 75, -20),
            ("approved", 45, -5),
            ("rejected", 50, -8),
            ("held", -10, -50),
            ("result_reported", -40, -90),
            ("closed", -60, -120),
            ("suspended", 20, -30),
            ("cancelled", 90, None),
        ]
        for index, (state, start, submitted) in enumerate(scenarios):
            reference = f"DEMO-HN-{state}"
            if self.exists(InternationalConference, reference):
                continue
            pm_level = state == "approved"
            conference = self._new(
                InternationalConference,
                reference,
                title=TOPICS[index % len(TOPICS)],
                topic=TOPICS[index % len(TOPICS)],
                organisation=self.focal_point.organisation
                if index % 2
                else self.organisation("Sở Ngoại vụ tỉnh Sơn La"),
                foreign_participants=8 + index,
                vietnamese_participants=40 + 5 * index,
                highest_foreign_rank=ForeignRank.MINISTER
                if pm_level
                else ForeignRank.OTHER,
                start_date=self.day(start),
                end_date=self.day(start + 1),
                venue="Hội trường UBND tỉnh Sơn La",
                funding_source=FundingSource.MIXED,
                hosting_request_reason="Tổ chức thường niên; dự kiến 50 đại biểu, "
                "kinh phí xã hội hóa.",
                **proposal,
            )
            services.save_record(
                conference, user=self.officer, countries=[self.countries["LA"]]
            )
            self.changed += 1
            sub = submitted if submitted is not None else -1
            approve = (
                "approve",
                sub + 5,
                {**decision, "decision_date": self.day(sub + 5)},
            )
            held = [("submit", sub, None), approve, ("hold", start, None)]
            paths = {
                "draft": [],
                "hosting_requested": [("request_hosting", -10, None)],
                "hosting_approved": [
                    ("request_hosting", -10, None),
                    ("approve_hosting", -5, None),
                ],
                "submitted": [("submit", sub, None)],
                "needs_supplement": [
                    ("submit", sub, None),
                    ("request_supplement", sub + 2, None),
                ],
                "consulting": [("submit", sub, None), ("consult", sub + 1, None)],
                "approved": [("submit", sub, None), approve],
                "rejected": [("submit", sub, None), ("reject", sub + 4, None)],
                "held": held,
                "result_reported": [*held, ("report", start + 6, report)],
                "closed": [
                    *held,
                    ("report", start + 6, report),
                    ("close", start + 8, None),
                ],
                "suspended": [("submit", sub, None), approve, ("suspend", -2, None)],
                "cancelled": [("cancel", -1, None)],
            }
            self.drive(conference, paths[state])

    def load_agreements(self):
        document = {"document": self.document("Dự thảo bản ghi nhớ (demo)")}
        report = {"post_signing_report": self.document("Báo cáo sau ký kết (demo)")}
        decision = {
            "decision_number": "DEMO/QĐ-UBND",
            "decision_signer": "Chủ tịch UBND tỉnh",
        }
        # state, signing offset (days; None: not signed), expires after (days)
        scenarios = [
            ("proposed", None, None),
            ("consulting", None, None),
            ("needs_supplement", None, None),
            ("pm_referral", None, None),
            ("approved_to_sign", None, None),
            ("rejected", None, None),
            ("signed", -30, 1800),
            ("reported", -50, 1800),
            ("in_force", -100, 1800),
            ("suspended", -200, 1800),
            ("terminated", -300, 1800),
            ("withdrawn", -400, 1800),
            ("expired", -1100, 1090),
            ("cancelled", None, None),
        ]
        son_la_pc = self.organisation("Ủy ban nhân dân tỉnh Sơn La")
        border_pc = Organisation.objects.filter(
            name="Ủy ban nhân dân xã Lóng Sập"
        ).first()
        for index, (state, signed, lasts) in enumerate(scenarios):
            reference = f"DEMO-TT-{state}"
            if self.exists(InternationalAgreement, reference):
                continue
            partner = self.partners[content.LAO_PARTNERS[index % 6]]
            organisation, party_kind = (
                (self.focal_point.organisation, VietnameseParty.DEPARTMENT)
                if index % 2
                else (son_la_pc, VietnameseParty.PROVINCIAL_PC)
            )
            if state == "in_force" and border_pc is not None:
                organisation, party_kind = border_pc, VietnameseParty.BORDER_COMMUNE
                partner = self.partners["Sopbao"]
            agreement = self._new(
                InternationalAgreement,
                reference,
                title=f"Biên bản ghi nhớ hợp tác giữa {organisation} và {partner}",
                organisation=organisation,
                party_kind=party_kind,
                form_name=AgreementForm.MOU,
                foreign_partner=partner,
                fields_of_cooperation="Văn hóa, giáo dục, y tế, quản lý biên giới",
                languages="Việt, Lào",
                inherited_from="Ủy ban nhân dân huyện Mộc Châu"
                if state == "terminated"
                else "",
                name_update_required=state == "terminated",
                **document,
            )
            services.save_record(agreement, user=self.officer)
            self.changed += 1
            base = signed if signed is not None else -5
            submit = ("submit", base - 30 if signed is not None else -12 - index, None)
            approve = (
                "approve",
                base - 10 if signed is not None else -8,
                {**decision, "decision_date": self.day(base - 10 if signed else -8)},
            )
            sign = (
                "sign",
                base,
                {
                    "signing_date": self.day(base),
                    "signing_place": "Thành phố Sơn La",
                    "signatory": "Giám đốc Sở" if index % 2 else "Chủ tịch UBND",
                    "effective_from": self.day(base),
                    "expires_on": self.day(base + lasts) if lasts else None,
                },
            )
            in_force = [
                submit,
                approve,
                sign,
                ("report", base + 10, report),
                ("bring_into_force", base + 11, None),
            ]
            paths = {
                "proposed": [],
                "consulting": [submit],
                "needs_supplement": [submit, ("request_supplement", -4, None)],
                "pm_referral": [submit, ("refer_to_pm", -3, None)],
                "approved_to_sign": [submit, approve],
                "rejected": [submit, ("reject", -2, None)],
                "signed": [submit, approve, sign],
                "reported": [submit, approve, sign, ("report", base + 10, report)],
                "in_force": in_force,
                "suspended": [*in_force, ("suspend", -3, None)],
                "terminated": [*in_force, ("terminate", -3, None)],
                "withdrawn": [*in_force, ("withdraw", -3, None)],
                "expired": [*in_force, ("expire", -2, None)],
                "cancelled": [("cancel", -1, None)],
            }
            self.drive(agreement, paths[state])

    def load_aid(self):
        proposal = {
            "proposal": self.document("Hồ sơ đề nghị phê duyệt viện trợ (demo)")
        }
        final = {"final_report": self.document("Báo cáo kết thúc dự án (demo)")}
        appraised = {
            "appraisal_conclusion": "Phù hợp mục tiêu phát triển của tỉnh; đủ điều "
            "kiện tiếp nhận.",
        }
        decision = {
            "decision_number": "DEMO/QĐ-UBND",
            "decision_signer": "Chủ tịch UBND tỉnh",
        }
        # state, submitted offset, decision offset, start offset, end offset
        scenarios = [
            ("draft", None, None, 60, 400),
            ("submitted", -3, None, 60, 400),
            ("needs_supplement", -8, None, 60, 400),
            ("appraising", -25, None, 60, 400),
            ("approved", -40, -2, 60, 400),
            ("rejected", -30, None, 60, 400),
            ("donor_notified", -50, -30, 30, 400),
            ("implementing", -120, -90, -60, 300),
            ("completed", -500, -470, -400, -30),
            ("final_reported", -700, -670, -600, -200),
            ("revoked", -260, -220, 30, 400),
            ("cancelled", -5, None, 60, 400),
        ]
        donors = ["World Vision International", "Save the Children"]
        for index, (state, submitted, decided, start, end) in enumerate(scenarios):
            reference = f"DEMO-VT-{state}"
            if self.exists(AidPackage, reference):
                continue
            aid = self._new(
                AidPackage,
                reference,
                title=AID_TITLES[index % len(AID_TITLES)],
                donor=self.partners[donors[index % 2]],
                organisation=self.focal_point.organisation
                if index % 2
                else self.organisation("Sở Y tế tỉnh Sơn La"),
                governing_agency=self.organisation("Ủy ban nhân dân tỉnh Sơn La"),
                aid_owner="Sở Y tế tỉnh Sơn La",
                objectives="Cải thiện điều kiện sống của trẻ em vùng biên giới",
                location="Các xã biên giới tỉnh Sơn La",
                start_date=self.day(start),
                end_date=self.day(end),
                currency="USD",
                grant_value=50_000 + 10_000 * index,
                counterpart_value=5_000,
                **proposal,
            )
            services.save_record(aid, user=self.officer)
            self.changed += 1
            sub = submitted if submitted is not None else -1
            approve_fields = {
                **decision,
                **appraised,
                "appraisal_date": self.day((decided or -1) - 3),
                "decision_date": self.day(decided) if decided is not None else None,
            }
            approved = [
                ("submit", sub, None),
                ("appraise", sub + 2, None),
                ("approve", decided, approve_fields),
            ]
            notified = [*approved, ("notify_donor", (decided or 0) + 2, None)]
            implementing = [*notified, ("start", start, None)]
            completed = [*implementing, ("complete", end, None)]
            paths = {
                "draft": [],
                "submitted": [("submit", sub, None)],
                "needs_supplement": [
                    ("submit", sub, None),
                    ("request_supplement", sub + 3, None),
                ],
                "appraising": [("submit", sub, None), ("appraise", sub + 2, None)],
                "approved": approved,
                "rejected": [
                    ("submit", sub, None),
                    ("appraise", sub + 2, None),
                    ("reject", sub + 10, None),
                ],
                "donor_notified": notified,
                "implementing": implementing,
                "completed": completed,
                "final_reported": [*completed, ("report", end + 60, final)],
                "revoked": [*approved, ("revoke", -5, None)],
                "cancelled": [("submit", sub, None), ("cancel", sub + 2, None)],
            }
            self.drive(aid, paths[state])

    def load_ngos(self):
        # state, issued offset, years valid, activity plan notified
        scenarios = [
            ("draft", -20, 3, False),
            ("submitted", -30, 3, False),
            ("needs_supplement", -25, 3, False),
            ("active", -100, 3, False),
            ("active-renewal", None, 3, True),
            ("suspended", -400, 3, True),
            ("expired", None, 3, True),
            ("revoked", -600, 3, True),
        ]
        names = [
            ("Tổ chức Tầm nhìn Thế giới", "World Vision International", "US"),
            ("Tổ chức Cứu trợ Trẻ em", "Save the Children", "GB"),
        ]
        for index, (state, issued, years, plan) in enumerate(scenarios):
            reference = f"DEMO-NGO-{state}"
            if self.exists(ForeignNGO, reference):
                continue
            if state in ("active-renewal", "expired"):
                expires = self.day(62 if state == "active-renewal" else -10)
                issued_on = add_months(expires, -12 * years)
            else:
                issued_on = self.day(issued)
                expires = add_months(issued_on, 12 * years) - dt.timedelta(days=1)
            title, original, country = names[index % 2]
            ngo = self._new(
                ForeignNGO,
                reference,
                title=f"{title} (hồ sơ {index + 1})",
                original_name=original,
                partner=self.partners[original],
                country=self.countries[country],
                registration_kind=RegistrationKind.OPERATION,
                registration_number=f"DEMO-{index + 1:02d}/BNG-GĐK",
                issued_on=issued_on,
                expires_on=expires,
                areas="Tỉnh Sơn La",
                fields_of_activity="Giáo dục, y tế, phát triển cộng đồng",
                representative="Người đại diện (hư cấu)",
                organisation=self.organisation("Sở Ngoại vụ tỉnh Sơn La")
                if index % 2
                else self.focal_point.organisation,
                activity_plan_notified_on=issued_on + dt.timedelta(days=30)
                if plan
                else None,
            )
            services.save_record(ngo, user=self.officer)
            self.changed += 1
            issued_offset = (issued_on - self.today).days
            confirmed = [
                ("submit", issued_offset + 2, None),
                ("confirm", issued_offset + 5, None),
            ]
            paths = {
                "draft": [],
                "submitted": [("submit", issued_offset + 2, None)],
                "needs_supplement": [
                    ("submit", issued_offset + 2, None),
                    ("request_supplement", issued_offset + 4, None),
                ],
                "active": confirmed,
                "active-renewal": confirmed,
                "suspended": [*confirmed, ("suspend", -3, None)],
                "expired": [*confirmed, ("expire", -2, None)],
                "revoked": [*confirmed, ("revoke", -2, None)],
            }
            self.drive(ngo, paths[state])

    def load_press(self):
        scenarios = [
            ("requested", 20),
            ("permitted", 15),
            ("notified", 6),
            ("guided", -1),
            ("reported", -30),
            ("refused", 25),
            ("cancelled", 12),
        ]
        outlets = [
            ("Đài Phát thanh và Truyền hình Quốc gia Lào (LNTV)", "LA"),
            ("Tân Hoa xã (Xinhua)", "CN"),
            ("Hãng thông tấn Kyodo", "JP"),
        ]
        for index, (state, start) in enumerate(scenarios):
            reference = f"DEMO-BC-{state}"
            if self.exists(ForeignPressVisit, reference):
                continue
            outlet, country = outlets[index % len(outlets)]
            visit = self._new(
                ForeignPressVisit,
                reference,
                title=f"Phóng viên {outlet} tác nghiệp tại Sơn La",
                media_outlet=outlet,
                country=self.countries[country],
                topics="Hợp tác biên giới, du lịch Mộc Châu",
                places="Mộc Châu, Vân Hồ, cửa khẩu Lóng Sập",
                start_date=self.day(start),
                end_date=self.day(start + 2),
                application_received_on=self.day(start - 20),
                organisation=self.organisation("Sở Ngoại vụ tỉnh Sơn La"),
                guiding_officer="Chuyên viên Phòng Thông tin đối ngoại (hư cấu)",
            )
            services.save_record(
                visit,
                user=self.officer,
                journalists=[
                    {
                        "full_name": f"Phóng viên hư cấu {number}",
                        "nationality": self.countries[country],
                        "role": JournalistRole.REPORTER
                        if number == 1
                        else JournalistRole.CAMERA,
                        "sort_order": number,
                    }
                    for number in (1, 2)
                ],
            )
            self.changed += 1
            permit = (
                "permit",
                min(start - 10, -3),
                {
                    "press_permit_number": f"DEMO-{index + 1:02d}/BNG-TTBC",
                    "permit_issued_on": self.day(min(start - 10, -3)),
                    "programme": "Ngày 1: Mộc Châu; ngày 2: Vân Hồ; ngày 3: Lóng Sập.",
                },
            )
            notified = [permit, ("notify", min(start - 5, -2), None)]
            guided = [*notified, ("guide", start, None)]
            paths = {
                "requested": [],
                "permitted": [permit],
                "notified": notified,
                "guided": guided,
                "reported": [
                    *guided,
                    (
                        "report",
                        start + 5,
                        {"result_summary": "Hai phóng sự đã phát sóng (demo)."},
                    ),
                ],
                "refused": [("refuse", -2, None)],
                "cancelled": [("cancel", -1, None)],
            }
            self.drive(visit, paths[state])
