"""Back-office search: register records, plans, tasks, incidents and issued
documents by number, title, partner or person, without diacritics if the user
types none, limited to what the user may see.

Each source is the owning app's selector (``records_for``, ``plans_for``,
``tasks_for``, ``incidents_for``, ``reports_for``), so scoping by role and
organisation is the same as in that app's own listings. Records with a folded
``search_text`` column are matched in the database (``folded_search``); plans,
tasks and documents, which have none, are matched on their folded number, title
and organisations in Python, over the user's own (scoped) rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.admin_url_finder import AdminURLFinder

from ttdn.affairs import selectors as affairs
from ttdn.core.folding import folded, folded_search
from ttdn.core.text import fold, nfc
from ttdn.monitoring import selectors as monitoring
from ttdn.planning import selectors as planning
from ttdn.reports import selectors as reports

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_QUERY_LENGTH = 2


@dataclass
class Hit:
    title: str
    detail: str
    url: str | None


@dataclass
class Group:
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False


def words(query: str) -> list[str]:
    return _WORD.findall(fold(nfc(query or "")))


def _matches(text: str, query_words: list[str]) -> bool:
    """Every query word starts a word of the folded text (as folded_search)."""
    return all(text.startswith(w) or f" {w}" in text for w in query_words)


def _rank(text: str, query_words: list[str]) -> int:
    phrase = " ".join(query_words)
    return 0 if text.startswith(phrase) or f" {phrase}" in text else 1


def _in_python(rows, query_words, values, limit):
    """Rows whose folded *values* match, phrase matches first."""
    found = []
    for row in rows:
        text = folded(*values(row))
        if _matches(text, query_words):
            found.append((_rank(text, query_words), row))
    found.sort(key=lambda item: item[0])
    return [row for _, row in found[: limit + 1]]


def _group(label, objects, *, limit, finder, title, detail) -> Group | None:
    objects = list(objects)
    if not objects:
        return None
    return Group(
        label=str(label),
        hits=[
            Hit(title=title(obj), detail=detail(obj), url=finder.get_edit_url(obj))
            for obj in objects[:limit]
        ],
        more=len(objects) > limit,
    )


def search(user, query: str, *, limit: int = 10) -> list[Group]:
    """Groups of hits, one per kind of record with at least one hit."""
    query_words = words(query)
    if not query_words or len("".join(query_words)) < MIN_QUERY_LENGTH:
        return []
    finder = AdminURLFinder(user)
    groups = []
    for model in affairs.RECORD_MODELS:
        records = folded_search(affairs.records_for(user, model), query, rank=True)
        groups.append(
            _group(
                model._meta.verbose_name_plural.capitalize(),
                records[: limit + 1],
                limit=limit,
                finder=finder,
                title=str,
                detail=lambda r: " · ".join(
                    str(v) for v in (r.reference, r.organisation) if v
                ),
            )
        )
    plans = _in_python(
        planning.plans_for(user).select_related("issuer"),
        query_words,
        lambda p: [p.document_number, p.title, p.issuer],
        limit,
    )
    groups.append(
        _group(
            _("Plans"),
            plans,
            limit=limit,
            finder=finder,
            title=str,
            detail=lambda p: str(p.issuer or ""),
        )
    )
    tasks = _in_python(
        planning.tasks_for(user).select_related("plan"),
        query_words,
        lambda t: [t.code, t.title, t.plan.document_number, t.plan.title],
        limit,
    )
    groups.append(
        _group(
            pgettext_lazy("finder", "Tasks"),
            tasks,
            limit=limit,
            finder=finder,
            title=str,
            detail=lambda t: str(t.plan),
        )
    )
    incidents = folded_search(monitoring.incidents_for(user), query, rank=True)
    groups.append(
        _group(
            _("Incidents"),
            incidents[: limit + 1],
            limit=limit,
            finder=finder,
            title=lambda i: i.title,
            detail=lambda i: i.url,
        )
    )
    documents = _in_python(
        reports.reports_for(user),
        query_words,
        lambda r: [r.document_number, r.subject, r.issuing_organisation, r.issued_by],
        limit,
    )
    groups.append(
        _group(
            _("Documents"),
            documents,
            limit=limit,
            finder=finder,
            title=lambda r: " — ".join(v for v in (r.number_label, r.subject) if v),
            detail=lambda r: str(r.issuing_organisation or ""),
        )
    )
    return [g for g in groups if g is not None]
