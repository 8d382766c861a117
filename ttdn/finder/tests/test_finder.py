"""The back-office search box: folded matching, scoping by each app's
selectors, and its empty states."""

import pytest

from ttdn.finder import selectors

pytestmark = pytest.mark.django_db


def test_words_are_folded():
    assert selectors.words("Đoàn  LÀO 51/KH") == ["doan", "lao", "51", "kh"]


def test_anonymous_or_unprivileged_user_sees_nothing(django_user_model):
    user = django_user_model.objects.create_user("xem", password="x")
    assert selectors.search(user, "doan") == []


def test_admin_page_requires_login(client):
    response = client.get("/admin/finder/?q=doan")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_short_and_empty_queries_explain(admin_client):
    html = admin_client.get("/admin/finder/").content.decode()
    assert "Tìm hồ sơ đăng ký, kế hoạch, nhiệm vụ, vụ việc" in html
    html = admin_client.get("/admin/finder/", {"q": "đ"}).content.decode()
    assert "Hãy gõ ít nhất hai chữ cái hoặc chữ số." in html
    html = admin_client.get("/admin/finder/", {"q": "khong co gi"}).content.decode()
    assert "Không có hồ sơ nào bạn được xem phù hợp với “khong co gi”." in html


@pytest.fixture
def units(db):
    from ttdn.directory.tests.factories import OrganisationFactory

    return (
        OrganisationFactory(name="Sở Văn hóa tỉnh Thử", short_code="SVH"),
        OrganisationFactory(name="Sở Y tế tỉnh Thử", short_code="SYT"),
    )


def _users(units):
    from ttdn.accounts import roles
    from ttdn.accounts.tests.factories import UserFactory

    return {
        "officer": UserFactory(
            username="chuyenvien", roles=[roles.FOREIGN_AFFAIRS_OFFICER]
        ),
        "own": UserFactory(
            username="daumoi", roles=[roles.FOCAL_POINT], organisation=units[0]
        ),
    }


DELEGATIONS = "Đoàn ra, đoàn vào"


def titles(groups):
    return {g.label: [h.title for h in g.hits] for g in groups}


def test_records_are_found_folded_and_scoped_to_the_user(units):
    from ttdn.affairs.tests.factories import DelegationFactory

    DelegationFactory(title="Đoàn Lào thăm Sơn La", organisation=units[0])
    DelegationFactory(title="Đoàn Lào thăm bệnh viện", organisation=units[1])
    DelegationFactory(title="Đoàn Nhật Bản", organisation=units[0])
    users = _users(units)
    found = titles(selectors.search(users["officer"], "doan lao"))
    assert list(found) == [DELEGATIONS]
    assert sorted(found[DELEGATIONS]) == [
        "Đoàn Lào thăm Sơn La",
        "Đoàn Lào thăm bệnh viện",
    ]
    own = titles(selectors.search(users["own"], "đoàn lào"))
    assert own == {DELEGATIONS: ["Đoàn Lào thăm Sơn La"]}
    # The page lists them with links the user may open.
    groups = selectors.search(users["own"], "doan lao")
    assert groups[0].hits[0].url and "/admin/" in groups[0].hits[0].url
