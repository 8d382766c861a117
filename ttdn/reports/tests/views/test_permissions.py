"""The permission matrix of every reports admin view: anonymous, logged in
without a role, focal point, foreign-affairs officer, steering-committee member,
administrator."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from ttdn.core.indicators import Period
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.tests.factories import make_tasks_in_every_status

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = 200, "denied", "login"
READERS = {"focal": DENIED, "officer": OK, "steering": OK, "admin": OK}

PAGES = [
    ("reports_dashboard:index", ()),
    ("reports_dashboard:csv", ("units",)),
    ("reports_dashboard:csv", ("trend",)),
    ("reports_indicators:index", ()),
    ("reports_indicators:xlsx", ()),
    ("reports_indicators:detail", ("PLAN_TASKS",)),
    ("reports_task_status:index", ()),
    ("reports_task_status:xlsx", ()),
]

REPORT_ACTIONS = (
    "index",
    "add",
    "edit",
    "inspect",
    "delete",
    "history",
    "docx",
    "xlsx",
    "issue",
)
REPORT_MATRIX = {
    "focal": (DENIED,) * 9,
    "officer": (OK,) * 9,
    "steering": (OK, DENIED, DENIED, OK, DENIED, DENIED, OK, OK, DENIED),
    "admin": (OK,) * 9,
}


@pytest.fixture
def report(world):
    make_tasks_in_every_status(world)
    today = timezone.localdate()
    return services.report_create(
        kind=ReportKind.TASK_STATUS,
        period=Period(dt.date(today.year, 1, 1), today),
        issuing_organisation=world.sngv,
    )


def users(world):
    return {
        "anonymous": None,
        "no_role": world.no_role,
        "focal": world.focal,
        "officer": world.officer,
        "steering": world.steering,
        "admin": world.admin,
    }


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
        return f"302 {location}"
    return response.status_code


PAGE_CASES = [
    (name, args, role, expected)
    for name, args in PAGES
    for role, expected in {**READERS, "anonymous": LOGIN, "no_role": LOGIN}.items()
]


@pytest.mark.parametrize(("name", "args", "role", "expected"), PAGE_CASES)
def test_pages(client, world, report, name, args, role, expected):
    user = users(world)[role]
    if user is not None:
        client.force_login(user)
    assert outcome(client.get(reverse(name, args=args))) == expected


REPORT_CASES = [
    (role, action, expected)
    for role, outcomes in REPORT_MATRIX.items()
    for action, expected in zip(REPORT_ACTIONS, outcomes, strict=True)
] + [
    (role, action, LOGIN)
    for role in ("anonymous", "no_role")
    for action in REPORT_ACTIONS
]


@pytest.mark.parametrize(("role", "action", "expected"), REPORT_CASES)
def test_report_views(client, world, report, role, action, expected):
    user = users(world)[role]
    if user is not None:
        client.force_login(user)
    if action in ("index", "add"):
        url = reverse(f"reports_reports:{action}")
    else:
        url = reverse(f"reports_reports:{action}", args=[report.pk])
    assert outcome(client.get(url)) == expected


def test_an_issued_report_is_not_edited_again(client, world, report):
    report.signer_name = "Nguyễn Văn Thử"
    services.report_save(report, user=world.officer)
    services.report_issue(report, user=world.officer)
    client.force_login(world.officer)
    for action in ("edit", "issue"):
        response = client.get(reverse(f"reports_reports:{action}", args=[report.pk]))
        assert response.status_code == 302
    response = client.get(reverse("reports_reports:docx", args=[report.pk]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{services.download_name(report)}"'
    )
    report.refresh_from_db()
    with open(report.file.path, "rb") as handle:
        assert response.content == handle.read()
