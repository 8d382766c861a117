"""The audit trail view: changed fields, filters, export, per-organisation
scope; entries cannot be edited or deleted from the admin (issue 11, step 4)."""

import csv
import io

from django.urls import get_resolver

from wagtail.models import ModelLogEntry

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs.tests.factories import DelegationFactory
from ttdn.core import audit
from ttdn.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    org_a = OrganisationFactory(name="Sở Công Thương", short_code="SCT")
    org_b = OrganisationFactory(name="Sở Y tế", short_code="SYT")
    actor = UserFactory(username="cv", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    own = DelegationFactory(organisation=org_b, title="Đoàn Y tế Nhật Bản")
    other = DelegationFactory(organisation=org_a, title="Đoàn Thương mại Kín")
    audit.log_edit(own, user=actor, fields=["title", "purpose"])
    audit.log_edit(other, user=actor, fields=["title"])
    viewer = UserFactory(username="dm", roles=[roles.FOCAL_POINT], organisation=org_b)
    return {"viewer": viewer, "actor": actor}


def _csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_officer_sees_changed_fields_in_words(client, world):
    client.force_login(world["actor"])
    page = client.get("/admin/audit/").content.decode()
    assert "Đoàn Y tế Nhật Bản" in page and "Đoàn Thương mại Kín" in page
    assert "tên đoàn, mục đích" in page.lower() or "mục đích" in page


def test_focal_point_sees_own_organisation_only_and_export_is_logged(client, world):
    client.force_login(world["viewer"])
    rows = _csv(client.get("/admin/audit/?export=csv"))
    labels = [row[1] for row in rows[1:]]
    assert "Đoàn Y tế Nhật Bản" in labels
    assert "Đoàn Thương mại Kín" not in labels
    assert rows[0][-1] == "Trường đã thay đổi"
    export = ModelLogEntry.objects.get(action="ttdn.export")
    assert export.user_id == world["viewer"].pk
    assert export.data["format"] == "csv"


def test_filter_by_user(client, world, superuser):
    audit.log_edit(world["viewer"], user=superuser, fields=["email"])
    client.force_login(superuser)
    rows = _csv(client.get(f"/admin/audit/?export=csv&user={world['actor'].pk}"))
    assert {"Đoàn Y tế Nhật Bản", "Đoàn Thương mại Kín"} <= {r[1] for r in rows[1:]}
    assert {row[4] for row in rows[1:]} == {world["actor"].get_full_name()}


def test_no_admin_url_edits_or_deletes_log_entries():
    names = [
        str(pattern.pattern)
        for pattern in get_resolver().url_patterns
        for pattern in getattr(pattern, "url_patterns", [pattern])
    ]
    assert not [n for n in names if "logentry" in n.lower()]
    assert not [n for n in names if n.startswith("audit/") and "delete" in n]


def test_audit_trail_refuses_post(client, world, superuser):
    client.force_login(superuser)
    count = ModelLogEntry.objects.count()
    response = client.post("/admin/audit/", {"action": "delete"})
    assert response.status_code == 405
    assert ModelLogEntry.objects.count() == count
