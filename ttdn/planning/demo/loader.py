"""Load the planning demo through the services (valid by construction).

Idempotent: each plan, committee and meeting is looked up by its natural key and
created with its tasks, reports and conclusions only when missing, so a second
run changes nothing. Dates of the current plan are placed around the day of the
first load (``today``) so that its work is in each of the four status groups.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ttdn.accounts.demo import demo_user
from ttdn.directory import services as directory_services
from ttdn.directory.models import Organisation, Person
from ttdn.documents.demo import loader as documents_demo

from .. import services
from ..choices import AssignmentGroup, CommitteeRole, MeetingKind, Recurrence
from ..models import (
    CommitteeMember,
    Conclusion,
    Meeting,
    Plan,
    SteeringCommittee,
    WorkItem,
)
from . import content


class MissingDirectory(RuntimeError):
    pass


class _Counter:
    def __init__(self):
        self.changed = 0

    def add(self, n: int = 1):
        self.changed += n


def _org(name: str) -> Organisation:
    found = Organisation.objects.filter(name=name).order_by("-valid_to", "pk").first()
    if found is None:
        raise MissingDirectory(
            f"Organisation “{name}” is missing: load the directory demo first "
            "(ttdn.directory.demo.loader)."
        )
    return found


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(
        day, dt.time(hour, 0), tzinfo=timezone.get_current_timezone()
    )


def ensure_users() -> dict:
    return {username: demo_user(username) for username in content.USERS}


def _report(
    item,
    officer,
    *,
    submitted: dt.date,
    accepted: dt.date | None,
    final=True,
    summary="",
):
    report = services.progress_report_submit(
        work_item=item,
        user=officer,
        summary=summary or "Đã hoàn thành nhiệm vụ theo kế hoạch; kèm sản phẩm.",
        is_final=final,
        submitted_at=_at(submitted),
    )
    if accepted is not None:
        services.progress_report_accept(report, user=officer, on=accepted)
    return report


def _items(task) -> dict:
    return {
        (item.assignment.organisation.name, item.occurrence.sequence): item
        for item in WorkItem.objects.filter(task=task).select_related(
            "assignment__organisation", "occurrence"
        )
    }


# --- the historic plan 51/KH-UBND -----------------------------------------------
def load_plan_51(counter: _Counter, officer) -> Plan | None:
    data = content.PLAN_51
    ubnd = _org(content.UBND)
    if Plan.objects.filter(
        issuer=ubnd, code=data["code"], number=data["number"], title=data["title"]
    ).exists():
        return None
    plan = services.plan_create(
        title=data["title"],
        term=data["term"],
        start_year=data["start_year"],
        end_year=data["end_year"],
        code=data["code"],
        issuer=ubnd,
        purpose=data["purpose"],
        basis=data["basis"],
        requirements=data["requirements"],
        content_areas=data["areas"],
        user=officer,
    )
    areas = list(plan.content_areas.all())
    issued = dt.date(*data["issued_on"])
    sngv = _org(content.SNGV)
    aid = services.task_save(
        services.TaskInput(
            plan=plan,
            content_area=areas[1],
            code="II.2",
            title="Ban hành Kế hoạch xúc tiến vận động viện trợ phi chính phủ nước "
            "ngoài năm 2017",
            expected_output="Kế hoạch được Ủy ban nhân dân tỉnh ban hành",
            due_date=dt.date(2017, 6, 30),
            assigned_on=issued,
            lead_organisations=[sngv],
        ),
        user=officer,
    )
    border = services.task_save(
        services.TaskInput(
            plan=plan,
            content_area=areas[2],
            code="III.3",
            title="Tuyên truyền, phổ biến Hiệp định về Quy chế quản lý biên giới "
            "Việt Nam – Lào",
            expected_output="Báo cáo kết quả tuyên truyền tại các bản biên giới",
            due_date=dt.date(2017, 12, 31),
            assigned_on=issued,
            lead_groups=[AssignmentGroup.DISTRICT_PCS],
            support_organisations=[_org(content.BDBP)],
        ),
        user=officer,
    )
    exchange = services.task_save(
        services.TaskInput(
            plan=plan,
            content_area=areas[2],
            code="III.1",
            title="Trao đổi đoàn các cấp với các tỉnh Bắc Lào, tổng kết kết quả "
            "hợp tác",
            recurrence=Recurrence.HALF_YEARLY,
            starts_on=issued,
            ends_on=dt.date(2018, 12, 31),
            due_days_after_period=15,
            assigned_on=issued,
            lead_organisations=[sngv],
        ),
        user=officer,
    )
    services.plan_issue(plan, number=data["number"], issued_on=issued, user=officer)
    services.plan_start_execution(plan, user=officer)
    for item in _items(aid).values():
        _report(
            item, officer, submitted=dt.date(2017, 6, 25), accepted=dt.date(2017, 6, 28)
        )
    for (name, _seq), item in _items(border).items():
        if "Vân Hồ" in name:
            _report(
                item,
                officer,
                submitted=dt.date(2017, 12, 20),
                accepted=dt.date(2017, 12, 26),
            )
        else:
            _report(
                item,
                officer,
                submitted=dt.date(2018, 1, 10),
                accepted=dt.date(2018, 1, 12),
            )
    for item in _items(exchange).values():
        _report(
            item,
            officer,
            submitted=item.due_date - dt.timedelta(days=3),
            accepted=item.due_date,
        )
    services.plan_close(plan, user=officer, note="Kết thúc giai đoạn 2017 – 2018.")
    counter.add(1 + 3)
    return plan


def link_plan_51_document(counter: _Counter, officer) -> None:
    """Plan 51/KH-UBND points at its entry in the document library."""
    plan = Plan.objects.filter(code="KH-UBND", number=51, start_year=2017).first()
    entry = documents_demo.plan_51()
    if plan is None or entry is None or plan.issuing_document_id == entry.pk:
        return
    plan.issuing_document = entry
    services.plan_save(plan, user=officer)
    counter.add(1)


# --- the current plan -----------------------------------------------------------
def load_current_plan(counter: _Counter, users, today: dt.date) -> Plan | None:
    officer = users["chuyenvien"]
    assigned = today - dt.timedelta(days=300)
    year = assigned.year
    ubnd = _org(content.UBND)
    title = f"Hoạt động thông tin đối ngoại tỉnh Sơn La năm {year}"
    if Plan.objects.filter(issuer=ubnd, code="KH-UBND", title=title).exists():
        return None

    def t(days: int) -> dt.date:
        return today + dt.timedelta(days=days)

    plan = services.plan_create(
        title=title,
        term="annual",
        start_year=year,
        end_year=year,
        code="KH-UBND",
        issuer=ubnd,
        purpose=(
            "Tăng cường hiệu lực, hiệu quả quản lý nhà nước về thông tin đối ngoại; "
            "quảng bá hình ảnh, tiềm năng, thế mạnh của tỉnh, kêu gọi đầu tư."
        ),
        basis=(
            "Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản "
            "lý hoạt động thông tin đối ngoại;\nCăn cứ Kế hoạch công tác thông tin "
            "đối ngoại của Ban Chỉ đạo công tác thông tin đối ngoại tỉnh."
        ),
        requirements=(
            "Bảo đảm sự lãnh đạo của Tỉnh ủy, sự quản lý điều hành thống nhất của Ủy "
            "ban nhân dân tỉnh; phối hợp chặt chẽ giữa các sở, ban, ngành, địa phương; "
            "bảo vệ bí mật nhà nước."
        ),
        content_areas=content.PLAN_CURRENT_AREAS,
        user=officer,
    )
    area = list(plan.content_areas.all())
    org = {
        name: _org(name)
        for name in (
            content.SNGV,
            content.SVHTTDL,
            content.SCT,
            content.CAT,
            content.BAO,
            content.XA_VAN_HO,
        )
    }

    def task(**kwargs):
        kwargs.setdefault("assigned_on", assigned)
        return services.task_save(services.TaskInput(plan=plan, **kwargs), user=officer)

    press = task(
        content_area=area[1],
        code="2.1",
        title="Cung cấp thông tin về tình hình kinh tế - xã hội, hoạt động đối ngoại "
        "của lãnh đạo tỉnh cho các cơ quan báo chí",
        due_date=t(-60),
        lead_organisations=[org[content.SVHTTDL], org[content.BAO]],
    )
    quarterly = task(
        content_area=area[0],
        code="1.2",
        title="Tổng hợp, báo cáo kết quả công tác thông tin đối ngoại hằng quý",
        recurrence=Recurrence.QUARTERLY,
        starts_on=assigned,
        due_days_after_period=10,
        lead_organisations=[org[content.SNGV], org[content.SVHTTDL], org[content.SCT]],
        indicator_code="PLAN_TASKS",
    )
    border = task(
        content_area=area[3],
        code="4.3",
        title="Tuyên truyền Hiệp định về Quy chế quản lý biên giới Việt Nam – Lào "
        "cho Nhân dân khu vực biên giới",
        due_date=t(20),
        lead_groups=[AssignmentGroup.COMMUNE_PCS],
        support_organisations=[_org(content.BDBP)],
    )
    training = task(
        content_area=area[2],
        code="3.1",
        title="Tổ chức tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ các sở, "
        "ngành, địa phương",
        due_date=t(-10),
        lead_organisations=[org[content.SNGV]],
        support_groups=[AssignmentGroup.DEPARTMENTS],
    )
    brochure = task(
        content_area=area[3],
        code="4.1",
        title="Biên soạn, phát hành ấn phẩm giới thiệu tiềm năng du lịch Mộc Châu "
        "bằng tiếng Việt, tiếng Anh và tiếng Lào",
        expected_output="2.000 cuốn ấn phẩm, bản điện tử trên Cổng thông tin",
        due_date=t(45),
        lead_organisations=[org[content.SVHTTDL]],
        support_organisations=[org[content.SNGV]],
    )
    portal = task(
        content_area=area[1],
        code="2.3",
        title="Cập nhật thông tin đối ngoại bằng tiếng Anh trên Cổng thông tin điện "
        "tử tỉnh",
        recurrence=Recurrence.MONTHLY,
        starts_on=assigned,
        due_days_after_period=5,
        lead_organisations=[org[content.SNGV]],
        indicator_code="PORTAL_ARTICLES",
    )
    rebut = task(
        content_area=area[4],
        code="5.1",
        title="Xây dựng quy chế phối hợp đấu tranh, phản bác thông tin sai lệch "
        "về tỉnh",
        due_date=t(-30),
        lead_organisations=[org[content.CAT]],
        support_organisations=[org[content.SNGV]],
    )
    services.plan_issue(plan, number=18, issued_on=assigned, user=officer)
    services.plan_start_execution(plan, user=officer)

    # Reports, dated around today.
    items = _items(press)
    _report(items[(content.SVHTTDL, 1)], officer, submitted=t(-62), accepted=t(-58))
    _report(items[(content.BAO, 1)], officer, submitted=t(-55), accepted=t(-53))
    for (name, _seq), item in sorted(
        _items(quarterly).items(), key=lambda kv: kv[1].due_date
    ):
        if item.due_date >= today:
            continue
        if name == content.SNGV:
            _report(
                item,
                officer,
                submitted=item.due_date - dt.timedelta(days=2),
                accepted=item.due_date,
            )
        elif name == content.SVHTTDL:
            late = item.due_date + dt.timedelta(days=3)
            if late < today:
                _report(item, officer, submitted=late, accepted=late)
        elif item.occurrence.sequence == 1:
            _report(
                item,
                officer,
                submitted=item.due_date - dt.timedelta(days=1),
                accepted=item.due_date,
            )
    for _key, item in sorted(_items(border).items())[:3]:
        _report(item, officer, submitted=t(-3), accepted=t(-1))
    van_ho = _items(border).get((content.XA_VAN_HO, 1))
    if van_ho is not None and van_ho.accepted_on is None:
        services.progress_report_submit(
            work_item=van_ho,
            user=users["daumoixa"],
            summary="Đã tổ chức 6 buổi tuyên truyền tại các bản giáp biên, 420 lượt "
            "người tham dự; đang tiếp tục.",
            figures=[("Buổi tuyên truyền", 6, "buổi"), ("Người tham dự", 420, "lượt")],
        )
    services.progress_report_submit(
        work_item=_items(training)[(content.SNGV, 1)],
        user=officer,
        summary="Đã tổ chức lớp tập huấn cho 85 cán bộ; gửi kèm báo cáo kết quả.",
        is_final=True,
        figures=[("Cán bộ được tập huấn", 85, "người")],
    )
    brochure_item = _items(brochure)[(content.SVHTTDL, 1)]
    _report(
        brochure_item,
        officer,
        submitted=t(-20),
        accepted=t(-18),
        final=False,
        summary="Đã hoàn thành bản thảo tiếng Việt; đang dịch sang tiếng Anh, "
        "tiếng Lào.",
    )
    returned = services.progress_report_submit(
        work_item=brochure_item,
        user=users["daumoi"],
        summary="Đã in xong ấn phẩm.",
        is_final=True,
    )
    services.progress_report_return(
        returned,
        user=officer,
        comment="Đề nghị gửi kèm bản điện tử và số lượng ấn phẩm đã phát hành.",
    )
    monthly = sorted(_items(portal).values(), key=lambda i: i.due_date)
    past = [i for i in monthly if i.due_date < today]
    for index, item in enumerate(past[:-1]):
        offset = 2 if index == 1 else -1
        _report(
            item,
            officer,
            submitted=item.due_date + dt.timedelta(days=offset),
            accepted=item.due_date + dt.timedelta(days=max(offset, 0) + 1),
        )
    _report(_items(rebut)[(content.CAT, 1)], officer, submitted=t(-31), accepted=t(-29))
    counter.add(1 + 7)
    return plan


# --- the steering committee -----------------------------------------------------
def ensure_person(counter, name, position, organisation) -> Person:
    person = Person.objects.filter(full_name=name, organisation=organisation).first()
    if person is None:
        person = directory_services.save_person(
            Person(
                full_name=name,
                position=position,
                organisation=organisation,
                notes=content.FICTIONAL_NOTE,
            )
        )
        counter.add()
    return person


def load_committee(counter: _Counter, users, today: dt.date) -> SteeringCommittee:
    data = content.COMMITTEE
    officer = users["chuyenvien"]
    committee = SteeringCommittee.objects.filter(name=data["name"]).first()
    if committee is None:
        committee = services.committee_save(
            SteeringCommittee(
                name=data["name"],
                decision=data["decision"],
                established_on=dt.date(*data["established_on"]),
                notes=content.DEMO_NOTE,
            ),
            user=officer,
        )
        counter.add()
    for name, role, position, organisation, portfolio, start, end in content.MEMBERS:
        home = _org(organisation)
        person = ensure_person(counter, name, position, home)
        if CommitteeMember.objects.filter(
            committee=committee, person=person, role=role, valid_from=dt.date(*start)
        ).exists():
            continue
        services.committee_add_member(
            committee,
            person=person,
            role=role,
            organisation=home,
            position=position,
            portfolio=portfolio,
            valid_from=dt.date(*start),
            valid_to=dt.date(*end) if end else None,
            user=officer,
        )
        counter.add()
    load_meetings(counter, committee, users, today)
    return committee


def _latest(month: int, day: int, today: dt.date) -> dt.date:
    found = dt.date(today.year, month, day)
    return found if found <= today else dt.date(today.year - 1, month, day)


def load_meetings(counter: _Counter, committee, users, today: dt.date) -> None:
    officer = users["chuyenvien"]
    head = CommitteeMember.objects.filter(
        committee=committee, role=CommitteeRole.HEAD, valid_to__isnull=True
    ).first()
    annual = _latest(1, 22, today)
    h1 = _latest(7, 6, today)
    regular = _latest(4, 15, today)
    meetings = [
        (
            MeetingKind.ANNUAL_REVIEW,
            f"Hội nghị tổng kết công tác thông tin đối ngoại năm {annual.year - 1}, "
            f"triển khai nhiệm vụ năm {annual.year}",
            annual,
            [
                "Hoàn thiện quy chế phối hợp đấu tranh, phản bác thông tin sai lệch.",
                "Đẩy mạnh thông tin đối ngoại bằng tiếng nước ngoài trên Cổng "
                "thông tin.",
            ],
        ),
        (
            MeetingKind.REGULAR,
            f"Phiên họp thường kỳ quý I năm {regular.year}",
            regular,
            ["Chuẩn bị nội dung thông tin phục vụ các đoàn khách quốc tế."],
        ),
        (
            MeetingKind.H1_REVIEW,
            f"Hội nghị sơ kết 6 tháng đầu năm {h1.year}, triển khai nhiệm vụ 6 tháng "
            f"cuối năm {h1.year}",
            h1,
            content.H1_CONCLUSIONS,
        ),
    ]
    for kind, title, held_on, conclusions in meetings:
        if held_on < committee.established_on:
            continue
        if Meeting.objects.filter(
            committee=committee, title=title, held_on=held_on
        ).exists():
            continue
        meeting = Meeting(
            committee=committee,
            kind=kind,
            title=title,
            held_on=held_on,
            location="Hội trường Ủy ban nhân dân tỉnh Sơn La",
            chair=head.person if head else None,
            agenda="Đánh giá kết quả; thảo luận hạn chế, nguyên nhân; thống nhất "
            "nhiệm vụ.",
            summary=(
                "Ban Chỉ đạo đánh giá kết quả thực hiện nhiệm vụ thông tin đối "
                "ngoại, chỉ ra hạn chế (thông tin, quảng bá hình ảnh còn ít; phối "
                "hợp, dự báo, xử lý thông tin còn chậm) và thống nhất các nhiệm vụ "
                "trọng tâm."
            ),
        )
        meeting.conclusions = [Conclusion(text=text) for text in conclusions]
        services.meeting_save(meeting, user=officer)
        counter.add()
        if kind == MeetingKind.H1_REVIEW:
            assigned = held_on + dt.timedelta(days=4)
            stored = list(meeting.conclusions.all())
            plan_next = stored[-1]
            services.conclusion_create_tasks(
                plan_next,
                [
                    services.TaskInput(
                        title="Xây dựng Kế hoạch thông tin đối ngoại năm "
                        f"{held_on.year + 1}",
                        due_date=max(today + dt.timedelta(days=35), assigned),
                        assigned_on=assigned,
                        lead_organisations=[_org(content.SNGV)],
                    )
                ],
                user=officer,
            )
            forecast = stored[4]
            [task] = services.conclusion_create_tasks(
                forecast,
                [
                    services.TaskInput(
                        title="Nâng cao công tác dự báo, nắm tình hình và xử lý "
                        "thông tin liên quan đến công tác đối ngoại",
                        due_date=max(today - dt.timedelta(days=5), assigned),
                        assigned_on=assigned,
                        lead_organisations=[_org(content.CAT), _org(content.BDBP)],
                    )
                ],
                user=officer,
            )
            item = _items(task)[(content.CAT, 1)]
            submitted = max(assigned, item.due_date - dt.timedelta(days=2))
            if submitted <= today:
                _report(
                    item,
                    officer,
                    submitted=submitted,
                    accepted=min(today, submitted + dt.timedelta(days=1)),
                )
            counter.add(2)


@transaction.atomic
def load_demo(stdout=None) -> int:
    """Create the planning demo; returns the number of objects created (0 on a
    second run)."""
    counter = _Counter()
    today = timezone.localdate()
    users = ensure_users()
    load_plan_51(counter, users["chuyenvien"])
    link_plan_51_document(counter, users["chuyenvien"])
    load_current_plan(counter, users, today)
    load_committee(counter, users, today)
    if stdout is not None and counter.changed:
        stdout.write(
            f"Kế hoạch, nhiệm vụ: {Plan.objects.count()} kế hoạch; "
            f"{Meeting.objects.count()} cuộc họp của Ban Chỉ đạo. Tài khoản trình "
            "diễn: chuyenvien (chuyên viên đối ngoại), daumoi (đầu mối Sở Văn hóa, "
            "Thể thao và Du lịch), daumoixa (đầu mối UBND xã Vân Hồ), bcd (thành "
            "viên Ban Chỉ đạo) — cùng mật khẩu trình diễn."
        )
    return counter.changed
