"""The planning demo: loaded through the services, with work in every status,
the steering committee and its meetings; a second run changes nothing."""

from io import StringIO

from django.utils import timezone

import pytest

from ttdn.directory import services as directory_services
from ttdn.directory.demo.loader import load_demo as load_directory
from ttdn.planning import selectors
from ttdn.planning.choices import MeetingKind, PlanStatus, WorkStatus
from ttdn.planning.demo.loader import load_demo
from ttdn.planning.models import Meeting, Plan, ProgressReport, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    directory_services.load_reference_data(province_codes=["14"])
    load_directory()
    out = StringIO()
    changed = load_demo(stdout=out)
    return changed, out.getvalue()


def test_the_demo_has_plans_with_work_in_every_status(demo):
    changed, output = demo
    assert changed > 0
    assert "daumoixa" in output
    plans = {p.document_number: p for p in Plan.objects.all()}
    assert plans["51/KH-UBND"].status == PlanStatus.CLOSED
    assert plans["18/KH-UBND"].status == PlanStatus.IN_EXECUTION
    statuses = selectors.status_counts(selectors.work_items_on(timezone.localdate()))
    assert all(statuses[s] > 0 for s in WorkStatus)
    # 2017: "UBND các huyện" were the district People's Committees of the time.
    historic = Task.objects.get(code="III.3", plan=plans["51/KH-UBND"])
    assert sorted(
        a.organisation.name for a in historic.assignments.filter(role="lead")
    ) == [
        "Ủy ban nhân dân huyện Mộc Châu",
        "Ủy ban nhân dân huyện Vân Hồ",
    ]
    assert {r.status for r in ProgressReport.objects.all()} == {
        "submitted",
        "accepted",
        "returned",
    }


def test_the_steering_committee_meets_and_its_conclusions_become_tasks(demo):
    review = Meeting.objects.get(kind=MeetingKind.H1_REVIEW)
    assert review.conclusions.count() == 6
    assert Task.objects.filter(source_conclusion__meeting=review).count() == 2
    committee = review.committee
    members = selectors.members_on(committee, timezone.localdate())
    assert [m.role for m in members][:3] == ["head", "standing_deputy", "deputy"]
    assert committee.members.filter(valid_to__isnull=False).count() == 1


def test_a_second_run_changes_nothing(demo):
    counts = (
        Plan.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
    )
    assert load_demo() == 0
    assert (
        Plan.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
    ) == counts
