import json
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from ttdn.directory.models import AdministrativeUnit, Country

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("load_reference_data", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_province_as_json_then_nothing_to_do():
    out, _err = run("--province", "14", "--json")
    report = json.loads(out)
    assert report["units"] == {
        "created": 34 + 75 + 3,
        "updated": 0,
        "unchanged": 0,
        "successor_links_added": 14,
    }
    assert report["countries"]["created"] == 249
    assert report["warnings"] == []
    assert (
        AdministrativeUnit.objects.filter(parent__code="14", valid_to=None).count()
        == 75
    )
    out, _err = run("--province", "14", "--skip-countries")
    assert out.splitlines() == [
        "units: created 0, updated 0, unchanged 112, successor_links_added 0",
        "Reference data already up to date; nothing changed.",
    ]


def test_skip_everything_and_bad_codes():
    out, _err = run("--skip-units", "--skip-countries")
    assert out.strip() == "Reference data already up to date; nothing changed."
    with pytest.raises(CommandError, match="--province"):
        run("--province", "Sơn La")
    assert not AdministrativeUnit.objects.exists()
    assert not Country.objects.exists()
