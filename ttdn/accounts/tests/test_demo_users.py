from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from ttdn.accounts import roles
from ttdn.accounts.demo import DEMO_USERS
from ttdn.accounts.selectors import has_role

pytestmark = pytest.mark.django_db


def test_demo_users_get_their_roles_and_organisations(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    from ttdn.directory.demo.loader import load_demo as load_directory_demo

    load_directory_demo()
    out = StringIO()
    call_command("ensure_demo_users", stdout=out)
    User = get_user_model()
    assert User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).count() == 8
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    officer = User.objects.get(username="chuyenvien")
    assert has_role(officer, roles.FOREIGN_AFFAIRS_OFFICER)
    assert officer.organisation.short_code == "SNgV"
    monitor = User.objects.get(username="theodoi")
    assert has_role(monitor, roles.MONITOR)
    assert User.objects.get(username="bcd").organisation is None
    daumoi = User.objects.get(username="daumoi")
    assert has_role(daumoi, roles.FOCAL_POINT) and not has_role(daumoi, roles.EDITOR)
    assert daumoi.organisation.short_code == "SVHTTDL"
    password = (tmp_path / "demo-password").read_text().strip()
    assert f"  daumoi / {password}  — Đầu mối đơn vị" in out.getvalue()


def test_second_run_creates_nothing_and_reports_changed_passwords(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("ensure_demo_users", stdout=StringIO())
    User = get_user_model()
    before = User.objects.count()
    editor = User.objects.get(username="bientap")
    editor.set_password("another-password-123")
    editor.save()
    out = StringIO()
    call_command("ensure_demo_users", stdout=out)
    assert User.objects.count() == before
    assert "bientap — Biên tập viên (mật khẩu đã được đổi)" in out.getvalue()


def test_no_demo_administrator_when_one_exists(settings, tmp_path, superuser):
    settings.VAR_DIR = tmp_path
    call_command("ensure_demo_users", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
