"""Choices of the monitoring app (docs/monitoring.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SourceType(models.TextChoices):
    FEED = "feed", _("RSS or Atom feed")
    LISTING = "listing", _("HTML listing page")
    PAGE = "page", _("single page")


class SourceKind(models.TextChoices):
    DOMESTIC_PRESS = "domestic_press", _("domestic press")
    FOREIGN_PRESS = "foreign_press", _("foreign press")
    OFFICIAL = "official", _("official source")
    OTHER = "other", pgettext_lazy("source kind", "other")


class Topic(models.TextChoices):
    FOREIGN_AFFAIRS = "foreign_affairs", _("foreign affairs")
    BORDER_SECURITY = "border_security", _("border and security")
    INVESTMENT_TRADE = "investment_trade", _("investment and trade")
    TOURISM_CULTURE = "tourism_culture", _("tourism and culture")
    DISINFORMATION = "disinformation", _("disinformation")
    DOMESTIC_OTHER = "domestic_other", _("domestic, other")


class Review(models.TextChoices):
    """What a monitor said about an item in the inbox."""

    UNREVIEWED = "", _("not reviewed")
    RELEVANT = "relevant", _("relevant")
    NOT_RELEVANT = "not_relevant", _("not relevant")


class Falsity(models.TextChoices):
    """The labels of the Vietnam Anti-Fake News Centre (tingia.gov.vn)."""

    FAKE = "fake", _("fake news (tin giả)")
    FALSE = "false", _("untrue information (tin sai sự thật)")
    VERIFIED = "verified", _("verified information (tin xác thực)")


class IncidentState(models.TextChoices):
    DETECTED = "detected", _("detected")
    TRIAGED = "triaged", _("triaged")
    VERIFYING = "verifying", _("verifying")
    RESPONDING = "responding", _("responding")
    REPORTED = "reported", _("reported")
    CLOSED = "closed", _("closed")


STATE_ORDER = [s.value for s in IncidentState]
OPEN_STATES = [s for s in STATE_ORDER if s != IncidentState.CLOSED]


class SourceChannel(models.TextChoices):
    FOREIGN_PRESS = "foreign_press", _("foreign press")
    DOMESTIC_PRESS = "domestic_press", _("domestic press")
    SOCIAL_NETWORK = "social_network", _("social network")
    AGENCY_NOTICE = "agency_notice", _("notice from a ministry or another agency")
    OTHER = "other", pgettext_lazy("source channel", "other")


class Severity(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class Step(models.TextChoices):
    """Steps that carry a deadline; each is done when the incident reaches a state."""

    TRIAGE = "triage", _("triage")
    VERIFY = "verify", _("verification")
    RESPOND = "respond", _("first response")
    REPORT = "report", _("report")
    CLOSE = "close", _("closing")


class CountedFrom(models.TextChoices):
    DETECTION = "detection", _("detection of the information")
    PUBLICATION = "publication", _("publication of the information")


class ResponseKind(models.TextChoices):
    CLARIFICATION = "clarification", _("clarification on the portal")
    PRESS_RELEASE = "press_release", _("press release on the portal")
    PRESS_INFORMATION = "press_information", _("information supplied to the press")
    REMOVAL_REQUEST = "removal_request", _("request to remove the information")


PORTAL_RESPONSE_KINDS = (ResponseKind.CLARIFICATION, ResponseKind.PRESS_RELEASE)


class AlertWindow(models.TextChoices):
    HOUR = "hour", _("last hour against the previous 12 hours")
    DAY = "day", _("last day against the previous 14 days")


class AlertSubject(models.TextChoices):
    STORY = "story", _("story")
    TOPIC = "topic", _("topic")


class FetchOutcome(models.TextChoices):
    OK = "ok", _("fetched")
    NOT_MODIFIED = "not_modified", _("not modified")
    ERROR = "error", _("error")
