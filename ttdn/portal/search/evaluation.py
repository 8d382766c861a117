"""Judged-query evaluation of the portal search: nDCG@10, precision, recall.

Used by the test that keeps the quality above 0.9 (ttdn/portal/tests/
test_search_quality.py) and by ``bench/search_quality.py``, which prints the
figures for SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.html import escape

from wagtail.models import Page
from wagtail.rich_text import RichText

from ttdn.core.timefmt import VN_TZ

from ..models import ArticlePage, SectionPage
from . import query as search_query

CUTOFF = 10


@dataclass
class QueryScore:
    query: str
    ndcg: float
    precision: float
    recall: float
    ranked: list[str]


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:CUTOFF]))


def score(query: str, ranked: list[str], judged: dict[str, int]) -> QueryScore:
    """nDCG@10 with graded gains; precision at k = min(10, number relevant)
    (a query with 3 relevant articles can at best fill 3 places); recall@10."""
    relevant = {key for key, grade in judged.items() if grade > 0}
    ideal = dcg(sorted(judged.values(), reverse=True))
    ndcg = dcg([judged.get(key, 0) for key in ranked]) / ideal if ideal else 1.0
    k = min(CUTOFF, len(relevant)) or 1
    precision = sum(1 for key in ranked[:k] if key in relevant) / k
    recall = (
        sum(1 for key in ranked[:CUTOFF] if key in relevant) / len(relevant)
        if relevant
        else 1.0
    )
    return QueryScore(query, ndcg, precision, recall, ranked[:CUTOFF])


def load_corpus(home: Page, articles) -> dict[int, str]:
    """Create and publish the judged articles under *home*; page id → key."""
    sections: dict[str, SectionPage] = {}
    keys: dict[int, str] = {}
    for key, section_slug, date, title, body in articles:
        section = sections.get(section_slug)
        if section is None:
            section = SectionPage(title=section_slug, slug=f"judged-{section_slug}")
            home.add_child(instance=section)
            section.save_revision().publish()
            sections[section_slug] = section
        article = ArticlePage(
            title=title,
            slug=f"judged-{key}",
            lead="",
            body=[("paragraph", RichText(f"<p>{escape(body)}</p>"))],
            published_at=dt.datetime.fromisoformat(date).replace(hour=8, tzinfo=VN_TZ),
            live=False,
        )
        section.add_child(instance=article)
        article.save_revision().publish()
        keys[article.pk] = key
    return keys


def evaluate(queries, keys: dict[int, str], *, locale_id: int) -> list[QueryScore]:
    scores = []
    for text, judged in queries:
        results = search_query.search(
            text, filters=search_query.Filters(locale_id=locale_id)
        )
        ranked = []
        if results.matches is not None:
            ranked = [keys.get(a.pk, f"#{a.pk}") for a in results.matches[:CUTOFF]]
        scores.append(score(text, ranked, judged))
    return scores


def means(scores: list[QueryScore]) -> dict[str, float]:
    n = len(scores) or 1
    return {
        "ndcg@10": sum(s.ndcg for s in scores) / n,
        "precision@10": sum(s.precision for s in scores) / n,
        "recall@10": sum(s.recall for s in scores) / n,
    }


def report(scores: list[QueryScore]) -> str:
    """The queries below 1 on any measure, then the means."""
    lines = [
        f"{s.query!r}: nDCG {s.ndcg:.2f} P {s.precision:.2f} R {s.recall:.2f} "
        f"{s.ranked}"
        for s in scores
        if min(s.ndcg, s.precision, s.recall) < 1
    ]
    lines.append(", ".join(f"{k} {v:.3f}" for k, v in means(scores).items()))
    return "\n".join(lines)
