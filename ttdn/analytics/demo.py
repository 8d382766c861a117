"""Demo data: the starting figures the Sơn La seeds show (idempotent)."""

import re

from ttdn.portal.demo import content
from ttdn.portal.importers import parse_text, read_input
from ttdn.portal.models import ArticlePage
from ttdn.portal.services import article_fingerprint

from . import services
from .models import AnalyticsSettings, PageViewTotal

# Seed 000 (the Sơn La portal, 24/01/2017): "Tổng số lượt truy cập: 41466892".
STARTING_VISITS = 41_466_892
STARTING_NOTE = "Cổng thông tin điện tử tỉnh Sơn La (hệ thống cũ), bản lưu 24/01/2017"
VIEWS = re.compile(r"Số lượt xem:\s*([\d.,]+)")


def _seed_views():
    """(article, views) for every seed that shows "Số lượt xem: N"."""
    for seed in content.SEEDS:
        path = content.SEEDS_DIR / seed["file"]
        match = VIEWS.search(path.read_text(encoding="utf-8"))
        if not match:
            continue
        parsed = parse_text(read_input(path, max_bytes=1_000_000), path=str(path))
        page = ArticlePage.objects.filter(
            import_fingerprint=article_fingerprint(parsed)
        ).first()
        if page is not None:
            yield page, int(re.sub(r"\D", "", match.group(1)))


def load(stdout=None) -> int:
    """Set the starting figures unless an administrator already set them."""
    changed = 0
    current = AnalyticsSettings.load()
    if current.starting_visits == 0:
        services.set_starting_visits(visits=STARTING_VISITS, note=STARTING_NOTE)
        changed += 1
        if stdout is not None:
            stdout.write(f"+ tổng lượt truy cập ban đầu {STARTING_VISITS}")
    for page, views in _seed_views():
        row = PageViewTotal.objects.filter(page_id=page.pk).first()
        if row is None or row.starting_views == 0:
            services.set_starting_views(page=page, views=views)
            changed += 1
            if stdout is not None:
                stdout.write(f"+ lượt xem ban đầu {views}: {page.title}")
    return changed
