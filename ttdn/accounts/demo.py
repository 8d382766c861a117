"""Demo accounts for `make run`: one administrator, one editor, one approver.

The password comes from TTDN_DEMO_PASSWORD or is generated once and kept in
var/demo-password (mode 600), so every `make run` can print it again.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from ttdn.settings import env

from . import roles
from .services import role_group

DEMO_USERS = [
    ("admin", "Quản trị", "Hệ thống", None),
    ("bientap", "Biên tập", "Viên", roles.EDITOR),
    ("duyet", "Lãnh đạo", "Duyệt tin", roles.APPROVER),
]


def demo_password() -> str:
    if env.DEMO_PASSWORD:
        return env.DEMO_PASSWORD
    path = settings.VAR_DIR / "demo-password"
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(9)
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(password)
    path.chmod(0o600)
    return password


@transaction.atomic
def ensure_demo_users() -> list[str]:
    User = get_user_model()
    password = demo_password()
    lines = []
    if not User.objects.filter(is_superuser=True).exists():
        for username, first, last, role in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
                is_staff=role is None,
                is_superuser=role is None,
            )
            if role is not None:
                user.groups.add(role_group(role))
            lines.append(f"Đã tạo tài khoản trình diễn: {username}")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines.append(f"Trang quản trị / Admin: {base}/admin/")
    for username, _first, _last, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        label = roles.ROLES[role].group_name if role else "Quản trị (superuser)"
        if user.check_password(password):
            lines.append(f"  {username} / {password}  — {label}")
        else:
            lines.append(f"  {username} — {label} (mật khẩu đã được đổi)")
    return lines
