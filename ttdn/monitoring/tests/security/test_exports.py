"""Exports of the monitoring listings with empty optional relations (issue 11,
defect 4: an incident without an organisation broke the export)."""

import csv
import io

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from ttdn.monitoring.tests.factories import IncidentFactory, SourceFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/admin/monitoring/incidents/",
    "/admin/monitoring/sources/",
    "/admin/monitoring/items/",
]


def test_incident_without_organisation_exports_as_xlsx(client, users):
    IncidentFactory(title="Tin đồn về lũ quét", organisation=None)
    client.force_login(users["officer"])
    response = client.get("/admin/monitoring/incidents/?export=xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == "Tin đồn về lũ quét"
    assert rows[1][2] in (None, "")


def test_incident_without_organisation_exports_as_csv(client, users):
    IncidentFactory(title="Tin đồn về lũ quét", organisation=None)
    IncidentFactory(title="Bài viết sai sự thật", organisation=None)
    client.force_login(users["officer"])
    response = client.get("/admin/monitoring/incidents/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3
    entry = ModelLogEntry.objects.get(action="ttdn.export")
    assert (entry.user_id, entry.data["model"], entry.data["rows"]) == (
        users["officer"].pk,
        "monitoring.incident",
        2,
    )
    assert sorted(r[0] for r in rows[1:]) == [
        "Bài viết sai sự thật",
        "Tin đồn về lũ quét",
    ]


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_every_listing_exports_with_empty_relations(client, users, url, export):
    IncidentFactory(organisation=None)
    SourceFactory()
    client.force_login(users["officer"])
    response = client.get(f"{url}?export={export}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert len(body) > 0
