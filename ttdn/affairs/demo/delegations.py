"""Demo delegations: the 2016 figures of seed 000, the Phú Yên record of 2020
and current ones in every state."""

from .. import services
from ..choices import (
    FundingSource,
    GuestClass,
)
from ..models import (
    Delegation,
)
from . import content
from .common import (
    MEMBERS_IN_CURRENT,
    MEMBERS_OUT_CURRENT,
    dates_2016,
    in_sentence,
    spread,
)


class DelegationDemo:
    """Part of :class:`~.loader.Loader`."""

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
