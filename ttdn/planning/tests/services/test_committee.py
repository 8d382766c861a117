"""The steering committee over time, its meetings, and conclusions that become
tasks."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from ttdn.planning import selectors, services
from ttdn.planning.choices import CommitteeRole, MeetingKind
from ttdn.planning.models import Conclusion, Meeting, SteeringCommittee, Task
from ttdn.planning.tests.factories import make_plan, officer_of_the_tests, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(world):
    return services.committee_save(
        SteeringCommittee(
            name="Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Thử Nghiệm",
            established_on=dt.date(2025, 8, 5),
        ),
        user=world.officer,
    )


def test_members_change_over_time(world, committee):
    head_a = person("Trưởng Ban Cũ")
    head_b = person("Trưởng Ban Mới")
    services.committee_add_member(
        committee,
        person=head_a,
        role=CommitteeRole.HEAD,
        valid_from=dt.date(2025, 8, 5),
        valid_to=dt.date(2026, 2, 28),
        user=world.officer,
    )
    services.committee_add_member(
        committee,
        person=head_b,
        role=CommitteeRole.HEAD,
        valid_from=dt.date(2026, 3, 1),
        user=world.officer,
    )
    services.committee_add_member(
        committee,
        person=person("Phó Ban Thường trực"),
        role=CommitteeRole.STANDING_DEPUTY,
        organisation=world.ubnd,
        portfolio="Điều hành chung",
        valid_from=dt.date(2025, 8, 5),
        user=world.officer,
    )

    on_feb = selectors.members_on(committee, dt.date(2026, 2, 1))
    on_mar = selectors.members_on(committee, dt.date(2026, 3, 1))
    assert [(m.person.full_name, m.role) for m in on_feb] == [
        ("Trưởng Ban Cũ", "head"),
        ("Phó Ban Thường trực", "standing_deputy"),
    ]
    assert [m.person.full_name for m in on_mar] == [
        "Trưởng Ban Mới",
        "Phó Ban Thường trực",
    ]


def test_two_heads_at_the_same_time_are_refused(world, committee):
    services.committee_add_member(
        committee,
        person=person("Trưởng Ban Một"),
        role=CommitteeRole.HEAD,
        valid_from=dt.date(2025, 8, 5),
        user=world.officer,
    )
    with pytest.raises(ValidationError) as caught:
        services.committee_add_member(
            committee,
            person=person("Trưởng Ban Hai"),
            role=CommitteeRole.HEAD,
            valid_from=dt.date(2026, 1, 1),
            user=world.officer,
        )
    assert caught.value.message_dict["members"] == [
        "Thành viên: Trưởng Ban Một và Trưởng Ban Hai cùng là trưởng ban trong cùng "
        "thời gian; Ban Chỉ đạo chỉ có một."
    ]
    assert committee.members.count() == 1


def _meeting(committee, **kwargs):
    meeting = Meeting(
        committee=committee,
        kind=MeetingKind.H1_REVIEW,
        title="Hội nghị sơ kết 6 tháng đầu năm 2026",
        held_on=dt.date(2026, 7, 6),
        **kwargs,
    )
    meeting.conclusions = [
        Conclusion(text="Chuẩn bị xây dựng Kế hoạch thông tin đối ngoại năm 2027."),
        Conclusion(text="Nâng cao công tác dự báo, nắm tình hình."),
    ]
    return services.meeting_save(meeting, user=officer_of_the_tests())


def test_a_conclusion_becomes_tasks(world, committee):
    meeting = _meeting(committee)
    conclusion = meeting.conclusions.first()

    tasks = services.conclusion_create_tasks(
        conclusion,
        [
            services.TaskInput(
                title="Xây dựng Kế hoạch TTĐN năm 2027",
                due_date=dt.date(2026, 11, 30),
                assigned_on=dt.date(2026, 7, 10),
                lead_organisations=[world.sngv],
            )
        ],
        user=world.officer,
    )

    [task] = tasks
    assert task.source_conclusion == conclusion
    assert task.plan is None
    assert task.description == conclusion.text
    # A conclusion that became tasks stays, and so does its meeting.
    meeting.conclusions = [
        c for c in meeting.conclusions.all() if c.pk != conclusion.pk
    ]
    with pytest.raises(ValidationError) as caught:
        services.meeting_save(meeting, user=world.officer)
    assert list(caught.value.message_dict) == ["conclusions"]
    with pytest.raises(ValidationError):
        services.meeting_delete(Meeting.objects.get(pk=meeting.pk), user=world.officer)
    assert Conclusion.objects.filter(meeting=meeting).count() == 2


def test_a_meeting_is_held_while_the_committee_exists(world, committee):
    meeting = Meeting(
        committee=committee,
        kind=MeetingKind.REGULAR,
        title="Họp trước khi thành lập",
        held_on=dt.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        services.meeting_save(meeting, user=world.officer)
    assert list(caught.value.message_dict) == ["held_on"]
    assert Meeting.objects.count() == 0


def test_conclusion_tasks_need_a_lead(world, committee):
    meeting = _meeting(committee)
    with pytest.raises(ValidationError):
        services.conclusion_create_tasks(
            meeting.conclusions.first(),
            [
                services.TaskInput(
                    title="Không ai chủ trì", due_date=dt.date(2026, 12, 1)
                )
            ],
            user=world.officer,
        )
    assert Task.objects.count() == 0
    assert make_plan(world).tasks.count() == 0
