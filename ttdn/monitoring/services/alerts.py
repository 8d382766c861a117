"""Spike alerts: detection, notification, acknowledgement."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.timefmt import VN_TZ

from .. import selectors
from ..choices import (
    AlertSubject,
    AlertWindow,
)
from ..models import (
    Alert,
    Item,
)

logger = logging.getLogger(__name__)


# --- alerts ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    name: str
    recent: dt.timedelta
    baseline: dt.timedelta
    periods: int  # the baseline counted as this many recent windows
    minimum: int
    factor: float


def _windows() -> list[Window]:
    config = settings.TTDN_MONITORING
    return [
        Window(
            AlertWindow.HOUR,
            dt.timedelta(hours=1),
            dt.timedelta(hours=12),
            12,
            config["SPIKE_HOUR_MIN"],
            config["SPIKE_HOUR_FACTOR"],
        ),
        Window(
            AlertWindow.DAY,
            dt.timedelta(days=1),
            dt.timedelta(days=14),
            14,
            config["SPIKE_DAY_MIN"],
            config["SPIKE_DAY_FACTOR"],
        ),
    ]


def _bucket(window: Window, now: dt.datetime) -> str:
    local = now.astimezone(VN_TZ)
    if window.name == AlertWindow.HOUR:
        return f"{local:%Y-%m-%dT%H}"
    return f"{local:%Y-%m-%d}"


def _counts(queryset, field_name: str, low, high) -> dict:
    return dict(
        queryset.filter(fetched_at__gte=low, fetched_at__lt=high)
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


def detect_spikes(
    *, now: dt.datetime | None = None, notify: bool = True
) -> list[Alert]:
    """Raise an alert for each story or topic whose items of the last hour (day)
    number at least the minimum and more than FACTOR × the hourly (daily) mean of
    the previous 12 hours (14 days). One alert per subject, window and hour (day).
    Topics count relevant items only. New alerts are e-mailed to the monitors."""
    now = now or timezone.now()
    raised = []
    relevant = Item.objects.filter(relevant=True)
    for window in _windows():
        recent_start = now - window.recent
        baseline_start = recent_start - window.baseline
        subjects = [
            (
                AlertSubject.STORY,
                "story_id",
                Item.objects.filter(story__isnull=False, story__relevant=True),
            ),
            (AlertSubject.TOPIC, "topic", relevant.exclude(topic="")),
        ]
        for subject, field_name, queryset in subjects:
            recent = _counts(queryset, field_name, recent_start, now)
            before = _counts(queryset, field_name, baseline_start, recent_start)
            for key, count in recent.items():
                baseline = before.get(key, 0) / window.periods
                if count < window.minimum or count <= window.factor * baseline:
                    continue
                alert_key = f"{subject}:{key}:{window.name}:{_bucket(window, now)}"
                alert, created = Alert.objects.get_or_create(
                    key=alert_key,
                    defaults={
                        "subject": subject,
                        "window": window.name,
                        "story_id": key if subject == AlertSubject.STORY else None,
                        "topic": key if subject == AlertSubject.TOPIC else "",
                        "window_end": now,
                        "count": count,
                        "baseline": round(baseline, 2),
                    },
                )
                if created:
                    raised.append(alert)
    if raised and notify:
        notify_monitors(raised)
    return raised


def notify_monitors(alerts: list[Alert]) -> int:
    """E-mail the alerts to every monitor; returns the number of messages sent."""
    recipients = selectors.monitor_recipients()
    if not recipients:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [alert.headline for alert in alerts]
    body = "\n".join(f"- {line}" for line in lines)
    body += "\n\n" + _("See the alerts in the administration: %(url)s") % {
        "url": f"{base}/admin/monitoring/alerts/"
    }
    subject = _("[TTĐN] %(count)s monitoring alert(s)") % {"count": len(alerts)}
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # the alerts stay in the admin; detection must go on
        logger.exception("Monitoring alert e-mail could not be sent")
        return 0


@transaction.atomic
def acknowledge_alert(alert: Alert, *, user) -> Alert:
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = user
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
        audit.log_edit(alert, user=user, fields=["acknowledged_at"])
    return alert
