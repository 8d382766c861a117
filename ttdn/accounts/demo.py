"""Demo accounts for `make run`: an administrator and one account per role.

The password comes from TTDN_DEMO_PASSWORD or is generated once and kept in
var/demo-password (mode 600), so every `make run` can print it again.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ttdn.directory.models import Organisation

from . import roles, twofactor
from .services import role_group

# username, first name, last name, role (None: superuser), organisation name.
# The register and planning demos create the same accounts for their records
# (ttdn/affairs/demo/content.py, ttdn/planning/demo/content.py); whichever runs
# first creates an account and the others leave it as it is.
DEMO_USERS = [
    ("admin", "Quản trị", "Hệ thống", None, None),
    ("bientap", "Biên tập", "Viên", roles.EDITOR, None),
    ("duyet", "Lãnh đạo", "Duyệt tin", roles.APPROVER, None),
    (
        "chuyenvien",
        "Chuyên viên",
        "Đối ngoại",
        roles.FOREIGN_AFFAIRS_OFFICER,
        "Sở Ngoại vụ tỉnh Sơn La",
    ),
    (
        "daumoi",
        "Đầu mối",
        "Sở Văn hóa",
        roles.FOCAL_POINT,
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
    ),
    (
        "daumoixa",
        "Đầu mối",
        "Xã Vân Hồ",
        roles.FOCAL_POINT,
        "Ủy ban nhân dân xã Vân Hồ",
    ),
    ("theodoi", "Cán bộ", "Theo dõi", roles.MONITOR, "Sở Ngoại vụ tỉnh Sơn La"),
    ("bcd", "Thành viên", "Ban Chỉ đạo", roles.STEERING_MEMBER, None),
]


def _organisation(name):
    """The current organisation with this name, if the directory demo is loaded."""
    if name is None:
        return None
    return (
        Organisation.objects.filter(name=name, valid_to__isnull=True)
        .order_by("pk")
        .first()
    )


def demo_password() -> str:
    if settings.TTDN_DEMO_PASSWORD:
        return settings.TTDN_DEMO_PASSWORD
    path = settings.VAR_DIR / "demo-password"
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(9)
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(password)
    path.chmod(0o600)
    return password


def demo_user(username: str):
    """The demo account *username* of :data:`DEMO_USERS`, created (with the demo
    password, its role and organisation) if it does not exist yet. The part demos
    act as these accounts."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    first, last, role, organisation = next(
        (f, la, r, o) for u, f, la, r, o in DEMO_USERS if u == username
    )
    user = User.objects.create_user(
        username=username,
        password=demo_password(),
        first_name=first,
        last_name=last,
        email=f"{username}@example.org",
        is_staff=role is None,
        is_superuser=role is None,
        organisation=_organisation(organisation),
    )
    if role is not None:
        user.groups.add(role_group(role))
    return user


@transaction.atomic
def ensure_demo_users() -> list[str]:
    User = get_user_model()
    password = demo_password()
    lines = []
    has_superuser = User.objects.filter(is_superuser=True).exists()
    for username, first, last, role, organisation in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        if role is None and has_superuser:
            continue  # an administrator exists already
        user = User.objects.create_user(
            username=username,
            password=password,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            is_staff=role is None,
            is_superuser=role is None,
            organisation=_organisation(organisation),
        )
        if role is not None:
            user.groups.add(role_group(role))
        lines.append(f"Đã tạo tài khoản trình diễn: {username}")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines.append(f"Trang quản trị / Admin: {base}/admin/")
    for username, _first, _last, role, _organisation_code in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        label = roles.ROLES[role].group_name if role else "Quản trị (superuser)"
        if user.check_password(password):
            lines.append(f"  {username} / {password}  — {label}")
        else:
            lines.append(f"  {username} — {label} (mật khẩu đã được đổi)")
    return lines


def demo_totp_key() -> str:
    """The demo accounts' shared TOTP key (hex), generated once into
    var/demo-totp-key (mode 600) so the printed secret stays valid."""
    path = settings.VAR_DIR / "demo-totp-key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(20)
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(key)
    path.chmod(0o600)
    return key


@transaction.atomic
def enrol_demo_totp() -> list[str]:
    """Enrol the demo accounts that must use two-factor login with one shared
    authenticator key, so the demo stays quick; returns lines to print (the key
    to type into an app, and the code valid now). Idempotent; an account that
    enrolled its own device is left alone."""
    key = demo_totp_key()
    User = get_user_model()
    enrolled = []
    for username, *_rest in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None or not twofactor.required_for(user):
            continue
        if TOTPDevice.objects.filter(user=user, confirmed=True).exclude(key=key):
            continue
        TOTPDevice.objects.update_or_create(
            user=user,
            name="demo",
            defaults={"key": key, "confirmed": True},
        )
        enrolled.append(username)
    if not enrolled:
        return []
    device = TOTPDevice(key=key)
    secret = twofactor.secret_base32(device)
    code = f"{totp(device.bin_key):06d}"
    return [
        f"Đăng nhập hai bước (TOTP) của tài khoản trình diễn {', '.join(enrolled)}:",
        f"  khóa bí mật (nhập vào ứng dụng xác thực): {secret}",
        f"  mã hiện tại: {code}  (đổi sau mỗi 30 giây; "
        "`python manage.py demo_totp` in lại)",
    ]
