"""Create the plain site's pages (idempotent): home → /bare/ with rich text."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.plain.settings")
django.setup()

from wagtail.models import Page, Site  # noqa: E402

from bench.plain.models import BarePage  # noqa: E402

BODY = "".join(
    f"<p>Đoạn {n}: công tác thông tin đối ngoại của tỉnh được đẩy mạnh, hợp tác "
    "với các địa phương của Lào và các đối tác nước ngoài.</p>"
    for n in range(1, 9)
)

root = Page.get_first_root_node()
site = Site.objects.filter(is_default_site=True).first()
home = BarePage.objects.filter(depth=2).first()
if home is None:
    home = root.add_child(instance=BarePage(title="Trang chủ", slug="trang-chu"))
    home.save_revision().publish()
if site is None or site.root_page_id != home.pk:
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
if not BarePage.objects.filter(slug="bare").exists():
    page = BarePage(title="Trang đơn giản", slug="bare", body=BODY)
    home.add_child(instance=page)
    page.save_revision().publish()
print("plain site ready: /bare/")
