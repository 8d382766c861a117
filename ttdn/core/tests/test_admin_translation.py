"""The Wagtail admin speaks Vietnamese: the override catalogue in
ttdn/core/locale_wagtail fills every gap of Wagtail's vi catalogues, and the admin
screens editors use render their labels in Vietnamese."""

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import wagtail

import pytest

from ttdn.accounts import roles
from ttdn.accounts.tests.factories import UserFactory
from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory

BASE_DIR = Path(settings.BASE_DIR)
OVERRIDE = BASE_DIR / "ttdn" / "core" / "locale_wagtail"
MESSAGES = OVERRIDE / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="gettext (msgfmt) missing")


def load_gap_script():
    path = BASE_DIR / "scripts" / "wagtail_vi_gaps.py"
    spec = importlib.util.spec_from_file_location("wagtail_vi_gaps", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gaps = load_gap_script()
SITE_PACKAGES = Path(wagtail.__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scan():
    return gaps.scan(SITE_PACKAGES)


# --------------------------------------------------------------- the catalogue


def test_override_folder_is_a_locale_path():
    assert OVERRIDE in [Path(p) for p in settings.LOCALE_PATHS]


def test_gap_script_reads_every_wagtail_catalogue(scan):
    scanned = {app for app, _ in scan.stats}
    assert {
        "wagtail",
        "wagtail.admin",
        "wagtail.images",
        "wagtail.documents",
    } <= scanned
    assert ("wagtail.admin", "djangojs") in scan.stats
    assert scan.gaps["django"] and scan.gaps["djangojs"]


def test_gap_script_spots_a_placeholder_glued_to_a_word():
    glued = gaps.Entry(
        msgid="Enter your %(username_field_name)s",
        msgstr="Nhập %(username_field_name)scủa bạn",
    )
    assert gaps.placeholder_problems(glued) == [
        "no space after %(username_field_name)s"
    ]
    spaced = gaps.Entry(
        msgid=glued.msgid, msgstr="Nhập %(username_field_name)s của bạn"
    )
    assert gaps.placeholder_problems(spaced) == []
    assert gaps.term_problems(gaps.Entry(msgid="Unpublish", msgstr="Thu hồi xuất bản"))


def test_override_catalogues_fill_every_gap_and_fix_every_suspect(scan):
    """Fails after a Wagtail upgrade brings new strings: run
    `scripts/wagtail_vi_gaps.py --write`, translate, compile (docs/development.md)."""
    assert gaps.problems(scan, OVERRIDE) == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_keeps_the_msgid_placeholders(domain):
    for entry in gaps.read_override(domain, OVERRIDE):
        sources = [entry.msgid] + [p for p in [entry.msgid_plural] if p]
        wanted = [gaps.placeholders(s) for s in sources]
        for value in entry.translations:
            assert value, gaps.describe(entry)
            assert gaps.placeholders(value) in wanted, (gaps.describe(entry), value)


@pytest.mark.parametrize("domain", DOMAINS)
def test_plural_entries_have_the_single_vietnamese_form(domain):
    text = (MESSAGES / f"{domain}.po").read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert "msgstr[1]" not in text


@needs_msgfmt
@pytest.mark.parametrize("domain", DOMAINS)
def test_override_catalogue_is_fully_translated(domain):
    result = subprocess.run(
        [
            MSGFMT,
            "--check",
            "--statistics",
            "-o",
            "/dev/null",
            MESSAGES / f"{domain}.po",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@needs_msgfmt
@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_override_catalogue_is_up_to_date(domain, tmp_path):
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run([MSGFMT, "-o", compiled, MESSAGES / f"{domain}.po"], check=True)
    assert compiled.read_bytes() == (MESSAGES / f"{domain}.mo").read_bytes(), (
        "compile ttdn/core/locale_wagtail with msgfmt and commit the .mo files"
    )


def test_overrides_win_over_wagtail_and_spare_the_project_catalogues():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Unpublish") == "Ngừng xuất bản"
        assert translation.gettext("Approve") == "Phê duyệt"
        # the portal's own translation of a msgid Wagtail also uses stays
        assert translation.gettext("Caption") == "Chú thích"
    with translation.override("en"):
        assert translation.gettext("Save draft") == "Save draft"


def test_just_now_still_works_in_vietnamese():
    """Wagtail says "just now" when Django's timesince equals its "0 minutes"."""
    from django.utils import timezone

    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("vi"):
        assert timesince_simple(timezone.now()) == "vừa xong"


@pytest.mark.django_db
def test_javascript_catalogue_is_vietnamese(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    body = response.content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S)[1])
    assert catalog["Collapse all"] == "Thu gọn tất cả"
    assert catalog["Page explorer"] == "Cây trang"
    assert catalog["Delete error"] == "Lỗi khi xóa"


# ------------------------------------------------------------ admin as a person

# English labels an editor must not meet on the Vietnamese admin screens.
ENGLISH = {
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Settings",
    "Help",
    "Users",
    "Groups",
    "Sites",
    "Collections",
    "Redirects",
    "Workflows",
    "Workflow tasks",
    "Locked pages",
    "Site history",
    "Site summary",
    "Dashboard",
    "Search",
    "Save draft",
    "Publish",
    "Unpublish",
    "Preview",
    "Content",
    "Promote",
    "Status",
    "History",
    "Add child page",
    "Sort menu order",
    "Submit for moderation",
    "Approve",
    "Approve with comment",
    "Request changes",
    "Cancel workflow",
    "Awaiting your review",
    "Your most recent edits",
    "Log out",
    "Account",
    "Edit",
    "Delete",
    "Copy",
    "Move",
    "Title",
    "Slug",
    "Privacy",
    "Comments",
    "Toggle side panel",
    "Bulk actions",
    "Filter by",
    "Sign in",
    "Forgotten password?",
    "Remember me",
}


class VisibleText(HTMLParser):
    """Text nodes and the labels a reader or screen reader meets (not scripts)."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.texts.append(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def visible(response) -> set[str]:
    assert response.status_code == 200
    parser = VisibleText()
    parser.feed(response.content.decode())
    return set(parser.texts)


def sidebar_labels(response) -> list[str]:
    html = response.content.decode()
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    labels: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "label" and isinstance(value, str):
                    labels.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match[1]))
    return labels


# English words of times and dates (Django's timesince, humanize's naturaltime).
ENGLISH_TIME = re.compile(r"\b(now|ago|seconds?|minutes?|hours?|days?|weeks?)\b")


def assert_no_english(texts):
    assert not (set(texts) & ENGLISH), sorted(set(texts) & ENGLISH)
    assert not [t for t in texts if ENGLISH_TIME.search(t)]


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_dashboard_and_sidebar_are_vietnamese(admin_client, section):
    response = admin_client.get(reverse("wagtailadmin_home"))
    texts = visible(response)
    assert "Tổng quan trang web" in texts
    assert "Tìm trong tất cả các trang…" in texts
    labels = sidebar_labels(response)
    for label in (
        "Trang",
        "Ảnh",
        "Tài liệu",
        "Đoạn nội dung dùng chung",
        "Báo cáo",
        "Quy trình duyệt",
        "Cài đặt",
        "Người dùng",
        "Bộ sưu tập",
        "Chuyển hướng",
        "Trợ giúp",
        "Đăng xuất",
    ):
        assert label in labels, labels
    assert_no_english(texts)
    assert_no_english(labels)


@pytest.mark.django_db
def test_page_explorer_is_vietnamese(admin_client, section):
    ArticlePageFactory(parent=section, title="Tin thử nghiệm")
    response = admin_client.get(reverse("wagtailadmin_explore", args=(section.pk,)))
    texts = visible(response)
    for label in ("Thêm trang con", "Sắp xếp thứ tự menu", "Thao tác hàng loạt"):
        assert label in texts
    assert "Đang xuất bản" in texts
    assert_no_english(texts)


@pytest.mark.django_db
def test_article_editor_is_vietnamese(admin_client, section):
    url = reverse("wagtailadmin_pages:add", args=("portal", "articlepage", section.pk))
    texts = visible(admin_client.get(url))
    for label in (
        "Lưu bản nháp",
        "Xuất bản",
        f"Gửi {roles.APPROVAL_WORKFLOW_NAME}",
        "Nội dung",
        "Quảng bá",
        "Xem trước",
        "Trạng thái",
    ):
        assert label in texts, label
    assert_no_english(texts)


@pytest.mark.django_db
def test_workflow_actions_are_vietnamese(client, section):
    editor = UserFactory(username="bientap", roles=[roles.EDITOR])
    approver = UserFactory(username="duyet", roles=[roles.APPROVER])
    page = ArticlePageFactory(parent=section, publish=False)
    page.get_workflow().start(page, editor)

    client.force_login(editor)
    texts = visible(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    assert "Hủy quy trình duyệt" in texts
    assert_no_english(texts)

    client.force_login(approver)
    texts = visible(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    # the only task of the workflow publishes when approved
    for label in (
        "Phê duyệt và xuất bản",
        "Phê duyệt kèm ý kiến và xuất bản",
        "Yêu cầu chỉnh sửa",
    ):
        assert label in texts, label
    assert f"Đã gửi đến {roles.APPROVAL_TASK_NAME} vừa xong" in texts
    assert_no_english(texts)

    texts = visible(client.get(reverse("wagtailadmin_home")))
    assert "Đang chờ bạn duyệt" in texts
    assert_no_english(texts)


@pytest.mark.django_db
def test_login_page_is_vietnamese_with_the_fixed_placeholder(client):
    user_model = get_user_model()
    with translation.override("vi"):
        username = str(
            user_model._meta.get_field(user_model.USERNAME_FIELD).verbose_name
        )
    response = client.get(reverse("wagtailadmin_login"))
    html = response.content.decode()
    assert f'placeholder="Nhập {username} của bạn"' in html
    assert f"{username}của" not in html
    texts = visible(response)
    assert {"Đăng nhập Wagtail", "Quên mật khẩu?", "Ghi nhớ đăng nhập"} <= texts
    assert_no_english(texts)
