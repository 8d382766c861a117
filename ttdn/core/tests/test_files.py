"""Non-public files are never served to anonymous users (issue 11, defect 1):
/media/ answers only image renditions; documents go through the checked view,
by permission and organisation; each download of a non-public one is logged."""

from wagtail.models import ModelLogEntry
from wagtail.rich_text import RichText

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.affairs.tests.factories import DelegationFactory, DocumentFactory
from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.portal.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SECRET_BYTES = b"%PDF-1.4 noi bo"


def _document(**kwargs):
    from django.core.files.base import ContentFile

    return DocumentFactory(
        file=ContentFile(SECRET_BYTES, name="giay-moi.pdf"), **kwargs
    )


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def org_a(db):
    return OrganisationFactory(name="Sở Công Thương", short_code="SCT")


@pytest.fixture
def org_b(db):
    return OrganisationFactory(name="Sở Y tế", short_code="SYT")


@pytest.fixture
def attachment(org_a):
    document = _document()
    DelegationFactory(organisation=org_a, invitation=document)
    return document


def test_media_folder_serves_no_document_to_anyone(client, attachment, superuser):
    path = f"/media/{attachment.file.name}"
    assert client.get(path).status_code == 404
    client.force_login(superuser)
    assert client.get(path).status_code == 404


def test_media_folder_serves_no_issued_report(client, settings):
    folder = settings.MEDIA_ROOT / "reports" / "2026"
    folder.mkdir(parents=True)
    (folder / "12-bao-cao.docx").write_bytes(b"PK docx")
    assert client.get("/media/reports/2026/12-bao-cao.docx").status_code == 404
    assert client.get("/media/../media/reports/2026/12-bao-cao.docx").status_code == 404


def test_media_folder_serves_image_renditions(client, settings):
    folder = settings.MEDIA_ROOT / "images"
    folder.mkdir(parents=True)
    (folder / "anh.width-800.jpg").write_bytes(b"\xff\xd8 jpeg")
    response = client.get("/media/images/anh.width-800.jpg")
    assert response.status_code == 200
    assert _body(response) == b"\xff\xd8 jpeg"


def test_anonymous_user_cannot_download_register_attachment(client, attachment):
    response = client.get(attachment.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SECRET_BYTES not in _body(response)


def test_focal_point_of_other_organisation_is_refused(client, attachment, org_b):
    other = UserFactory(roles=[roles.FOCAL_POINT], organisation=org_b)
    client.force_login(other)
    response = client.get(attachment.url)
    assert response.status_code == 403
    assert not ModelLogEntry.objects.filter(action="ttdn.download").exists()


def test_focal_point_of_the_organisation_downloads_and_is_logged(
    client, attachment, org_a
):
    own = UserFactory(roles=[roles.FOCAL_POINT], organisation=org_a)
    client.force_login(own)
    response = client.get(attachment.url)
    assert response.status_code == 200
    assert _body(response) == SECRET_BYTES
    entry = ModelLogEntry.objects.get(action="ttdn.download")
    assert (entry.user_id, entry.object_id) == (own.pk, str(attachment.pk))


def test_user_without_role_is_refused(client, attachment):
    client.force_login(UserFactory())
    assert client.get(attachment.url).status_code == 403


def test_document_on_a_live_page_is_public(client, home):
    document = _document()
    ArticlePageFactory(
        parent=home,
        body=[
            (
                "paragraph",
                RichText(f'<p><a linktype="document" id="{document.pk}">Tải</a></p>'),
            )
        ],
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert _body(response) == SECRET_BYTES
    assert not ModelLogEntry.objects.filter(action="ttdn.download").exists()


def test_document_on_a_draft_page_is_not_public(client, home):
    document = _document()
    ArticlePageFactory(
        parent=home,
        publish=False,
        body=[
            (
                "paragraph",
                RichText(f'<p><a linktype="document" id="{document.pk}">Tải</a></p>'),
            )
        ],
    )
    assert client.get(document.url).status_code == 302


def test_nginx_sendfile_hands_the_checked_file_to_the_server(
    client, attachment, superuser, settings
):
    settings.TTDN_SENDFILE = "nginx"
    settings.SENDFILE_BACKEND = "ttdn.core.files"
    from wagtail.utils.sendfile import _get_sendfile

    _get_sendfile.clear()
    try:
        client.force_login(superuser)
        response = client.get(attachment.url)
    finally:
        _get_sendfile.clear()
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{attachment.file.name}"
    assert SECRET_BYTES not in _body(response)
