"""Planning test data: a small province after the 2025 reorganisation (two
departments, two commune-level People's Committees, one ended district People's
Committee) and helpers that create plans and tasks through the services."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.core import workflow
from ttdn.directory import services as directory_services
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.tests.factories import (
    END_2025,
    START_2025,
    CommuneFactory,
    DistrictFactory,
    OrganisationFactory,
    PersonFactory,
    ProvinceFactory,
)
from ttdn.planning import services
from ttdn.planning.choices import PlanTerm

TODAY = dt.date(2026, 3, 10)


@dataclass
class World:
    province: object
    ubnd: object
    sngv: object
    svh: object
    commune_a: object
    commune_b: object
    district_pc: object
    officer: object
    focal: object
    other_focal: object
    steering: object
    admin: object
    no_role: object


def make_world() -> World:
    province = ProvinceFactory(name="Tỉnh Thử Nghiệm", code="98")
    district = DistrictFactory(parent=province, name="Huyện Cũ")
    unit_a = CommuneFactory(parent=province, name="Xã Bình An")
    unit_b = CommuneFactory(parent=province, name="Phường Hòa Bình")
    ubnd = OrganisationFactory(
        name="Ủy ban nhân dân tỉnh Thử Nghiệm",
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        short_code="UBND",
        administrative_unit=province,
    )
    sngv = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Thử Nghiệm",
        kind=OrganisationKind.DEPARTMENT,
        short_code="SNgV",
        administrative_unit=province,
        parent=ubnd,
        email="songoaivu@example.org",
    )
    svh = OrganisationFactory(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm",
        kind=OrganisationKind.DEPARTMENT,
        short_code="SVHTTDL",
        administrative_unit=province,
        parent=ubnd,
        email="sovanhoa@example.org",
    )
    commune_a = OrganisationFactory(
        name="Ủy ban nhân dân xã Bình An",
        kind=OrganisationKind.COMMUNE_PC,
        short_code="UBND",
        administrative_unit=unit_a,
        parent=ubnd,
        valid_from=START_2025,
        email="binhan@example.org",
    )
    commune_b = OrganisationFactory(
        name="Ủy ban nhân dân phường Hòa Bình",
        kind=OrganisationKind.COMMUNE_PC,
        short_code="UBND",
        administrative_unit=unit_b,
        parent=ubnd,
        valid_from=START_2025,
    )
    district_pc = OrganisationFactory(
        name="Ủy ban nhân dân huyện Cũ",
        kind=OrganisationKind.DISTRICT_PC,
        short_code="UBND",
        administrative_unit=district,
        parent=ubnd,
        valid_to=END_2025,
        successors=[commune_a, commune_b],
    )
    directory_services.update_directory_settings(
        province=province, foreign_affairs_body=sngv
    )
    return World(
        province=province,
        ubnd=ubnd,
        sngv=sngv,
        svh=svh,
        commune_a=commune_a,
        commune_b=commune_b,
        district_pc=district_pc,
        officer=UserFactory(
            username="chuyenvien",
            roles=[roles.FOREIGN_AFFAIRS_OFFICER],
            organisation=sngv,
            email="chuyenvien@example.org",
        ),
        focal=UserFactory(
            username="daumoi",
            roles=[roles.FOCAL_POINT],
            organisation=svh,
            email="daumoi.svh@example.org",
        ),
        other_focal=UserFactory(
            username="daumoikhac",
            roles=[roles.FOCAL_POINT],
            organisation=commune_a,
            email="daumoi.binhan@example.org",
        ),
        steering=UserFactory(username="bancd", roles=[roles.STEERING_MEMBER]),
        admin=UserFactory(username="quantri", roles=[roles.ADMINISTRATOR]),
        no_role=UserFactory(username="khongvaitro"),
    )


def make_plan(
    world: World,
    *,
    year=2026,
    code="KH-UBND",
    title=None,
    areas=("Cung cấp thông tin",),
    user=None,
):
    return services.plan_create(
        title=title or f"Kế hoạch thông tin đối ngoại năm {year}",
        term=PlanTerm.ANNUAL,
        start_year=year,
        end_year=year,
        code=code,
        issuer=world.ubnd,
        purpose="Nâng cao hiệu quả công tác thông tin đối ngoại.",
        content_areas=list(areas),
        user=user or world.officer,
    )


def make_task(world: World, plan, *, user=None, **overrides):
    data = services.TaskInput(
        title=overrides.pop("title", "Biên soạn ấn phẩm giới thiệu tỉnh"),
        plan=plan,
        due_date=overrides.pop("due_date", dt.date(2026, 6, 30)),
        assigned_on=overrides.pop("assigned_on", dt.date(2026, 1, 15)),
        lead_organisations=overrides.pop("lead_organisations", [world.svh]),
        **overrides,
    )
    return services.task_save(data, user=user or world.officer)


def officer_of_the_tests():
    """The foreign-affairs officer of ``make_world`` (who acts unless a test says)."""
    return get_user_model().objects.get(username="chuyenvien")


def issue(plan, *, number=1, issued_on=dt.date(2026, 1, 10), user=None):
    return services.plan_issue(
        plan, number=number, issued_on=issued_on, user=user or officer_of_the_tests()
    )


def history(record) -> list[tuple]:
    """(from, to, comment) of each entry of a record's workflow history."""
    return list(
        workflow.history(record).values_list("from_state", "to_state", "comment")
    )


def person(name="Nguyễn Văn Thử", organisation=None):
    return PersonFactory(full_name=name, organisation=organisation)
