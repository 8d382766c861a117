"""The library demo: plan 51/KH-UBND is public with its file and linked from
the plan record; the decision is not public; a second run changes nothing."""

import io
from io import StringIO

from django.contrib.auth import get_user_model
from django.urls import reverse

import docx
import pytest

from ttdn.directory import services as directory_services
from ttdn.directory.demo.loader import load_demo as load_directory
from ttdn.documents.demo.loader import load_demo
from ttdn.documents.models import OfficialDocument
from ttdn.planning.demo.loader import load_demo as load_planning
from ttdn.planning.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    directory_services.load_reference_data(province_codes=["14"])
    load_directory()
    out = StringIO()
    changed = load_demo(stdout=out)
    load_planning()
    return changed, out.getvalue()


def test_a_newcomer_finds_plan_51_and_downloads_its_file(client, demo):
    changed, output = demo
    assert changed == 2
    assert "51/KH-UBND" in output
    response = client.get("/van-ban/", {"q": "51/KH-UBND"})
    [found] = response.context["page_obj"]
    assert (found.number, found.issued_on.isoformat(), found.issuer.name) == (
        "51/KH-UBND",
        "2017-03-27",
        "Ủy ban nhân dân tỉnh Sơn La",
    )
    # Found by the words of its file as well (without diacritics).
    response = client.get("/van-ban/", {"q": "khu du lich quoc gia moc chau"})
    assert list(response.context["page_obj"]) == [found]
    detail = client.get(f"/van-ban/{found.pk}/").content.decode()
    row = found.files.get()
    assert f"/van-ban/{found.pk}/tep/{row.pk}/" in detail
    download = client.get(f"/van-ban/{found.pk}/tep/{row.pk}/")
    text = "\n".join(
        p.text
        for p in docx.Document(
            io.BytesIO(b"".join(download.streaming_content))
        ).paragraphs
    )
    assert "Số: 51/KH-UBND" in text
    assert "Sơn La, ngày 27 tháng 03 năm 2017" in text


def test_the_plan_record_points_at_its_document(demo):
    plan = Plan.objects.get(code="KH-UBND", number=51)
    assert plan.issuing_document.number == "51/KH-UBND"


def test_the_decision_is_not_public(client, demo):
    decision = OfficialDocument.objects.get(number="125/QĐ-UBND")
    assert decision.is_public is False
    assert client.get(f"/van-ban/{decision.pk}/").status_code == 404


def test_a_second_run_changes_nothing(demo):
    assert load_demo() == 0
    assert OfficialDocument.objects.count() == 2


def test_the_plan_page_links_its_library_entry(client, demo):
    plan = Plan.objects.get(code="KH-UBND", number=51)
    client.force_login(get_user_model().objects.get(username="chuyenvien"))
    html = client.get(
        reverse("planning_plans:inspect", args=[plan.pk])
    ).content.decode()
    entry = reverse("official_documents:inspect", args=[plan.issuing_document_id])
    assert f'<a href="{entry}">51/KH-UBND' in html
