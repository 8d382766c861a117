"""Admin screens: forms validate through the rules and save through the services,
listings search without diacritics and filter, inspect views show the
reorganisation, exports, choosers, settings."""

import datetime as dt
import io

from django.urls import reverse

from wagtail.models import ModelLogEntry, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from openpyxl import load_workbook

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory.choices import OrganisationKind
from ttdn.directory.models import (
    AdministrativeUnit,
    Country,
    CountryAlias,
    Organisation,
    OrganisationSuccession,
)
from ttdn.directory.selectors import foreign_affairs_body, serving_province
from ttdn.directory.tests.factories import (
    END_2025,
    START_2025,
    CommuneFactory,
    CountryAliasFactory,
    CountryFactory,
    DistrictFactory,
    OrganisationFactory,
    PersonFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = UserFactory(username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER])
    client.force_login(user)
    return user


@pytest.fixture
def administrator(client):
    user = UserFactory(username="quantri", roles=[roles.ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.fixture
def son_la():
    return ProvinceFactory(code="14", name="Tỉnh Sơn La", name_en="Son La Province")


def organisation_form(**overrides):
    successors = overrides.pop("successors", [])
    data = {
        "name": "Sở Thông tin và Truyền thông tỉnh Sơn La",
        "name_en": "",
        "kind": OrganisationKind.DEPARTMENT,
        "short_code": "STTTT",
        "parent": "",
        "administrative_unit": "",
        "address": "",
        "phone": "",
        "fax": "",
        "email": "",
        "website": "",
        "notes": "",
        "valid_from": "",
        "valid_to": "",
        "succession_links": inline_formset(
            [{"successor": s.pk, "id": ""} for s in successors]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def errors_in(response) -> str:
    return response.content.decode()


def test_officer_creates_an_ended_organisation_with_its_successor(
    client, officer, son_la
):
    successor = OrganisationFactory(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", valid_from=START_2025
    )
    response = client.post(
        reverse("directory_organisations:add"),
        organisation_form(
            administrative_unit=son_la.pk,
            valid_to="2025-06-30",
            successors=[successor],
        ),
    )
    assert response.status_code == 302, errors_in(response)[:3000]
    created = Organisation.objects.get(short_code="STTTT")
    assert created.valid_to == END_2025
    assert list(created.successors.all()) == [successor]
    assert created.search_text.startswith("so thong tin va truyen thong")
    entry = ModelLogEntry.objects.get(object_id=str(created.pk))
    assert (entry.action, entry.user) == ("wagtail.create", officer)


def test_dates_are_read_day_first(client, officer):
    response = client.post(
        reverse("directory_organisations:add"),
        organisation_form(valid_from="01/07/2025", valid_to="31/12/2025"),
    )
    assert response.status_code == 302, errors_in(response)[:3000]
    created = Organisation.objects.get(short_code="STTTT")
    assert (created.valid_from, created.valid_to) == (
        dt.date(2025, 7, 1),
        dt.date(2025, 12, 31),
    )
    index = reverse("directory_organisations:index")
    listed = client.get(index, {"on": "02/07/2025"}).context["object_list"]
    assert list(listed) == [created]
    assert list(client.get(index, {"on": "30/06/2025"}).context["object_list"]) == []


def test_successor_rules_are_shown_on_the_form_and_nothing_is_saved(client, officer):
    successor = OrganisationFactory(name="Sở Mới", valid_from=dt.date(2025, 6, 1))
    response = client.post(
        reverse("directory_organisations:add"),
        organisation_form(
            valid_from="2026-01-01", valid_to="2025-06-30", successors=[successor]
        ),
    )
    assert response.status_code == 200
    html = errors_in(response)
    assert (
        "Hiệu lực đến ngày: ngày cuối (30/06/2025) trước ngày đầu (01/01/2026)." in html
    )
    assert (
        "Đơn vị kế thừa: “Sở Mới” có hiệu lực từ ngày 01/06/2025, nhưng mục này còn "
        "hiệu lực đến ngày 30/06/2025; đơn vị kế thừa phải bắt đầu sau khi đơn vị "
        "tiền thân hết hiệu lực." in html
    )
    assert Organisation.objects.count() == 1
    assert not OrganisationSuccession.objects.exists()


def test_successor_listed_twice_and_missing_end(client, officer):
    successor = OrganisationFactory(name="Sở Sau")
    response = client.post(
        reverse("directory_organisations:add"),
        organisation_form(successors=[successor, successor]),
    )
    html = errors_in(response)
    assert "Đơn vị kế thừa: “Sở Sau” được chọn hai lần." in html
    assert (
        "Hiệu lực đến ngày: mục đã có đơn vị kế thừa là đã hết hiệu lực; hãy nhập "
        "ngày cuối cùng có hiệu lực." in html
    )
    assert Organisation.objects.count() == 1


def test_editing_keeps_existing_successor_links(client, officer):
    successor = OrganisationFactory(name="Sở Sau")
    organisation = OrganisationFactory(
        name="Sở Trước", valid_to=END_2025, successors=[successor]
    )
    link = OrganisationSuccession.objects.get()
    data = organisation_form(name="Sở Trước (đổi tên)", valid_to="2025-06-30")
    data.update(
        {
            "succession_links-TOTAL_FORMS": "1",
            "succession_links-INITIAL_FORMS": "1",
            "succession_links-0-id": str(link.pk),
            "succession_links-0-successor": str(successor.pk),
        }
    )
    response = client.post(
        reverse("directory_organisations:edit", args=[organisation.pk]), data
    )
    assert response.status_code == 302, errors_in(response)[:3000]
    organisation.refresh_from_db()
    assert organisation.name == "Sở Trước (đổi tên)"
    assert list(OrganisationSuccession.objects.values_list("pk", flat=True)) == [
        link.pk
    ]


def unit_form(**overrides):
    border_countries = overrides.pop("border_countries", [])
    data = {
        "code": "04999",
        "kind": "commune",
        "name": "Xã Mới",
        "name_en": "",
        "parent": "",
        "is_border": "",
        "valid_from": "2025-07-01",
        "valid_to": "",
        "succession_links": inline_formset([]),
    }
    data.update(overrides)
    return {**nested_form_data(data), "border_countries": border_countries}


def test_administrator_unit_form_enforces_the_parent_and_border_rules(
    client, administrator, son_la
):
    laos = CountryFactory()
    response = client.post(
        reverse("directory_units:add"), unit_form(border_countries=[laos.pk])
    )
    html = errors_in(response)
    assert response.status_code == 200
    assert (
        "Trực thuộc: hãy chọn tỉnh (với đơn vị trước 01/7/2025 có thể là huyện) mà "
        "đơn vị này trực thuộc." in html
    )
    assert "Giáp biên giới với: hãy đánh dấu cả “đơn vị biên giới”" in html
    assert not AdministrativeUnit.objects.filter(code="04999").exists()

    response = client.post(
        reverse("directory_units:add"),
        unit_form(parent=son_la.pk, is_border="on", border_countries=[laos.pk]),
    )
    assert response.status_code == 302, errors_in(response)[:3000]
    unit = AdministrativeUnit.objects.get(code="04999")
    assert unit.parent == son_la and unit.is_border
    assert list(unit.border_countries.all()) == [laos]


def test_country_alias_of_another_country_is_refused_on_the_form(client, administrator):
    laos = CountryFactory()
    CountryAliasFactory(country=laos, name="CHDCND Lào")
    china = CountryFactory(
        alpha_2="CN",
        alpha_3="CHN",
        numeric="156",
        name_vi="Trung Quốc",
        official_name_vi="",
        name_en="China",
        official_name_en="",
    )
    data = nested_form_data(
        {
            "alpha_2": "CN",
            "alpha_3": "CHN",
            "numeric": "156",
            "name_vi": "Trung Quốc",
            "official_name_vi": "",
            "name_en": "China",
            "official_name_en": "",
            "aliases": inline_formset([{"name": "Chdcnd Lao", "id": ""}]),
        }
    )
    response = client.post(reverse("directory_countries:edit", args=[china.pk]), data)
    assert response.status_code == 200
    assert "Tên gọi khác: “Chdcnd Lao” đã dùng để chỉ Lào." in errors_in(response)
    assert CountryAlias.objects.count() == 1

    data["aliases-0-name"] = "Trung Hoa"
    response = client.post(reverse("directory_countries:edit", args=[china.pk]), data)
    assert response.status_code == 302
    assert list(china.aliases.values_list("name", flat=True)) == ["Trung Hoa"]
    assert "trung hoa" in Country.objects.get(pk=china.pk).search_text


def test_listing_searches_without_diacritics_and_filters(client, officer, son_la):
    van_ho = CommuneFactory(parent=son_la, code="04048", name="Xã Vân Hồ")
    CommuneFactory(parent=son_la, code="04057", name="Xã Xuân Nha")
    district = DistrictFactory(parent=son_la, code="128", name="Huyện Vân Hồ")
    other = CommuneFactory(name="Xã Vân Hồ Khác")
    index = reverse("directory_units:index")

    response = client.get(index, {"q": "van ho"})
    assert [u.pk for u in response.context["object_list"]] == [
        van_ho.pk,
        district.pk,
        other.pk,
    ]
    response = client.get(index, {"q": "van ho", "validity": "current"})
    assert {u.pk for u in response.context["object_list"]} == {van_ho.pk, other.pk}
    response = client.get(index, {"q": "van ho", "province": son_la.pk})
    assert {u.pk for u in response.context["object_list"]} == {van_ho.pk, district.pk}
    response = client.get(index, {"on": "2025-06-30", "kind": "district"})
    assert [u.pk for u in response.context["object_list"]] == [district.pk]
    response = client.get(index, {"q": "khong co"})
    assert list(response.context["object_list"]) == []
    assert response.status_code == 200


def test_export_csv_and_xlsx(client, officer, son_la):
    CommuneFactory(
        parent=son_la, code="04048", name="Xã Vân Hồ", name_en="Van Ho Commune"
    )
    index = reverse("directory_units:index")
    response = client.get(index, {"export": "csv", "q": "van ho"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert rows[0] == (
        "Mã chính thức,Tên,Tên tiếng Anh,Loại,Mã đơn vị cấp trên,Trực thuộc,"
        "Đơn vị biên giới,Hiệu lực từ ngày,Hiệu lực đến ngày"
    )
    assert rows[1] == (
        "04048,Xã Vân Hồ,Van Ho Commune,xã,14,Tỉnh Sơn La,không,01/07/2025,"
    )
    assert len(rows) == 2

    response = client.get(index, {"export": "xlsx"})
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Mã chính thức"
    assert sheet.max_row == 3  # heading, the province, the commune


def test_inspect_shows_predecessors_successors_and_rollup(client, officer):
    dak_lak = ProvinceFactory(code="66", name="Tỉnh Đắk Lắk")
    phu_yen = ProvinceFactory(
        code="54", name="Tỉnh Phú Yên", valid_to=END_2025, successors=[dak_lak]
    )
    html = client.get(reverse("directory_units:inspect", args=[phu_yen.pk])).content
    html = html.decode()
    assert "Đơn vị kế thừa" in html and "Tỉnh Đắk Lắk" in html
    assert reverse("directory_units:inspect", args=[dak_lak.pk]) in html
    assert "Hiện nay được tính vào" in html
    assert "– 30/06/2025" in html
    html = client.get(reverse("directory_units:inspect", args=[dak_lak.pk])).content
    html = html.decode()
    assert "Đơn vị tiền thân" in html and "Tỉnh Phú Yên" in html
    assert "chính đơn vị này (còn hiệu lực)" in html


def test_people_listing_is_scoped_for_a_focal_point(client):
    mine = OrganisationFactory(name="Sở Của Tôi")
    theirs = OrganisationFactory(name="Sở Khác")
    colleague = PersonFactory(full_name="Lò Thị Mai", organisation=mine)
    PersonFactory(full_name="Cầm Văn Đức", organisation=theirs)
    PersonFactory(full_name="Khamla Sisavath")
    client.force_login(UserFactory(roles=[roles.FOCAL_POINT], organisation=mine))
    response = client.get(reverse("directory_people:index"))
    assert list(response.context["object_list"]) == [colleague]
    response = client.get(reverse("directory_people:index"), {"export": "csv"})
    rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and "Lò Thị Mai" in rows[1]


def test_unit_chooser_searches_without_diacritics_and_filters_validity(
    client, officer, son_la
):
    CommuneFactory(parent=son_la, code="04048", name="Xã Vân Hồ")
    DistrictFactory(parent=son_la, code="128", name="Huyện Vân Hồ")
    results = reverse("directory_unit_chooser:choose_results")
    html = client.get(results, {"q": "van ho"}).content.decode()
    assert "Xã Vân Hồ" in html and "Huyện Vân Hồ" in html
    html = client.get(results, {"q": "van ho", "validity": "current"}).content.decode()
    assert "Xã Vân Hồ" in html and "Huyện Vân Hồ" not in html
    html = client.get(results, {"level": "province"}).content.decode()
    assert "Tỉnh Sơn La" in html and "Xã Vân Hồ" not in html


def test_directory_settings_are_validated_and_saved(client, administrator, son_la):
    ward = CommuneFactory(parent=son_la, name="Phường Tô Hiệu")
    body = OrganisationFactory(
        name="Sở Ngoại vụ tỉnh Sơn La", administrative_unit=son_la
    )
    site = Site.objects.get(is_default_site=True)
    url = reverse(
        "wagtailsettings:edit", args=["directory", "directorysettings", site.pk]
    )
    response = client.post(url, {"province": ward.pk, "foreign_affairs_body": body.pk})
    assert response.status_code == 200
    assert (
        "Tỉnh sử dụng hệ thống: “Phường Tô Hiệu” không phải là tỉnh hoặc thành phố "
        "trực thuộc trung ương." in response.content.decode()
    )
    assert serving_province() is None
    response = client.post(
        url, {"province": son_la.pk, "foreign_affairs_body": body.pk}
    )
    assert response.status_code == 302
    assert serving_province() == son_la
    assert foreign_affairs_body() == body


def test_directory_menu_group(rf, officer):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = officer
    group = next(
        item
        for item in admin_menu.menu_items_for_request(request)
        if str(item.label) == "Danh mục"
    )
    labels = [str(item.label) for item in group.menu.menu_items_for_request(request)]
    assert labels == [
        "Đơn vị hành chính",
        "Cơ quan, đơn vị",
        "Quốc gia",
        "Đối tác nước ngoài",
        "Cá nhân",
    ]
    request.user = UserFactory(roles=[roles.MONITOR])
    group = next(
        item
        for item in admin_menu.menu_items_for_request(request)
        if str(item.label) == "Danh mục"
    )
    assert "Cá nhân" not in [
        str(item.label) for item in group.menu.menu_items_for_request(request)
    ]


def test_deleting_an_entry_still_referred_to_is_refused_with_the_reason(
    client, administrator, son_la
):
    commune = CommuneFactory(parent=son_la, name="Xã Vân Hồ")
    organisation = OrganisationFactory(
        name="UBND xã Vân Hồ", administrative_unit=commune
    )
    delete_url = reverse("directory_units:delete", args=[son_la.pk])
    page = client.get(delete_url).content.decode()
    assert "“Tỉnh Sơn La” không thể xóa" in page
    assert "đơn vị hành chính: Xã Vân Hồ" in page
    assert "Yes, delete" not in page and "Có, xóa" not in page
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == delete_url
    assert AdministrativeUnit.objects.filter(pk=son_la.pk).exists()

    person = PersonFactory(organisation=organisation)
    response = client.post(
        reverse("directory_organisations:delete", args=[organisation.pk])
    )
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    response = client.post(reverse("directory_people:delete", args=[person.pk]))
    assert response.status_code == 302
    assert not type(person).objects.filter(pk=person.pk).exists()
    response = client.post(
        reverse("directory_organisations:delete", args=[organisation.pk])
    )
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
