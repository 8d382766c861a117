"""Backup → restore round trip into an empty database (issue 11): every record
and every uploaded file comes back; a damaged archive or a non-empty target is
refused."""

import tarfile

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, Page

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import PASSWORD, UserFactory
from ttdn.affairs.models import Delegation
from ttdn.affairs.tests.factories import DelegationFactory, DocumentFactory
from ttdn.core import audit
from ttdn.directory.models import Organisation
from ttdn.directory.tests.factories import OrganisationFactory
from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory


def _counts():
    return {
        "users": get_user_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "delegations": Delegation.objects.count(),
        "documents": get_document_model().objects.count(),
        "pages": Page.objects.count(),
        "log": ModelLogEntry.objects.count(),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_into_an_empty_database(tmp_path, settings, home):
    organisation = OrganisationFactory(name="Sở Công Thương", short_code="SCT")
    user = UserFactory(
        username="cv", roles=[roles.FOCAL_POINT], organisation=organisation
    )
    document = DocumentFactory(title="Giấy mời đoàn")
    delegation = DelegationFactory(
        organisation=organisation, title="Đoàn Lào", invitation=document
    )
    audit.log_create(delegation, user=user)
    section = SectionPageFactory(parent=home, title="Tin tức")
    ArticlePageFactory(parent=section, title="Bài về đoàn Lào")
    file_bytes = document.file.read()
    document.file.close()
    before = _counts()

    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and f"media/{document.file.name}" in names

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    (settings.MEDIA_ROOT / document.file.name).unlink()
    assert get_user_model().objects.count() == 0

    call_command("restore", str(archive))
    assert _counts() == before
    restored = Delegation.objects.get(title="Đoàn Lào")
    assert restored.organisation.name == "Sở Công Thương"
    assert restored.invitation.title == "Giấy mời đoàn"
    with restored.invitation.file.open("rb") as handle:
        assert handle.read() == file_bytes
    cv = get_user_model().objects.get(username="cv")
    assert cv.check_password(PASSWORD)
    assert cv.organisation_id == restored.organisation_id
    assert set(cv.groups.values_list("name", flat=True)) == {
        roles.ROLES[roles.FOCAL_POINT].group_name
    }
    assert Page.objects.get(title="Bài về đoàn Lào").live
    # New rows after a restore get fresh ids (PostgreSQL sequences reset).
    OrganisationFactory(name="Sở Y tế", short_code="SYT")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_non_empty_database(tmp_path):
    UserFactory(username="cv")
    archive = tmp_path / "a.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(archive))
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_damaged_archive(tmp_path):
    UserFactory(username="cv")
    archive = tmp_path / "a.tar.gz"
    call_command("backup", str(archive))
    damaged = tmp_path / "b.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.json.gz":
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            import io

            target.addfile(member, io.BytesIO(data))
    # Checked before anything is touched (even with --flush).
    with pytest.raises(CommandError, match="SHA-256 không khớp"):
        call_command("restore", str(damaged), flush=True)
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["cv"]
