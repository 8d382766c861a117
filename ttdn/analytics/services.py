"""Writes of the audience statistics: counting hits, flushing, pruning, starting
figures. Definitions (what one view and one visit are): docs/analytics.md."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from . import identity
from .backends import Figures, Hit, Outcome, get_backend
from .models import AnalyticsSettings, DailySalt, PageViewTotal


@dataclass(frozen=True)
class CountResult:
    outcome: Outcome
    figures: Figures | None = None


def count_hit(
    *,
    ip: str,
    user_agent: str,
    page_id: int | None = None,
    now: dt.datetime | None = None,
    with_figures: bool = False,
) -> CountResult | None:
    """Count one page load by a reader. Returns None (nothing counted) for bots.

    ``page_id`` is the Wagtail page read (None for other pages such as search
    results: they count towards visits, not views). With ``with_figures`` the
    widget's figures after this hit come back too (one round trip in Redis).
    """
    if identity.is_bot(user_agent):
        return None
    now = now or timezone.now()
    day = identity.local_day(now)
    salt = identity.daily_salt(day)
    visitor = identity.visitor_id(ip=ip, user_agent=user_agent, salt=salt)
    if page_id is not None and _over_address_cap(ip=ip, page_id=page_id, salt=salt):
        page_id = None  # still a visit, no longer a view of the page
    hit = Hit(day=day, now_ms=identity.epoch_ms(now), visitor=visitor, page_id=page_id)
    backend = get_backend()
    if with_figures:
        outcome, figures = backend.record_and_read(hit)
        return CountResult(outcome=outcome, figures=figures)
    return CountResult(outcome=backend.record(hit))


def _over_address_cap(*, ip: str, page_id: int, salt: str) -> bool:
    """True once one network address has counted VIEWS_PER_ADDRESS views of a
    page within VIEW_WINDOW, whatever User-Agent each request claims (an office
    behind one address still counts several readers)."""
    conf = settings.TTDN_ANALYTICS
    limit = conf.get("VIEWS_PER_ADDRESS")
    if not limit:
        return False
    window = int(conf["VIEW_WINDOW"])
    key = "analytics:cap:" + identity.address_page_key(
        ip=ip, page_id=page_id, salt=salt
    )
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def count_request(
    request, *, page_id: int | None, with_figures: bool = False
) -> CountResult | None:
    """Count a beacon request (not bots, not prefetches)."""
    if identity.is_prefetch(request):
        return None
    return count_hit(
        ip=identity.client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        page_id=page_id,
        with_figures=with_figures,
    )


def flush_counters() -> int:
    """Write the counts waiting in Redis to the daily tables (database backend:
    nothing waits). Returns the number of counts written."""
    return get_backend().flush()


def prune_visitor_state(*, now: dt.datetime | None = None) -> int:
    """Delete the visitor state and salts of past days (GMT+7). Returns rows."""
    now = now or timezone.now()
    today = identity.local_day(now)
    removed = get_backend().prune(today=today, now_ms=identity.epoch_ms(now))
    salts, _ = DailySalt.objects.filter(day__lt=today).delete()
    if salts:
        identity.forget_salts()
    return removed + salts


def _invalidate_figures() -> None:
    """Cached figures (Redis snapshot) are dropped now and again after the
    commit, so no reader keeps the old starting figure."""
    backend = get_backend()
    backend.invalidate()
    transaction.on_commit(backend.invalidate)


@transaction.atomic
def set_starting_visits(*, visits: int, note: str = "") -> AnalyticsSettings:
    """Set the old portal's total visits; the "Total visits" figure adds to it."""
    settings_row = AnalyticsSettings.load()
    settings_row.starting_visits = visits
    settings_row.starting_note = note
    settings_row.full_clean()
    settings_row.save()
    _invalidate_figures()
    return settings_row


@transaction.atomic
def set_starting_views(*, page: Page, views: int) -> PageViewTotal:
    """Set the views an article had on the old portal; its count adds to them."""
    if page is None or page.pk is None:
        raise ValidationError({"page": _("Page: choose the article.")})
    row, _created = PageViewTotal.objects.select_for_update().get_or_create(
        page_id=page.pk
    )
    row.starting_views = views
    row.full_clean(exclude=["page"])
    row.save(update_fields=["starting_views"])
    _invalidate_figures()
    return row
