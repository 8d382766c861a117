"""Load the demo register through the services (valid by construction).

* the 2016 Sơn La register (historic records entered after the fact, person counts
  only, two with member lists) whose totals are seed 000's figures;
* a 2020 record of Phú Yên (rolls up to Đắk Lắk after 1/7/2025);
* a current register with a record in every state of every activity type, driven
  there by the workflow actions with their dates in the past (some deadlines
  overdue, some due soon);
* three demo accounts of the register (chuyenvien, daumoi, bcd).

Idempotent: records are keyed by their reference (``DEMO-…``) and only created
when missing; a second run changes nothing.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

from ttdn.accounts import roles
from ttdn.accounts.demo import demo_user
from ttdn.core.workflow import machine_for
from ttdn.directory import services as directory_services
from ttdn.directory.models import Country, ForeignPartner, Organisation

from .. import services
from ..calendar import add_months
from ..choices import (
    AgreementForm,
    ForeignRank,
    FundingSource,
    GuestClass,
    JournalistRole,
    RegistrationKind,
    VietnameseParty,
)
from ..machines import RECORDERS
from ..models import (
    AidPackage,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)
from . import content


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


class Loader:
    def __init__(self):
        self.changed = 0
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.countries = {c.alpha_2: c for c in Country.objects.all()}
        if "LA" not in self.countries:
            raise MissingDirectory(
                "Countries are missing: run `python manage.py load_reference_data`."
            )
        self.partners = {
            p.original_name: p for p in ForeignPartner.objects.exclude(original_name="")
        }
        self.documents = {}

    # --- directory and accounts ---------------------------------------------------
    def organisation(self, name: str) -> Organisation:
        found = Organisation.objects.filter(name=name).order_by("pk").first()
        if found is None:
            raise MissingDirectory(
                f"Organisation “{name}” is missing: load the directory demo first."
            )
        return found

    def ensure_emails(self):
        for name, email in content.EMAILS.items():
            organisation = self.organisation(name)
            if organisation.email:
                continue
            organisation.email = email
            directory_services.save_organisation(organisation)
            self.changed += 1

    def ensure_users(self):
        self.users = {
            roles.FOREIGN_AFFAIRS_OFFICER: demo_user("chuyenvien"),
            roles.FOCAL_POINT: demo_user("daumoi"),
            roles.STEERING_MEMBER: demo_user("bcd"),
        }
        self.officer = self.users[roles.FOREIGN_AFFAIRS_OFFICER]
        self.focal_point = self.users[roles.FOCAL_POINT]

    def document(self, title: str):
        if title not in self.documents:
            Document = get_document_model()
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title)
                document.file.save(
                    "tai-lieu-demo.txt",
                    ContentFile(f"{title}\n{content.DEMO_NOTE}\n".encode()),
                    save=False,
                )
                document.save()
                self.changed += 1
            self.documents[title] = document
        return self.documents[title]

    # --- time -----------------------------------------------------------------------
    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def at(self, offset: int) -> dt.datetime:
        """09:00 GMT+7 on today + *offset* days (never later than now)."""
        moment = timezone.make_aware(
            dt.datetime.combine(self.day(offset), dt.time(9, 0))
        )
        return min(moment, self.now - dt.timedelta(minutes=1))

    def actor(self, record, action: str):
        transition = machine_for(record).get(action)
        if (
            roles.FOCAL_POINT in transition.roles
            and transition.roles == RECORDERS
            and record.organisation_id == self.focal_point.organisation_id
        ):
            return self.focal_point
        return self.officer

    def drive(self, record, steps):
        """Perform ``(action, day offset, prepare)`` steps; *prepare* (optional)
        sets fields through the services before the action."""
        for action, offset, prepare in steps:
            if prepare:
                for name, value in prepare.items():
                    setattr(record, name, value)
                services.save_record(record, user=self.officer)
            services.transition(
                record,
                action,
                user=self.actor(record, action),
                comment=COMMENTS.get(action, ""),
                at=self.at(offset),
            )

    def exists(self, model, reference: str) -> bool:
        return model.objects.filter(reference=reference).exists()

    # --- 2016 ---------------------------------------------------------------------
    def load_2016(self):
        units = [self.organisation(name) for name in content.UNITS_2016]
        laos = self.countries["LA"]
        lao_partners = [self.partners[name] for name in content.LAO_PARTNERS]
        plan = [
            ("in", True, *content.SEED_2016["in"]["LA"], [4, 2, 7, 1, 5, 3]),
            ("in", False, *self._rest("in"), [1, 2, 0, 1]),
            ("out", True, *content.SEED_2016["out"]["LA"], [5, 3, 8, 2]),
            ("out", False, *self._rest("out"), [1]),
        ]
        with_members = set()
        for direction, to_laos, count, total, variations in plan:
            sizes = spread(count, total, variations)
            for index, size in enumerate(sizes):
                code = "V" if direction == "in" else "R"
                part = "LA" if to_laos else "KH"
                reference = f"DEMO-2016-{code}{part}-{index + 1:03d}"
                if self.exists(Delegation, reference):
                    continue
                start, end = dates_2016(count, index, 1 + index % 4)
                unit = units[(index * 5 + (0 if to_laos else 3)) % len(units)]
                if to_laos:
                    partner = lao_partners[index % len(lao_partners)]
                    countries, partners = [laos], [partner]
                    purposes = (
                        content.LAO_PURPOSES_IN
                        if direction == "in"
                        else content.LAO_PURPOSES_OUT
                    )
                    purpose = purposes[index % len(purposes)]
                else:
                    table = content.OTHER_IN if direction == "in" else content.OTHER_OUT
                    country_code, partner_name, purpose = table[index % len(table)]
                    countries = [self.countries[country_code]]
                    partners = (
                        [self.partners[partner_name]]
                        if partner_name and index % 3 == 0
                        else []
                    )
                    partner = partners[0] if partners else None
                where = in_sentence(partner or countries[0])
                title = (
                    f"Đoàn {where} thăm và làm việc tại tỉnh Sơn La"
                    if direction == "in"
                    else f"Đoàn công tác của tỉnh Sơn La tại {where}"
                )
                members = None
                declared = size
                template = (
                    content.MEMBERS_IN if direction == "in" else content.MEMBERS_OUT
                )
                if (
                    not to_laos
                    and direction not in with_members
                    and size == len(template)
                    and (direction == "out" or countries[0].alpha_2 == "JP")
                ):
                    with_members.add(direction)
                    members = self._members(template)
                    declared = None
                delegation = Delegation(
                    reference=reference,
                    direction=direction,
                    title=title,
                    organisation=unit,
                    purpose=purpose,
                    places=content.PLACES_IN[index % len(content.PLACES_IN)]
                    if direction == "in"
                    else str(where),
                    start_date=start,
                    end_date=end,
                    declared_person_count=declared,
                    funding_source=FundingSource.STATE_BUDGET
                    if direction == "out"
                    else FundingSource.PARTNER,
                    guest_class=GuestClass.B if direction == "in" and to_laos else "",
                    notes=content.DEMO_NOTE,
                )
                services.register_past_delegation(
                    delegation,
                    user=self.officer,
                    members=members,
                    countries=countries,
                    partners=partners,
                    comment="Nhập từ sổ theo dõi đoàn ra, đoàn vào năm 2016 (demo).",
                )
                self.changed += 1

    def _rest(self, direction):
        total, laos = (
            content.SEED_2016[direction]["total"],
            content.SEED_2016[direction]["LA"],
        )
        return total[0] - laos[0], total[1] - laos[1]

    def _members(self, template):
        return [
            {
                "full_name": name,
                "nationality": self.countries[nationality],
                "position": position,
                "role": role,
                "sort_order": index,
            }
            for index, (name, nationality, position, role) in enumerate(template)
        ]

    # --- 2020 Phú Yên ---------------------------------------------------------------
    def load_phu_yen(self):
        spec = content.PHU_YEN_2020
        if self.exists(Delegation, spec["reference"]):
            return
        delegation = Delegation(
            reference=spec["reference"],
            direction="in",
            title=spec["title"],
            organisation=self.organisation(spec["organisation"]),
            purpose=spec["purpose"],
            start_date=spec["start_date"],
            end_date=spec["end_date"],
            declared_person_count=spec["persons"],
            notes=content.DEMO_NOTE,
        )
        services.register_past_delegation(
            delegation,
            user=self.officer,
            countries=[self.countries[spec["country"]]],
            comment="Hồ sơ năm 2020 của tỉnh Phú Yên (demo sắp xếp đơn vị hành chính).",
        )
        self.changed += 1

    # --- the current register ---------------------------------------------------
    def load_current(self):
        self.load_delegations()
        self.load_conferences()
        self.load_agreements()
        self.load_aid()
        self.load_ngos()
        self.load_press()

    def _new(self, model, reference, **fields):
        return model(reference=reference, notes=content.DEMO_NOTE, **fields)

    def load_delegations(self):
        report = {
            "result_report": self.document("Báo cáo kết quả chuyến công tác (demo)")
        }
        decision = {
            "decision_number": "DEMO/QĐ-UBND",
            "decision_signer": "Chủ tịch UBND tỉnh",
        }
        # state, start offset, length, submitted offset
        scenarios = [
            ("draft", 30, 2, None),
            ("submitted", 25, 2, -2),
            ("under_review", 20, 3, -14),
            ("needs_supplement", 40, 2, -6),
            ("consulting", 35, 3, -5),
            ("approved", 10, 3, -20),
            ("rejected", 15, 2, -12),
            ("travel", -1, 2, -25),
            ("completed", -22, 2, -45),
            ("result_reported", -40, 2, -60),
            ("closed", -70, 2, -90),
            ("cancelled", 50, 2, -10),
        ]
        for direction in ("in", "out"):
            for index, (state, start, length, sub_offset) in enumerate(scenarios):
                submitted = sub_offset if sub_offset is not None else -1
                if direction == "out" and state == "completed":
                    start = -15  # result report due in about two days
                target = state
                if state == "travel":
                    target = "hosted" if direction == "in" else "in_progress"
                reference = f"DEMO-HT-{'V' if direction == 'in' else 'R'}-{target}"
                if self.exists(Delegation, reference):
                    continue
                to_laos = index % 2 == 0
                partner = self.partners[
                    content.LAO_PARTNERS[index % 3] if to_laos else "云南省 (Yunnan)"
                ]
                unit = (
                    self.organisation("Sở Ngoại vụ tỉnh Sơn La")
                    if index % 3 == 1
                    else self.focal_point.organisation
                )
                delegation = self._new(
                    Delegation,
                    reference,
                    direction=direction,
                    title=(
                        f"Đoàn {in_sentence(partner)} thăm và làm việc tại tỉnh Sơn La"
                        if direction == "in"
                        else f"Đoàn công tác của tỉnh Sơn La tại {in_sentence(partner)}"
                    ),
                    organisation=unit,
                    purpose="Trao đổi hợp tác văn hóa, du lịch và giáo dục",
                    programme="Ngày 1: hội đàm; ngày 2: thăm cơ sở; ngày 3: tổng kết.",
                    places="Thành phố Sơn La" if direction == "in" else str(partner),
                    start_date=self.day(start),
                    end_date=self.day(start + length),
                    funding_source=FundingSource.STATE_BUDGET,
                    guest_class=GuestClass.B if direction == "in" else "",
                    invitation=self.document("Thư mời (demo)"),
                )
                members = [
                    {
                        "full_name": name,
                        "nationality": self.countries[
                            ("LA" if to_laos else "CN") if direction == "in" else "VN"
                        ],
                        "position": position,
                        "role": role,
                        "sort_order": order,
                    }
                    for order, (name, position, role) in enumerate(
                        MEMBERS_IN_CURRENT[: 2 + index % 3]
                        if direction == "in"
                        else MEMBERS_OUT_CURRENT[: 2 + index % 3]
                    )
                ]
                services.save_record(
                    delegation,
                    user=self.officer,
                    members=members,
                    countries=[partner.country],
                    partners=[partner],
                )
                self.changed += 1
                approve = (
                    "approve",
                    submitted + 4,
                    {**decision, "decision_date": self.day(submitted + 4)},
                )
                travelled = [
                    ("submit", submitted, None),
                    ("receive", submitted + 1, None),
                    approve,
                    ("start", start, None),
                    ("complete", start + length, None),
                ]
                paths = {
                    "draft": [],
                    "submitted": [("submit", submitted, None)],
                    "under_review": [
                        ("submit", submitted, None),
                        ("receive", submitted + 1, None),
                    ],
                    "needs_supplement": [
                        ("submit", submitted, None),
                        ("request_supplement", submitted + 2, None),
                    ],
                    "consulting": [
                        ("submit", submitted, None),
                        ("receive", submitted + 1, None),
                        ("consult", submitted + 2, None),
                    ],
                    "approved": [
                        ("submit", submitted, None),
                        ("receive", submitted + 1, None),
                        approve,
                    ],
                    "rejected": [
                        ("submit", submitted, None),
                        ("receive", submitted + 1, None),
                        ("reject", submitted + 4, None),
                    ],
                    "travel": travelled[:4],
                    "completed": travelled,
                    "result_reported": [
                        *travelled,
                        ("report", start + length + 5, report),
                    ],
                    "closed": [
                        *travelled,
                        ("report", start + length + 5, report),
                        ("close", start + length + 7, None),
                    ],
                    "cancelled": [
                        ("submit", submitted, None),
                        ("cancel", submitted + 3, None),
                    ],
                }
                self.drive(delegation, paths[state])

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


@transaction.atomic
def load_demo(stdout=None) -> int:
    """Create the demo register; returns the number of objects created or
    changed (0 on a second run)."""
    loader = Loader()
    loader.ensure_emails()
    loader.ensure_users()
    loader.load_2016()
    loader.load_phu_yen()
    loader.load_current()
    if stdout is not None and loader.changed:
        stdout.write(
            f"Đối ngoại: {Delegation.objects.count()} đoàn, "
            f"{InternationalConference.objects.count()} hội nghị, "
            f"{InternationalAgreement.objects.count()} thỏa thuận, "
            f"{AidPackage.objects.count()} khoản viện trợ, "
            f"{ForeignNGO.objects.count()} tổ chức PCPNN, "
            f"{ForeignPressVisit.objects.count()} đoàn phóng viên; tài khoản: "
            "chuyenvien, daumoi, bcd."
        )
    return loader.changed
