"""`manage.py delegation_stats`: counts, JSON, narrative, clear errors."""

import datetime as dt
import json
import subprocess
import sys

from django.conf import settings
from django.core.management import CommandError, call_command

import pytest

from ttdn.affairs.choices import DelegationStatus, Direction
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.directory.tests.factories import CountryAliasFactory, CountryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(laos):
    china = CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        name_en="China",
    )
    CountryAliasFactory(country=laos, name="CHDCND Lào")
    for day, persons, direction, countries in [
        (dt.date(2016, 1, 10), 10, Direction.INCOMING, [laos]),
        (dt.date(2016, 4, 10), 3, Direction.INCOMING, [china]),
        (dt.date(2016, 9, 10), 6, Direction.OUTGOING, [laos]),
        (dt.date(2017, 1, 10), 50, Direction.INCOMING, [laos]),
    ]:
        DelegationFactory(
            direction=direction,
            status=DelegationStatus.CLOSED,
            start_date=day,
            end_date=day,
            declared_person_count=persons,
            person_count=persons,
            countries=countries,
        )


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("delegation_stats", *args, stdout=out)
    return out.getvalue()


def test_json_with_country(register):
    output = run(
        "--from", "2016-01-01", "--to", "2016-12-31", "--country", "LA", "--json"
    )
    assert json.loads(output) == {
        "incoming": {
            "delegations": 2,
            "persons": 13,
            "of_which": {"LA": {"delegations": 1, "persons": 10}},
        },
        "outgoing": {
            "delegations": 1,
            "persons": 6,
            "of_which": {"LA": {"delegations": 1, "persons": 6}},
        },
    }


def test_json_without_country(register):
    output = run("--from", "2016-01-01", "--to", "2016-12-31", "--json")
    assert json.loads(output) == {
        "incoming": {"delegations": 2, "persons": 13},
        "outgoing": {"delegations": 1, "persons": 6},
    }


@pytest.mark.parametrize("name", ["Lào", "CHDCND Lào", "lao", "LAO", "la"])
def test_country_by_vietnamese_name_or_code(register, name):
    output = run(
        "--from", "2016-01-01", "--to", "2016-12-31", "--country", name, "--json"
    )
    assert list(json.loads(output)["incoming"]["of_which"]) == ["LA"]


def test_text(register):
    assert run("--from", "01/01/2016", "--to", "31/12/2016", "--country", "LA") == (
        "Period: 01/01/2016 – 31/12/2016\n"
        "Incoming: 2 delegations, 13 person-visits; of which LA (Lào): 1 delegations, "
        "10 person-visits\n"
        "Outgoing: 1 delegations, 6 person-visits; of which LA (Lào): 1 delegations, "
        "6 person-visits\n"
    )


def test_narrative(register):
    output = run(
        "--from", "2016-01-01", "--to", "2016-12-31", "--country", "LA", "--narrative"
    )
    assert output.startswith(
        "Trong năm 2016, tỉnh đã tổ chức đón tiếp và làm việc với 2 đoàn khách, 13 "
        "lượt người, trong đó tiếp đón và làm việc với 1 đoàn, 10 lượt người đến từ "
        "nước CHDCND Lào."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "2016-13-01", "--to", "2016-12-31"],
            "--from: “2016-13-01” is not a date",
        ),
        (["--from", "2016-01-01", "--to", "hôm qua"], "--to: “hôm qua” is not a date"),
        (["--from", "2016-12-31", "--to", "2016-01-01"], "--to: 2016-01-01 is before"),
        (
            [
                "--from",
                "2016-01-01",
                "--to",
                "2016-12-31",
                "--country",
                "Xứ Sở Thần Tiên",
            ],
            "--country: “Xứ Sở Thần Tiên” is not a known country",
        ),
    ],
)
def test_errors(register, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert str(error.value).startswith(message)


def test_exit_code_is_1_on_error():
    env = {"DJANGO_SETTINGS_MODULE": "ttdn.settings.test", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "delegation_stats",
            "--from",
            "2016-99-01",
            "--to",
            "2016-12-31",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "--from: “2016-99-01” is not a date" in result.stderr
