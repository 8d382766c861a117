"""Reads of the reports app: who sees reports, the dashboard's series, and the
records behind a figure (provenance)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone

from wagtail.admin.admin_url_finder import AdminURLFinder

from ttdn.core.indicators import Period, SourceRef, registry
from ttdn.planning import selectors as planning

from .models import Report

DELEGATION_CODES = ("DELEG_IN_COUNT", "DELEG_OUT_COUNT")


def reads_reports(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("reports.view_report")
    )


def reports_for(user) -> QuerySet[Report]:
    if not reads_reports(user):
        return Report.objects.none()
    return Report.objects.select_related("issuing_organisation", "issued_by")


def dashboard_years(*, today: dt.date | None = None, count: int = 5) -> list[int]:
    year = (today or timezone.localdate()).year
    return list(range(year - count + 1, year + 1))


def trend(code: str, years: list[int]) -> list[tuple[int, object]]:
    """The indicator's total for each calendar year."""
    indicator = registry.get(code)
    return [(year, indicator.compute(Period.year(year)).total) for year in years]


def delegations_by_country(year: int) -> dict | None:
    """Per direction (incoming, outgoing), the number of delegations per country
    in *year*; ``None`` when the foreign-affairs register provides no
    delegation indicators."""
    if not all(code in registry for code in DELEGATION_CODES):
        return None
    period = Period.year(year)
    result = {}
    for code in DELEGATION_CODES:
        indicator = registry.get(code)
        computed = indicator.compute(period)
        result[code] = {
            "name": indicator.name,
            "rows": [(group.key[0], group.value) for group in computed.by("country")],
        }
    return result


def year_to_date(as_of: dt.date):
    """The work of *as_of*'s year up to that day (and what was still open when
    the year began), in its status on that day."""
    items, _day = planning.work_items_in_period(dt.date(as_of.year, 1, 1), as_of)
    return items


def tasks_by_unit(as_of: dt.date) -> list[planning.UnitStatus]:
    """Per lead unit, its work items of the year in each status on *as_of*."""
    return planning.status_by_unit(year_to_date(as_of))


# --- provenance -----------------------------------------------------------------
@dataclass
class ResolvedSource:
    source: SourceRef
    model_name: str
    url: str | None


# Inspect views of models that have one (a user reading figures may lack the
# permission to edit the records).
INSPECT_URL_NAMES = {
    "planning.workitem": None,
    "planning.meeting": "planning_meetings:inspect",
    "planning.task": "planning_tasks:inspect",
}


def resolve_sources(sources: list[SourceRef], user) -> list[ResolvedSource]:
    """The records behind a figure, each with a link to its admin page where the
    user may open one."""
    from django.urls import NoReverseMatch, reverse

    finder = AdminURLFinder(user)
    by_model = defaultdict(list)
    for source in sources:
        by_model[source.model].append(source)
    resolved = []
    for label, items in by_model.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            model = None
        objects = model.objects.in_bulk([s.pk for s in items]) if model else {}
        name = str(model._meta.verbose_name) if model else label
        for source in items:
            instance = objects.get(source.pk)
            url = None
            if instance is not None:
                if label == "planning.workitem":
                    url = reverse("planning_tasks:inspect", args=[instance.task_id])
                elif INSPECT_URL_NAMES.get(label):
                    try:
                        url = reverse(INSPECT_URL_NAMES[label], args=[instance.pk])
                    except NoReverseMatch:
                        url = None
                else:
                    url = finder.get_edit_url(instance)
            resolved.append(ResolvedSource(source=source, model_name=name, url=url))
    return resolved
